"""What the node tells people when something goes wrong: crash reports, call cycles,
deadlocks, runaways. Each is plain, deterministic text: no memory addresses, no file paths,
no wall-clock times, so a notebook shows the same words every run.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..trace import Pid, Ref, Trace, callable_name, describe_pattern, short
from .errors import DeadlockError, user_frame
from .process import Process

if TYPE_CHECKING:
    from .node import Node

_INFER_LOOKBACK = 10_000  # events searched backwards for the send that carried a ref


def where(error: BaseException) -> str | None:
    """Where a crash happened, without the file name: `worker, line 3: return 1 / 0`."""
    frame = user_frame(error.__traceback__)
    if frame is None:
        return None
    function, line, code = frame
    return f"{function}, line {line}: {code}" if code else f"{function}, line {line}"


def crash_report(proc: Process, error: BaseException, location: str | None,
                 clock: float, step: int | None) -> str:
    """An Elixir-style report of a process that raised an exception."""
    at = f"at {clock:g} ms" + (f" (step {step})" if step is not None else "")
    args = ", ".join(short(a, 40) for a in proc.args)
    lines = [f"[error] Process {proc!r} raised an exception {at}",
             f"** ({type(error).__name__}) {_cut(str(error), 200)}"]
    if location:
        lines.append(f"    in {location}")
    lines.append(f"    initial call: {callable_name(proc.fn)}({args})")
    if proc.last_message is not None:
        lines.append(f"    last message: {short(proc.last_message)}")
    return "\n".join(lines)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _refs_in(term: Any) -> list[Ref]:
    if type(term) is Ref:
        return [term]
    if isinstance(term, (tuple, list)):
        return [ref for part in term for ref in _refs_in(part)]
    if isinstance(term, dict):
        return [ref for part in term.values() for ref in _refs_in(part)]
    return []


def _contains(term: Any, ref: Ref) -> bool:
    return ref in _refs_in(term)


def infer_waiting_for(trace: Trace, pid: Pid, pattern: Any) -> Pid | None:
    """Whose reply a receive waits for, when its pattern holds a ref: where that ref was sent.

    This is how a hand-built call (send a ref, then receive on it) shows up as an arrow in
    the wait-for graph without the learner saying anything.
    """
    refs = _refs_in(pattern)
    if not refs:
        return None
    for index in range(len(trace) - 1, max(-1, len(trace) - 1 - _INFER_LOOKBACK), -1):
        event = trace[index]
        if event.kind == "send" and event.pid == pid and \
                any(_contains(event.data["msg"], ref) for ref in refs):
            return event.data["to"]
    return None


def find_cycle(start: Process, processes: dict[int, Process]) -> list[Process] | None:
    """The processes from `start` round to `start`, each waiting for the next, if that loops."""
    chain = [start]
    pid = start.waiting_for
    while pid is not None:
        proc = processes.get(pid.number)
        if proc is None or not proc.waiting:
            return None
        if proc is start:
            return chain
        if proc in chain:
            return None             # a loop that does not pass through `start`
        chain.append(proc)
        pid = proc.waiting_for
    return None


def _cycle_text(cycle: list[Process]) -> str:
    if len(cycle) == 1:
        return f"{cycle[0]!r} waits for a reply from itself"
    hops = [f"{cycle[0]!r} waits for {cycle[1]!r}"]
    hops += [f"which waits for {proc!r}" for proc in cycle[2:] + cycle[:1]]
    return ", ".join(hops)


def cycle_warning(cycle: list[Process], clock: float) -> str:
    """The warning printed when a process closes a cycle of calls."""
    who = "It cannot reply to itself" if len(cycle) == 1 else "None of them can reply"
    return (f"[warning] call cycle at {clock:g} ms: {_cycle_text(cycle)}. {who} while "
            "waiting, so the wait ends only at a timeout (never, without one).")


def _mailbox_text(proc: Process) -> str:
    count = len(proc.mailbox)
    if count == 0:
        return "mailbox empty"
    shown = [short(message, 50) for message, _ in list(proc.mailbox)[:3]]
    more = f", and {count - 3} more" if count > 3 else ""
    noun = "message" if count == 1 else "messages"
    return f"mailbox has {count} {noun}: {', '.join(shown)}{more}"


def _waiting_text(proc: Process, processes: dict[int, Process]) -> str:
    pattern = describe_pattern(proc.pattern)
    if proc.waiting_for is None:
        target = ""
    elif proc.waiting_for == proc.pid:
        target = ", a reply from itself"
    else:
        other = processes.get(proc.waiting_for.number)
        target = f", a reply from {other or proc.waiting_for!r}"
    return f"waits for {pattern}{target}"


def deadlock_error(node: Node) -> DeadlockError:
    """The error for a shell that waits when nothing can ever wake it (and trace it)."""
    waiting = sorted((p for p in node.processes.values() if p.waiting),
                     key=lambda p: (p is not node.shell, p.pid.number))
    cycle: list[Process] = []
    for proc in waiting:
        cycle = find_cycle(proc, node.processes) or []
        if cycle:
            break
    if node.trace.enabled:
        node.trace.record(node.clock, "deadlock", node.shell.pid.number,
                          tuple(p.pid.number for p in waiting))
    lines = [f"deadlock at {node.clock:g} ms: the shell waits for a message that no process "
             "will ever send. Nothing is runnable and no timer is pending. Waiting:"]
    lines += [f"  {proc!r} {_waiting_text(proc, node.processes)}; {_mailbox_text(proc)}"
              for proc in waiting]
    if cycle:
        lines.append(f"Cycle: {_cycle_text(cycle)}.")
    else:
        lines.append("No cycle of calls: each waits for a message nobody is going to send.")
    return DeadlockError("\n".join(lines),
                         waiting={p.pid: _waiting_text(p, node.processes) for p in waiting},
                         cycle=[p.pid for p in cycle])


def runaway_message(node: Node, budget: str) -> str:
    """Why the node stopped a shell action that would not settle."""
    busiest = sorted(node.processes.values(), key=lambda p: (-p.runs, p.pid.number))[:3]
    ran = ", ".join(f"{p!r} ran {p.runs:,} times" for p in busiest if p.runs)
    return (f"the processes kept running for {budget} without settling (virtual time "
            f"{node.clock:g} ms). Busiest: {ran}. Look for processes that keep messaging "
            "each other forever. They are paused, not killed: the next shell action resumes "
            "them; reset() starts afresh; reset(max_steps=..., max_seconds=...) allows more.")
