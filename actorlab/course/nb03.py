"""Checks for notebook 03, the self-call deadlock.

The protocol is notebook 02's: a call is `("call", caller, ref, request)`, answered with
`(ref, reply)`; a cast is `("cast", message)`.
"""
from __future__ import annotations

from typing import Any, Callable

from ..runtime import (ANY, DeadlockError, ReceiveTimeout, current_node, is_alive, make_ref,
                       process_info, receive, self_pid, send, spawn)
from ..trace import Ref, short
from ..trace.protocol import hand_call, hand_cast, is_hand_call, is_normal
from .checks import (Check, crash_text, describe_step, exit_of, fresh_node, last_taken,
                     kept_outside_state, leaves_its_loop, names_used, self_waits, spawn_learner,
                     stale_pids)

NUMBERS = [1, 2, 3, 6]
"""The first stats server's numbers, asked "mean" then "summary"."""
MORE_NUMBERS = [4, 5]
"""The second's, on a fresh server asked "summary" first (so a summary that needs a "mean"
asked before it fails), then "mean", then "summary" again (so a server that answers only
two requests fails), with a mean that is not a whole number (4.5: `//` answers 4) and a
count that is not NUMBERS' (a hard-coded 4 or 3.0 fails)."""


def call(server: Any, request: Any, timeout: float | None = None) -> Any:
    """Notebook 02's hand-built call (the checks' own copy)."""
    ref = make_ref()
    send(server, hand_call(self_pid(), ref, request))
    return receive((ref, ANY), timeout=timeout)[1]


def check_stats(stats_server: Callable) -> None:
    """stats_server(numbers) answers "mean" and "summary" = ("summary", count, mean)."""
    with Check("stats server") as check:
        for numbers, order in ((NUMBERS, ("mean", "summary")),
                               (MORE_NUMBERS, ("summary", "mean", "summary"))):
            if not _ask_stats(check, stats_server, numbers, order):
                return
        helpers = [e.data["child"] for e in current_node().trace.events   # the shell
                   if e.kind == "spawn" and e.pid != self_pid()]              # started stats
        if helpers:
            alive = sum(map(is_alive, helpers))
            waiting = (f" (and {alive} of them still wait for messages that will never come)"
                       if alive else "")
            check.fail(f"the server started a new process to help it answer{waiting}: a "
                       "second process, and messages to and fro, for what the server could "
                       "compute itself. Compute the mean with a plain function that both "
                       "requests use")
        else:
            check.expect(not self_waits(current_node().trace),
                         "the server never waited for itself",
                         "the server still calls itself somewhere")
        where = kept_outside_state(stats_server)
        if check.passed and where:
            check.fail(f"it works, but the server keeps data {where}, outside the process, "
                       "where every stats server sees it: a process keeps what it needs in "
                       "its own variables. Compute the mean from the numbers each time, with "
                       "a plain function that both requests use")


def _ask_stats(check: Check, stats_server: Callable, numbers: list, order: tuple) -> bool:
    """Start a fresh stats server on `numbers`, ask it the requests in `order` and note each
    answer in `check`; False if it could not start or a call got no answer."""
    pid = spawn_learner(check, stats_server, numbers, label="stats")
    if pid is None:
        return False
    mean = sum(numbers) / len(numbers)
    right = {"mean": mean, "summary": ("summary", len(numbers), mean)}
    for asked_before, request in enumerate(order):
        try:
            answer = call(pid, request, timeout=1000)
        except (DeadlockError, ReceiveTimeout):
            check.fail(_unanswered(stats_server, pid, request, asked_before, numbers))
            return False
        asked = (f"a fresh stats_server({numbers}) answered {request!r}, asked first,"
                 if not asked_before and request != "mean" else
                 f"stats_server({numbers}) answered {request!r}")
        check.expect(answer == right[request], f"{asked} with {short(answer)}",
                     f"{asked} with {short(answer)}, not {short(right[request])}" +
                     (_took_back(pid, answer) or
                      _mistake(answer, mean, numbers, names_used(stats_server),
                               kept_outside_state(stats_server))))
    extra = [m for m in process_info(self_pid())["messages"] if type(m) is tuple
             and len(m) == 2 and type(m[0]) is Ref]
    if extra:
        check.fail(f"after the calls, {short(extra[0])} was left in the caller's mailbox: "
                   "a second reply to a call already answered. Nobody takes it, so it stays "
                   "there for good. Send one reply per request: send(caller, (ref, reply)) "
                   "once")
        return False
    return True


