"""Exercise checks that say what is wrong, not just "wrong".

A check runs the learner's code on a fresh node, looks at what it returned and at the
trace, and prints one line per finding: ✓ for what works, ✗ with an explanation (and the
step where it went wrong) for what does not. It never raises, so an unfinished exercise
still runs and tells the learner what to do next. Used in a `with` block, it starts a
fresh node on entry and prints its report on exit, however the block ends:

>>> with Check("echo") as check:
...     check.expect(1 + 1 == 2, "adds up", "does not add up")
...     check.expect("x" == "y", "same letter", "the letters differ: 'x' and 'y'")
True
False
✗ echo: not yet
  ✓ adds up
  ✗ the letters differ: 'x' and 'y'
"""
from __future__ import annotations

from typing import Any, Callable

from ..runtime import ActorlabError, reset, spawn
from ..trace import Event, Pid, Ref, Trace, short


class Check:
    """Findings about one exercise, printed by `report()`."""

    def __init__(self, title: str) -> None:
        self.title = title
        self.findings: list[tuple[bool, str]] = []

    def __enter__(self) -> Check:
        fresh_node()
        return self

    def __exit__(self, *error: Any) -> None:
        self.report()

    def expect(self, condition: bool, ok: str, wrong: str) -> bool:
        """Record a finding: `ok` if `condition` holds, else `wrong` (say what to change)."""
        self.findings.append((bool(condition), ok if condition else wrong))
        return bool(condition)

    def fail(self, wrong: str) -> None:
        self.findings.append((False, wrong))

    @property
    def passed(self) -> bool:
        return bool(self.findings) and all(ok for ok, _ in self.findings)

    def report(self) -> None:
        """Print the verdict and the findings (nothing is returned, so a notebook cell
        shows only the report)."""
        verdict = "all good" if self.passed else "not yet"
        print(f"{'✓' if self.passed else '✗'} {self.title}: {verdict}")
        for ok, text in self.findings:
            print(f"  {'✓' if ok else '✗'} {text}")


def run_quietly(check: Check, what: str, action: Callable[[], Any]) -> tuple[bool, Any]:
    """Run `action` on behalf of a check; an error becomes a finding instead of a traceback.

    Returns (it ran, its result).
    """
    try:
        return True, action()
    except ActorlabError as error:
        check.fail(f"{what}: {type(error).__name__}: {str(error).splitlines()[0]}")
    except Exception as error:
        check.fail(f"{what} raised {type(error).__name__}: {error}")
    return False, None


def fresh_node() -> None:
    """Each check starts from a clean node, so it never mixes with the notebook's processes."""
    reset(log=None)


def start_learner(check: Check, what: str, start: Callable[[], Any],
                  fix: str = "init must return ('ok', state)") -> Any:
    """Run `start` (which starts the learner's server): the new pid, or None, with the reason
    noted in `check` if it raised or did not answer `("ok", pid)`."""
    ran, started = run_quietly(check, what, start)
    if ran and not (type(started) is tuple and len(started) == 2 and started[0] == "ok"):
        check.fail(f"{what} returned {short(started, 60)}: {fix}")
        return None
    return started[1] if ran else None


def spawn_learner(check: Check, fn: Callable, *args: Any, label: str) -> Any:
    """Spawn the learner's function; None (the reason noted in `check`) if it cannot start."""
    shown = ", ".join([label] + [repr(a) for a in args])
    ran, pid = run_quietly(check, f"spawn({shown})", lambda: spawn(fn, *args, label=label))
    return pid if ran else None


# -- rules read off a trace -------------------------------------------------------------

def _refs(term: Any) -> set[Ref]:
    if type(term) is Ref:
        return {term}
    if isinstance(term, (tuple, list)):
        return set().union(*map(_refs, term)) if term else set()
    return set()


def unread_messages(trace: Trace) -> list[Event]:
    """Sends whose message was delivered but never received (still in a mailbox, or lost
    with its receiver)."""
    taken = {e.data["sent"] for e in trace.events if e.kind == "receive"}
    return [e for e in trace.events
            if e.kind == "send" and e.data["delivered"] and e.step not in taken]


def self_waits(trace: Trace) -> list[Event]:
    """Blocks where a process waits for a reply from itself: a call to itself."""
    return [e for e in trace.events
            if e.kind == "block" and e.data["waiting_for"] == e.pid]


def unanswered_requests(trace: Trace) -> list[Event]:
    """Requests (a send carrying a ref, then a wait for that ref) that got no reply back."""
    events = trace.events
    answered: set[tuple[Pid, Ref]] = set()
    for event in events:
        if event.kind == "receive":
            for ref in _refs(event.data["msg"]):
                answered.add((event.pid, ref))
    pending = []
    for event in events:
        if event.kind != "block" or event.data["waiting_for"] is None:
            continue
        for ref in _refs(event.data["pattern"]):
            if (event.pid, ref) not in answered:
                pending.append(event)
    return pending


def describe_step(trace: Trace, event: Event) -> str:
    """`step 7 (#PID<0.1.0> counter)`: where in the trace a finding points."""
    name = trace.names().get(event.pid, "")
    return f"step {event.step} ({event.pid!r} {name})".replace(" )", ")")


def message_text(message: Any) -> str:
    return short(message, 50)
