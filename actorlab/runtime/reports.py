"""What the node tells people when something goes wrong: crash reports, call cycles,
deadlocks, runaways, interrupts. Each function here is pure: it reads the processes it is
given and returns text (or the error carrying it); the node records the trace events.
Each text is deterministic: no memory addresses, no file paths, no wall-clock times, so a
notebook shows the same words every run, and the same with the trace on, off or full.
"""
from __future__ import annotations

from ..trace import callable_name, describe_pattern, short
from .errors import DeadlockError, RunawayError, place_of, user_frame
from .process import WAITING, Process, asleep


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


def find_cycle(start: Process, processes: dict[int, Process]) -> list[Process] | None:
    """The processes from `start` round to `start`, each waiting for the next, if that loops."""
    chain = [start]
    pid = start.waiting_for
    while pid is not None:
        proc = processes.get(pid.number)
        if proc is None or proc.status is not WAITING:
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
    if proc.pattern is asleep:      # a sleep with a timer ends: only sleep("infinity") is here
        return 'sleeps forever (sleep("infinity"))'
    pattern = describe_pattern(proc.pattern)
    if proc.waiting_for is None:
        target = ""
    elif proc.waiting_for == proc.pid:
        target = ", a reply from itself"
    else:
        other = processes.get(proc.waiting_for.number)
        target = f", a reply from {other or proc.waiting_for!r}"
    return f"waits for {pattern}{target}"


def deadlock_error(clock: float, waiting: list[Process], processes: dict[int, Process],
                   faults: list[str] = ()) -> DeadlockError:
    """The error for a shell that waits when nothing can ever wake it: every process in
    `waiting` (the shell first), what each waits for, the cycle if there is one, and the
    `faults` injected (lines), since one may be why."""
    cycle: list[Process] = []
    for proc in waiting:
        cycle = find_cycle(proc, processes) or []
        if cycle:
            break
    because = "processes wait for each other in a cycle (below), so " if cycle else ""
    shell_sleeps = waiting[0].pattern is asleep
    shell_waits = ('sleeps forever (sleep("infinity")), and nothing else can happen'
                   if shell_sleeps else "waits for a message that no process will ever send")
    lines = [f"deadlock at {clock:g} ms: {because}the shell {shell_waits}. Nothing is "
             "runnable and no timer is pending. Waiting:"]
    lines += [f"  {proc!r} {_waiting_text(proc, processes)}; {_mailbox_text(proc)}"
              for proc in waiting]
    if cycle:
        lines.append(f"Cycle: {_cycle_text(cycle)}.")
    elif shell_sleeps:      # no message ends a sleep: the generic line below would not fit
        lines.append('No cycle of calls: only an exit signal ends the shell\'s '
                     'sleep("infinity"), and no process can run to send one.')
    else:
        lines.append("No cycle of calls: each waits for a message nobody is going to send.")
    if faults:
        lines.append("Faults injected before (one may be why):")
        lines += faults
    return DeadlockError("\n".join(lines),
                         waiting={p.pid: _waiting_text(p, processes) for p in waiting},
                         cycle=[p.pid for p in cycle])


def runaway_error(clock: float, processes: list[Process], shell: Process,
                  budget: str) -> RunawayError:
    """Why the node stopped a shell action that would not settle: the busiest processes."""
    busiest = sorted((p for p in processes if p is not shell and p.turns),
                     key=lambda p: (-p.turns, p.pid.number))[:3]
    turns = "; ".join(f"{p!r}, {_count(p.turns, 'turn')}" for p in busiest)
    return RunawayError(
        f"the processes kept running for {budget} without settling (virtual time "
        f"{clock:g} ms). Busiest: {turns} (a turn runs a process until it waits or steps "
        "aside). Look for processes that keep messaging each other forever, or a loop that "
        "polls (is_alive, receive with timeout=0) for what a timer would bring: virtual "
        "time moves only when nothing can run, so wait in receive or sleep. The processes "
        "that were about to run are suspended: alive, but they will not run again. "
        "reset() starts afresh; reset(max_steps=..., max_seconds=...) allows more.")


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


def interrupted_report(proc: Process) -> str:
    """What Ctrl-C did to the process that was running."""
    return (f"[interrupted] {proc!r} was running and has been stopped (reason "
            "\"interrupted\"); the other processes are paused where they were. Carry on, or "
            "call reset() for a fresh node.")


def stuck_report(proc: Process, interrupt: BaseException, seconds: float) -> str:
    """What the watchdog did to a process that held the thread in plain Python."""
    frame = user_frame(interrupt.__traceback__, own_code_only=True)
    at = ""
    if frame is not None:
        function, line, code = frame
        at = f" It was {place_of(function)}at line {line}" + (f": {code}" if code else "") + "."
    return (f"[stuck] {proc!r} held the thread for more than {seconds:g} s without a "
            f"runtime call, so it has been stopped (reason \"interrupted\").{at} Processes "
            "share one thread: time.sleep, locks, input() and busy loops stop them all. To "
            "wait, use sleep(ms); to wait for another process, receive() its message. The "
            "other processes carry on.")