def _took_back(pid: Any, answer: Any) -> str:
    """If the mean in `answer` is a message the server sent itself (a cast to itself, then
    a receive() for the mean): that its own receive took it back; else ''."""
    own = [e.data["msg"] for e in current_node().trace.events
           if e.kind == "send" and e.pid == pid and e.data["to"] == pid]
    got = answer[2] if type(answer) is tuple and len(answer) == 3 else answer
    if not any(got == message for message in own):
        return ""
    return (f": {short(got)} is the message the server sent itself, and its own receive() "
            "took it straight back. A cast to yourself is safe, but it is only a message in "
            "your own mailbox, and nothing answers it. Compute the mean with a plain function "
            "that both requests use")


def _mistake(answer: Any, mean: float, numbers: list, used: set,
             kept: str | None = None) -> str:
    """What a wrong mean (alone, or in a summary) says about the code that computed it,
    which refers to the global names `used` (round, int: what made a mean whole) and
    keeps values `kept` outside the process (`kept_outside_state`'s words).

    >>> _mistake(("summary", 2, 4), 4.5, [4, 5], set())
    ': the mean was made a whole number: // rounds down. Divide with / and keep its result'
    >>> _mistake(4, 4.5, [4, 5], {"round"})
    ': the mean was made a whole number, by round(): keep the result of / as it is'
    """
    if type(answer) is list:
        return (": that is a list, where a tuple is needed: answer ('summary', count, mean), "
                "in round brackets")
    if (type(answer) is tuple and len(answer) == 3 and answer[2] == len(numbers)
            and answer[1] != len(numbers)):
        swapped = ": the mean and the count are swapped: answer ('summary', count, mean)"
        also = _mistake(answer[:1] + (answer[2], answer[1]), mean, numbers, used, kept)
        return swapped + (f"; also{also[1:]}" if also else "")
    got = answer[2] if type(answer) is tuple and len(answer) == 3 else answer
    if got is None:
        return (": it used a mean that only a 'mean' request computes. Compute it for every "
                "request, with a plain function that both requests use")
    if numbers != NUMBERS and got == sum(NUMBERS) / len(NUMBERS):
        left = (f", which the first server left {kept}, where every server sees it"
                if kept else "")
        return (f": that is the mean of {NUMBERS}{left}. Compute it from the numbers the "
                "server was started with")
    if got == mean // 1 != mean or got == round(mean) != mean:
        made = next((name for name in ("round", "int") if name in used), None)
        return (f": the mean was made a whole number, by {made}(): keep the result of / as "
                "it is" if made else
                ": the mean was made a whole number: // rounds down. Divide with / and keep "
                "its result")
    return ""


