"""Checks for notebook 05, GenServer."""
from __future__ import annotations

from typing import Any

from ..otp import GenServer
from ..runtime import Exit, receive, run_for, self_pid, send, spawn
from .checks import Check, run_quietly, start_learner


def check_counter(module: Any) -> None:
    """A GenServer counter: init(n); cast ("add", k); call "get"."""
    with Check("Counter GenServer") as check:
        pid = start_learner(check, "GenServer.start(Counter, 10)",
                            lambda: GenServer.start(module, 10))
        if pid is None:
            return
        GenServer.cast(pid, ("add", 5))
        ran, count = run_quietly(check, "GenServer.call(counter, 'get')",
                                 lambda: GenServer.call(pid, "get", 100))
        if ran:
            check.expect(count == 15, "after ('add', 5) the count is 15",
                         f"after starting at 10 and ('add', 5), 'get' answered {count!r}: "
                         "handle_cast returns ('noreply', new_state); handle_call returns "
                         "('reply', count, state)")


def check_queue(module: Any) -> None:
    """A queue GenServer: "pop" waits (deferred reply) until ("push", item) arrives."""
    with Check("Queue with deferred replies") as check:
        queue = start_learner(check, "GenServer.start(Queue)", lambda: GenServer.start(module))
        if queue is None:
            return
        shell = self_pid()

        def popper() -> None:
            try:
                send(shell, ("popped", GenServer.call(queue, "pop", 1000)))
            except Exit as exit_:
                send(shell, ("failed", exit_.reason))

        spawn(popper, label="popper")
        run_for(50)
        GenServer.cast(queue, ("push", "parcel"))
        answer = receive(timeout=2000)
        if answer[0] == "failed":
            reason = answer[1][0]
            if reason == "timeout":
                check.fail("the pop was never answered: remember from_ in the state, return "
                           "('noreply', state), and GenServer.reply(from_, item) when an item "
                           "is pushed")
            elif isinstance(reason, RuntimeError) and "bad return value" in str(reason):
                check.fail(f"the server crashed: {reason}. handle_call returns ('reply', item, "
                           "state) or ('noreply', state); handle_cast returns ('noreply', state)")
            else:
                check.fail(f"the pop failed, the server exited with {reason!r}")
            return
        else:
            check.expect(answer == ("popped", "parcel"),
                         "a pop on an empty queue waited, and got the item pushed 50 ms later",
                         f"the waiting pop got {answer[1]!r}, not 'parcel'")
        GenServer.cast(queue, ("push", "letter"))
        ran, item = run_quietly(check, "a pop on a non-empty queue",
                                lambda: GenServer.call(queue, "pop", 100))
        if ran:
            check.expect(item == "letter", "a pop on a non-empty queue answered at once",
                         f"a pop on a queue holding 'letter' answered {item!r}")
