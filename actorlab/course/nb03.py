"""Checks for notebook 03, the self-call deadlock.

The protocol is notebook 02's: a call is `("call", caller, ref, request)`, answered with
`(ref, reply)`; a cast is `("cast", message)`.
"""
from __future__ import annotations

from typing import Any, Callable

from ..runtime import (ANY, DeadlockError, ReceiveTimeout, current_node, is_alive, make_ref,
                       receive, self_pid, send, spawn)
from ..trace import short
from ..trace.protocol import hand_call, hand_cast, is_hand_call
from .checks import (Check, crash_text, describe_step, exit_of, fresh_node, self_waits,
                     spawn_learner)

NUMBERS = [1, 2, 3, 6]


def call(server: Any, request: Any, timeout: float | None = None) -> Any:
    """Notebook 02's hand-built call (the checks' own copy)."""
    ref = make_ref()
    send(server, hand_call(self_pid(), ref, request))
    return receive((ref, ANY), timeout=timeout)[1]


def check_stats(stats_server: Callable) -> None:
    """stats_server(numbers) answers "mean" and "summary" = ("summary", count, mean)."""
    with Check("stats server") as check:
        pid = spawn_learner(check, stats_server, NUMBERS, label="stats")
        if pid is None:
            return
        try:
            mean = call(pid, "mean", timeout=1000)
            summary = call(pid, "summary", timeout=1000)
        except (DeadlockError, ReceiveTimeout):
            check.fail(_unanswered(pid))
            return
        check.expect(mean == 3, "'mean' answered 3.0", f"'mean' answered {mean!r}, not 3.0")
        check.expect(summary == ("summary", 4, 3), "'summary' answered ('summary', 4, 3.0)",
                     f"'summary' answered {summary!r}, not ('summary', 4, 3.0)")
        helpers = [e.data["child"] for e in current_node().trace.events
                   if e.kind == "spawn" and e.pid == pid]
        if helpers:
            alive = sum(map(is_alive, helpers))
            check.fail(f"the server started a new process to answer (and {alive} of them still "
                       "wait for messages that will never come): it asks another server what "
                       "it could compute itself. Compute the mean with a plain function that "
                       "both requests use")
        else:
            check.expect(not self_waits(current_node().trace),
                         "the server never waited for itself",
                         "the server still calls itself somewhere")


def _unanswered(pid: Any) -> str:
    """Why a call to the stats server got no answer."""
    trace = current_node().trace
    waits = self_waits(trace)
    if waits:
        timed = waits[0].data["timeout"] is not None
        return (f"at {describe_step(trace, waits[0])} the server waited for a reply from "
                "itself: it called its own API while handling a call. " +
                ("The timeout only ended that wait with a crash: it fixes nothing. "
                 if timed else "") +
                "Compute the mean with a plain function that both requests use")
    ended = exit_of(pid)
    if ended is not None:
        return f"a call got no answer: the server {crash_text(ended)}"
    return "a call got no answer: every call must be answered with send(caller, (ref, reply))"


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
            check.fail(f"deadlocks has the keys {', '.join(sorted(map(repr, unknown)))}: the "
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
        quoted = " (without quotes: a bool, not a string)" if guess in ("True", "False") else ""
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