def _unanswered(stats_server: Callable, pid: Any, request: str, asked_before: int,
                numbers: list | None = None) -> str:
    """Why the call `request`, made after `asked_before` answered ones, to the stats server
    `pid` (running `stats_server` on `numbers`) got no answer."""
    trace = current_node().trace
    waits = self_waits(trace)
    if waits:
        timed = waits[0].data["timeout"] is not None
        return (f"at {describe_step(trace, waits[0])} the server waited for a reply from "
                "itself: it called its own API while handling a call (sending to itself "
                "is safe; waiting for its own answer is not, since only it could send "
                "one). " +
                ("The timeout only ended that wait, with a ReceiveTimeout, after the "
                 "server had stood still for the whole timeout: it fixes nothing. "
                 if timed else "") +
                "Compute the mean with a plain function that both requests use")
    first = (f", asked first of a fresh stats_server({numbers})," if numbers is not None
             and not asked_before else "")
    cycle = next((e for e in trace.events if e.kind == "cycle" and pid in e.data["cycle"]),
                 None)
    if cycle is not None:
        names = trace.names()
        helpers = ", ".join(f"{other!r} ({names.get(other, 'a process')})"
                            for other in cycle.data["cycle"] if other != pid)
        return (f"a cycle of calls closed at step {cycle.step}: the server waited for "
                f"{helpers}, which waited for the server, like a → b → a above. Asking "
                "another process does not help while that one asks the server back. Compute "
                "the mean with a plain function that both requests use")
    unanswered = f"the call {request!r}{first} got no answer"
    to_itself = [e.data["msg"] for e in trace.events if e.kind == "send" and e.pid == pid
                 and e.data["to"] == pid and _is_reply(e.data["msg"])]
    if to_itself:
        return (f"{unanswered}: the server sent the reply {short(to_itself[-1], 60)} to "
                "itself (send(self_pid(), ...)), not to the process that asked. Send it "
                "there: send(caller, (ref, reply))")
    ended = exit_of(pid)
    if ended is not None and is_normal(ended.data["reason"]) and leaves_its_loop(stats_server):
        return (f"{unanswered}: the server {crash_text(ended)}, as its function returned "
                f"after {asked_before} answer{'s' * (asked_before != 1)}: a return (or a "
                "break) inside its loop ends the loop, and the server. Answer a request by "
                "sending, send(caller, (ref, reply)), never by returning, and stay in the loop")
    if ended is not None and is_normal(ended.data["reason"]):
        return (f"{unanswered}: the server {crash_text(ended)}, as its function returned "
                f"after {asked_before} answer{'s' * (asked_before != 1)}. A server must loop "
                "forever (while True: around receive()) to answer every request")
    if ended is None and stats_server.__name__ in names_used(stats_server):
        return (f"{unanswered}: the server called its own function, "
                f"{stats_server.__name__}(), which waits in an inner receive() for a new "
                "request, so the outer loop never gets to answer. Compute the mean with a "
                "plain function that both requests use")
    sent_itself = [e.data["msg"] for e in trace.events if e.kind == "send" and e.pid == pid
                   and e.data["to"] == pid]
    if ended is not None and last_taken(pid) in sent_itself:
        return (f"{unanswered}: the server {crash_text(ended)}. It crashed on "
                f"{short(last_taken(pid), 60)}, a message it had sent itself: its loop "
                "expects every message to be a call. No message is needed to get the mean: "
                "compute it with a plain function that both requests use")
    if ended is not None and isinstance(ended.data["reason"], UnboundLocalError):
        return (f"{unanswered}: the server {crash_text(ended)}. It used a value that only "
                "another request computes, and this server had not been asked it yet. "
                "Compute the mean for every request, with a plain function that both "
                "requests use")
    stale = stale_pids(stats_server)
    if ended is not None and stale:
        return (f"{unanswered}: the server {crash_text(ended)}. It calls {stale[0]}, the pid "
                "of a server started in a cell above, outside the function: the check starts "
                "its own server on a fresh node, where that pid is gone. And a server that "
                "calls its own API, by any name, waits for itself (this notebook's deadlock). "
                "Compute the mean with a plain function that both requests use")
    if ended is not None:
        return f"{unanswered}: the server {crash_text(ended)}"
    asked = {e.data["msg"][2] for e in trace.events if e.kind == "send" and e.data["to"] == pid
             and e.pid == self_pid() and is_hand_call(e.data["msg"])}
    new_refs = [e.data["msg"] for e in trace.events if e.kind == "send" and e.pid == pid
                and e.data["to"] == self_pid() and _is_reply(e.data["msg"])
                and e.data["msg"][0] not in asked]
    if new_refs:
        return (f"{unanswered}: the server sent {short(new_refs[-1], 60)}, with a ref of its "
                "own (make_ref()), and a call waits only for a reply that starts with the ref "
                "it sent. Reuse the ref that came in the request: send(caller, (ref, reply))")
    strays = [e.data["msg"] for e in trace.events if e.kind == "send" and e.pid == pid
              and e.data["to"] == self_pid() and not _is_reply(e.data["msg"])]
    if strays:
        return (f"{unanswered}: the server sent {short(strays[-1], 60)}, not (ref, reply), "
                "and a call waits only for a message that starts with its ref. Answer every "
                "call with send(caller, (ref, reply))")
    return (f"{unanswered}: every call must be answered with send(caller, (ref, reply)). "
            f"Answer {request!r} too")


def _is_reply(message: Any) -> bool:
    """Whether `message` has the shape of a call's reply, `(ref, reply)`."""
    return type(message) is tuple and len(message) == 2 and isinstance(message[0], Ref)


# -- which programs deadlock? ---------------------------------------------------------

def _program_a() -> None:
    """A server that casts to itself while handling a call, then replies."""
    def server() -> None:
        while True:
            message = receive()
            if is_hand_call(message):
                _, caller, ref, _ = message
                send(self_pid(), hand_cast("note it down"))
                send(caller, (ref, "done"))

    call(spawn(server, label="A"), "work")


def _program_b() -> None:
    """Server X calls server Y, which answers straight away."""
    def y() -> None:
        while True:
            _, caller, ref, _ = receive()
            send(caller, (ref, "from Y"))

    y_pid = spawn(y, label="Y")

    def x() -> None:
        while True:
            _, caller, ref, _ = receive()
            send(caller, (ref, call(y_pid, "help")))

    call(spawn(x, label="X"), "work")


def _program_c() -> None:
    """Server X calls server Y, and Y calls X back before answering."""
    pids: dict[str, Any] = {}

    def y() -> None:
        while True:
            _, caller, ref, _ = receive()
            send(caller, (ref, call(pids["X"], "check")))

    def x() -> None:
        while True:
            _, caller, ref, request = receive()
            answer = call(pids["Y"], "help") if request == "work" else "ok"
            send(caller, (ref, answer))

    pids["Y"] = spawn(y, label="Y")
    pids["X"] = spawn(x, label="X")
    call(pids["X"], "work")


PROGRAMS = {"A": _program_a, "B": _program_b, "C": _program_c}
WHY = {
    "A": "a send to yourself never waits, so the server answers and then reads its own cast",
    "B": "X waits for Y, but Y waits for nobody: the calls form a chain, not a cycle",
    "C": "X waits for Y and Y waits for X: a cycle of calls, and neither can answer",
}


def check_deadlock_quiz(deadlocks: dict) -> None:
    """`deadlocks` says True or False for each of the programs A, B and C."""
    with Check("which programs deadlock") as check:
        if not isinstance(deadlocks, dict):
            check.fail(f"deadlocks is {short(deadlocks)}: keep it a dict, "
                       "{'A': True or False, 'B': ..., 'C': ...}")
            return
        unknown = set(deadlocks) - set(PROGRAMS)
        if unknown:
            keys = "an unknown key" if len(unknown) == 1 else "unknown keys"
            check.fail(f"deadlocks has {keys} {', '.join(sorted(map(repr, unknown)))}: the "
                       "programs are 'A', 'B' and 'C'")
            return
        for name, program in PROGRAMS.items():
            _run_program(check, name, program, deadlocks.get(name))


def _run_program(check: Check, name: str, program: Callable, guess: Any) -> None:
    """Run one program on a fresh node and compare what happened with the guess."""
    if guess is None:
        check.fail(f"{name}: no answer yet (True if it deadlocks, False if not)")
        return
    if type(guess) is not bool:
        word = guess.strip().capitalize() if isinstance(guess, str) else ""
        quoted = (f" (write {word}, without quotes: a bool, not a string)"
                  if word in ("True", "False") else "")
        check.fail(f"{name}: {short(guess)} is not an answer: write True if it deadlocks, "
                   f"False if not{quoted}")
        return
    fresh_node()
    try:
        program()
        happened = False
    except DeadlockError:
        happened = True
    verdict = "deadlocks" if happened else "does not deadlock"
    said = "it does" if guess else "it does not"
    check.expect(guess == happened, f"{name} {verdict}: {WHY[name]}",
                 f"{name} {verdict} (you said {said}): {WHY[name]}")
