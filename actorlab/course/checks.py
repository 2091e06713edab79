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

An error that leaves the block (the learner's code raised, the processes never settled,
or the shell waited for a message nobody would send) becomes a finding in words:

>>> with Check("sum") as check:
...     total = sum(["1", "2"])
✗ sum: not yet
  ✗ raised TypeError: unsupported operand type(s) for +: 'int' and 'str', at line 2: total = sum(["1", "2"])

A check's node has a small budget, so code that never settles stops within a second or two
(`RunawayError`, explained from the trace), and is then ended.

Code that can be right in one order of events and wrong in another is run in every
distinct interleaving (`every_interleaving`, with `actorlab.explore`): a wrong one is
counted, and the shortest is drawn after the findings (`Check.show`).
"""
from __future__ import annotations

from typing import Any, Callable

import ast
import builtins
import contextlib
import dis
import inspect
import io
import linecache
import sys
import textwrap
import threading
import time
from collections import Counter
from types import FunctionType

from ..explore import explore
from ..explore.progress import in_a_kernel
from ..explore.runs import outcome_of
from ..otp.gen_server import missing_callback
from ..runtime import (DeadlockError, Exit, Node, RunawayError, current_node, process_info,
                       reset, spawn)
from ..runtime.errors import user_frame, user_traceback
from ..trace import Event, Pid, Trace, describe_pattern, short
from ..trace.protocol import is_gen_call, is_gen_cast, is_normal
from ..views.model import lane_names

MAX_STEPS = 200_000
"""A check's budget per shell action, in scheduler steps: far more than any answer needs."""
MAX_SECONDS = 2.0
"""...and in wall-clock seconds."""
EXPLORE_SECONDS = 3.0
"""The wall-clock seconds a check may spend exploring interleavings; past them it stops and
says that it did not see every one."""


class Check:
    """Findings about one exercise, printed by `report()`."""

    def __init__(self, title: str) -> None:
        self.title = title
        self.findings: list[tuple[bool, str]] = []
        self.figures: list[Any] = []

    def __enter__(self) -> Check:
        fresh_node()
        return self

    def __exit__(self, kind: Any, error: BaseException | None, traceback: Any) -> bool:
        caught = isinstance(error, Exception)     # never KeyboardInterrupt
        if caught:
            self.fail(explain(error))
            if isinstance(error, RunawayError):
                fresh_node()        # the runaway processes are only paused: end them
        elif error is not None:     # Ctrl-C, the kernel's stop button: no verdict
            self.fail(f"interrupted ({type(error).__name__}) before the check finished: it "
                      "has no verdict on what it had not yet tried")
        self.report()
        return caught

    def expect(self, condition: bool, ok: str, wrong: str) -> bool:
        """Record a finding: `ok` if `condition` holds, else `wrong` (say what to change)."""
        self.findings.append((bool(condition), ok if condition else wrong))
        return bool(condition)

    def fail(self, wrong: str) -> None:
        self.findings.append((False, wrong))

    def show(self, figure: Any) -> None:
        """Display `figure` (a diagram) after the findings, in a notebook; elsewhere (a
        doctest, a script) it is only kept, in `figures`."""
        self.figures.append(figure)

    def refuse_blocking(self, *code: Any, advice: str = "") -> bool:
        """Whether the learner's functions or classes block the thread every process runs
        on (see `blocking_parts`); if so the check says why it will not run them."""
        found = blocking_parts(*code)
        if found:
            self.fail(f"your code uses {', '.join(found)}: every process runs in one thread, "
                      "one at a time, so a process that blocks the thread (a lock held by "
                      "another process, time.sleep, input()) blocks them all: the kernel would "
                      f"hang. In a process, wait only in receive() or sleep(){advice}")
        return bool(found)

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
        if self.figures and in_a_kernel():
            from IPython.display import display
            display(*self.figures)


def run_quietly(check: Check, what: str, action: Callable[[], Any]) -> tuple[bool, Any]:
    """Run `action` on behalf of a check; an error becomes a finding instead of a traceback.

    Returns (it ran, its result). A runaway is not caught here: it ends the check.
    """
    try:
        return True, action()
    except RunawayError:
        raise
    except Exception as error:
        check.fail(f"{what} {explain(error)}")
    return False, None


def explain(error: Exception) -> str:
    """What an error that reached a check means, in a sentence.

    >>> explain(ValueError("no such room"))
    'raised ValueError: no such room'
    """
    if isinstance(error, RunawayError):
        return runaway_text(current_node().trace)
    if isinstance(error, DeadlockError):
        return deadlock_text(error)
    if isinstance(error, Exit):
        return f"exited with {short(error.reason, 120)}"
    frame = user_frame(error.__traceback__)
    at = f", at line {frame[1]}: {frame[2]}" if frame and frame[2] else ""
    text = str(error).splitlines()[0] if str(error) else ""
    return f"raised {type(error).__name__}" + (f": {text}" if text else "") + at


def deadlock_text(error: DeadlockError) -> str:
    """A DeadlockError in one sentence: who waits for what, and the cycle if there is one."""
    names = current_node().trace.names()
    waits = "; ".join(f"{names.get(pid, repr(pid))} {what}" for pid, what in error.waiting.items())
    cycle = ""
    if error.cycle:
        loop = [names.get(pid, repr(pid)) for pid in error.cycle + error.cycle[:1]]
        cycle = f" (a cycle: {' → '.join(loop)})"
    return f"waited for a message that nobody will ever send: {waits}{cycle}"


def runaway_text(trace: Trace) -> str:
    """Why the processes never settled, read off the end of the trace: who kept going."""
    recent = [trace[i] for i in range(max(0, len(trace) - 2000), len(trace))]
    busy = Counter(e.pid for e in recent if e.kind in ("send", "receive"))
    if not busy:
        return ("never settled: a process kept running without ever waiting, a busy loop: "
                "one with no receive() or sleep() in it, or one that only looks, again and "
                "again (receive with timeout=0, process_info, is_alive). Virtual time moves on "
                "only when no process can run, so no timer fires while it loops. Wait instead: "
                "receive() with no timeout waits, and lets the others run, until a message "
                "comes")
    names = trace.names()
    who, _ = busy.most_common(1)[0]
    name = names.get(who, repr(who))
    sends = [e for e in recent if e.kind == "send" and e.pid == who]
    if sends and not any(e.kind == "receive" and e.pid == who for e in recent):
        last = sends[-1]
        to = names.get(last.data["to"], repr(last.data["to"]))
        return (f"never settled: {name} sent {short(last.data['msg'], 50)} to {to} again and "
                "again without waiting in between. A loop that sends must receive() before "
                "it sends again")
    partners = Counter(names.get(e.data["to"], repr(e.data["to"])) for e in sends)
    others = ", ".join(p for p in partners if p != name) or "itself"
    return (f"never settled: {name} and {others} kept messaging each other without end: each "
            "message made another. Something must not answer (a reply to a reply, or an "
            "answer to your own message, starts an endless exchange)")


def fresh_node(schedule: str | None = None) -> Node:
    """Each check starts from a clean node, so it never mixes with the notebook's processes,
    with a budget that stops a runaway within seconds (`schedule`: replay one interleaving,
    see `reset`)."""
    return reset(schedule=schedule, log=None, max_steps=MAX_STEPS, max_seconds=MAX_SECONDS)


def start_learner(check: Check, what: str, start: Callable[[], Any],
                  fix: str = "init must return ('ok', state)") -> Any:
    """Run `start` (which starts the learner's server): the new pid, or None, with the reason
    noted in `check` if it raised or did not answer `("ok", pid)`."""
    ran, started = run_quietly(check, what, start)
    if ran and not (type(started) is tuple and len(started) == 2 and started[0] == "ok"):
        error = started[1] if type(started) is tuple and len(started) == 2 else None
        if type(error) is tuple and len(error) == 2 and error[0] == "bad_return_value":
            why = f"init returned {short(error[1], 60)}"
        elif isinstance(error, BaseException):
            why = f"init raised {reason_text(error)}"
        else:
            why = f"it returned {short(started, 60)}"
        check.fail(f"{what} failed: {why}. {fix[0].upper()}{fix[1:]}")
        return None
    return started[1] if ran else None


def spawn_learner(check: Check, fn: Callable, *args: Any, label: str) -> Any:
    """Spawn the learner's function; None (the reason noted in `check`) if it cannot start,
    or if it would block every process (a lock, time.sleep, input())."""
    if check.refuse_blocking(fn):
        return None
    shown = ", ".join([label] + [repr(a) for a in args])
    ran, pid = run_quietly(check, f"spawn({shown})", lambda: spawn(fn, *args, label=label))
    return pid if ran else None


# -- every interleaving ---------------------------------------------------------------

def every_interleaving(check: Check, scenario: Callable, *args: Any,
                       right: Callable[[Any], bool], words: Callable[[Any], str], what: str,
                       ok: str, lanes: list[str], since: str | None = None) -> Any:
    """Run `scenario(*args)` in every distinct interleaving of its processes (`explore`)
    and note what happened: ✓ `ok` if every outcome is `right`; else ✗ how many of the
    interleavings of `what` went wrong and how (`words(outcome)`), with the diagram of the
    shortest wrong one shown after the findings: the processes named in `lanes`, and those
    they started, from the scenario's note `since` (if given) to the end. That
    interleaving is then replayed on the current node, so its trace is the drawn one, step
    for step. Past EXPLORE_SECONDS the search stops, and the finding says so.

    Returns the wrong outcome drawn, or None if every interleaving was right.

    >>> from actorlab import receive, self_pid, send, spawn
    >>> def first_word():
    ...     me = self_pid()
    ...     spawn(lambda: [spawn(send, me, name, label=name) for name in ("ann", "bob")])
    ...     return receive()
    >>> with Check("ann speaks first") as check:
    ...     every_interleaving(check, first_word, right=lambda word: word == "ann",
    ...                        words=lambda word: f"the shell heard {word!r} first",
    ...                        what="ann and bob sending", ok="ann spoke first",
    ...                        lanes=["shell", "ann", "bob"])
    'bob'
    ✗ ann speaks first: not yet
      ✗ it works in the default order, but 1 of the 2 distinct interleavings of ann and bob sending goes wrong: the shell heard 'bob' first. It is drawn below
    >>> len(check.figures)                # the diagram, displayed in a notebook
    1
    >>> [e.data["msg"] for e in current_node().trace.events if e.kind == "receive"]
    ['bob']
    """
    found = explore(scenario, *args, max_seconds=EXPLORE_SECONDS, progress=False)
    scope = (f"distinct interleavings of {what}" if found.complete else
             f"interleavings of {what} explored ({found.stopped}; not every one)")
    wrong = [outcome for outcome in found.outcomes if not right(outcome)]
    if not wrong:
        check.expect(True, f"{ok}, in all {found.runs:,} {scope}", "")
        return None
    lengths = {}
    for outcome in sorted(wrong, key=repr):       # each replayed, to measure it
        fresh_node(found.example(outcome))
        outcome_of(scenario, args)
        lengths[outcome] = len(current_node().trace)
    shortest = min(wrong, key=lambda outcome: (lengths[outcome], repr(outcome)))
    fresh_node()
    default = outcome_of(scenario, args)
    count = sum(found.outcomes[outcome] for outcome in wrong)
    verb = "goes" if count == 1 else "go"
    if count == found.runs == 1:        # not "1 of the 1 ...": there was nothing to choose
        head = f"{what} goes wrong" + ("" if found.complete else f" ({found.stopped})")
    elif count == found.runs:
        head = f"all {count:,} {scope} go wrong"
    elif not right(default):
        head = f"{count:,} of the {found.runs:,} {scope} {verb} wrong, the default order among them"
    else:
        head = (f"it works in the default order, but {count:,} of the {found.runs:,} {scope} "
                f"{verb} wrong")
    drawn = "It is drawn below" if count == 1 else "The shortest wrong one is drawn below"
    check.fail(f"{head}: {words(shortest)}. {drawn}")
    try:
        with contextlib.redirect_stdout(io.StringIO()):    # a check prints its findings only
            trace = found.replay(shortest).trace  # with the race that decides it
    except RuntimeError:                          # the learner's code does not repeat itself
        trace = None
    fresh_node(found.example(shortest))
    outcome_of(scenario, args)
    trace = trace or current_node().trace
    first = next((e.step for e in trace.events
                  if e.kind == "note" and e.data["text"] == since), 1)
    check.show(trace.diagram(hide_system=True, processes=_lanes(trace, lanes),
                             steps=(first, len(trace))))
    return shortest


def _lanes(trace: Trace, names: list[str]) -> list[Pid]:
    """The processes called `names` (those the trace has), in that order, then every
    process one of them started (a helper, a task, a supervised child)."""
    by_name = {name: pid for pid, name in lane_names(trace).items()}
    shown = [by_name[name] for name in names if name in by_name]
    for event in trace.events:
        if event.kind == "spawn" and event.pid in shown and event.data["child"] not in shown:
            shown.append(event.data["child"])
    return shown


def exit_of(pid: Pid) -> Event | None:
    """The event of `pid`'s exit in the current trace, or None while it lives."""
    return next((e for e in current_node().trace.events if e.kind == "exit" and e.pid == pid),
                None)


def crash_text(exit_event: Event) -> str:
    """How a process ended, for a finding: `crashed at step 5: KeyError: 'bird' (in
    handle_call, line 6: return state[key], state)`."""
    reason = exit_event.data["reason"]
    if is_normal(reason):
        return f"ended at step {exit_event.step} with reason {short(reason, 80)}"
    if not exit_event.data["crash"]:
        return f"exited at step {exit_event.step}: {reason_text(reason)}"
    text = reason_text(reason)
    where = f" (in {exit_event.data['where']})" if exit_event.data["where"] else ""
    if where in text:               # an exception's text already says where it was raised
        where = ""
    return f"crashed at step {exit_event.step}: {text}{where}"


def last_taken(pid: Pid) -> Any:
    """The last message `pid` took from its mailbox (before it exited, if it has), or None:
    for a dead server, the message it died handling."""
    ended = exit_of(pid)
    return next((e.data["msg"] for e in reversed(current_node().trace.events)
                 if e.kind == "receive" and e.pid == pid
                 and (ended is None or e.step < ended.step)), None)


def death_text(pid: Pid) -> str | None:
    """What killed a server, for a finding: the message it was handling when it died and
    why, or None while it lives: `the cast ('add', 5) killed the server at step 9: its
    handle_cast returned None, ...`."""
    ended = exit_of(pid)
    if ended is None:
        return None
    last = last_taken(pid)
    if is_gen_cast(last):
        what = f"the cast {short(last[1], 60)}"
    elif is_gen_call(last):
        what = f"the call {short(last[2], 60)}"
    elif last is not None:
        what = f"the message {short(last, 60)}"
    else:
        return f"the server {crash_text(ended)}"
    verb = "ended the server" if is_normal(ended.data["reason"]) else "killed the server"
    return f"{what} {verb} at step {ended.step}: {reason_text(ended.data['reason'])}"


RETURNS = {"init": "('ok', state)",
           "handle_call": "('reply', reply, new_state), or ('noreply', new_state)",
           "handle_cast": "('noreply', new_state)", "handle_info": "('noreply', new_state)",
           "handle_continue": "('noreply', new_state)"}
"""What each GenServer callback returns, as a finding says it."""


def reason_text(reason: Any) -> str:
    """An exit reason in words that say what to change; a call's exit is unwrapped to the
    server's own reason, and an exception raised in the learner's code says where.

    >>> reason_text(("noproc", ("GenServer", "call", ["lobby", "who", 5000])))
    'noproc: no process was there (it had died, or nobody had that name)'
    """
    if (type(reason) is tuple and len(reason) == 2 and type(reason[1]) is tuple
            and reason[1][:1] in (("GenServer",), ("Task",))):
        reason = reason[0]
    if type(reason) is tuple and len(reason) == 2 and reason[0] == "bad_return_value":
        callback = callback_that_returned(reason)
        return (f"its {callback} returned {short(reason[1], 60)}, which a GenServer cannot "
                f"act on: return {RETURNS.get(callback, 'a tuple the GenServer knows')}")
    callback = missing_callback(reason)
    if callback is not None:
        return (f"it has no {callback} of its own (GenServer's default crashes): define "
                f"{callback}")
    if isinstance(reason, BaseException):
        frame = user_frame(reason.__traceback__)
        at = f" (in {frame[0]}, line {frame[1]}: {frame[2]})" if frame and frame[2] else ""
        return f"{type(reason).__name__}: {reason}{at}"
    if reason == "noproc":
        return "noproc: no process was there (it had died, or nobody had that name)"
    if reason == "timeout":
        return "timeout: no reply came in time"
    if reason == "interrupted":
        return ("interrupted: it held the one thread every process runs on for too long "
                "(time.sleep, a lock, input(), or a loop that never calls receive() or "
                "sleep()), so it was stopped. To wait, use sleep(ms) or receive()")
    if reason == "calling_self":
        return ("calling_self: the server called itself, which nobody could ever answer "
                "(notebook 03); compute the answer in the callback, from its state")
    return f"exit reason {short(reason, 120)}"


def callback_that_returned(reason: tuple) -> str:
    """Which callback of a server that exited with `("bad_return_value", value)` returned
    it, read off the trace: the kind of the last message the server took (a call, a cast,
    anything else), or init if it took none."""
    events = current_node().trace.events
    ended = next((e for e in reversed(events) if e.kind == "exit" and e.data["reason"] == reason),
                 None)
    if ended is None:
        return "callback"
    # What its loop took, leaving out the replies and DOWNs of the calls it made itself.
    calls = {e.data["ref"] for e in events
             if e.kind == "monitor" and e.pid == ended.pid and e.data["aliased"]}
    taken = [e.data["msg"] for e in events
             if e.kind == "receive" and e.pid == ended.pid and e.step < ended.step
             and not _answers_a_call(e.data["msg"], calls)]
    last = taken[-1] if taken else None
    if is_gen_call(last):
        return "handle_call"
    if is_gen_cast(last):
        return "handle_cast"
    return "handle_info" if taken else "init"


def _answers_a_call(message: Any, refs: set) -> bool:
    """A reply `(ref, answer)` or a `("DOWN", ref, ...)` for one of a process's own calls."""
    return type(message) is tuple and (
        (len(message) == 2 and message[0] in refs) or
        (len(message) == 5 and message[0] == "DOWN" and message[1] in refs))


def syntax_tree(code: Any) -> ast.AST | None:
    """The syntax tree of a learner's function, from its source; None when the source is
    not at hand (a builtin, a lambda typed at a prompt that is gone).

    >>> def skips(message):
    ...     if not message:
    ...         return
    >>> type(syntax_tree(skips)).__name__, syntax_tree(len)
    ('Module', None)
    """
    try:
        return ast.parse(textwrap.dedent(inspect.getsource(code)))
    except (OSError, TypeError, SyntaxError):
        return None


def failed_to_unpack(error: BaseException) -> bool:
    """Whether `error` is the ValueError of an unpacking in the learner's code (`sender,
    text = message` given a message with another number of items), read off the
    instruction that raised it rather than off the error's text.

    >>> def unpacks(message):
    ...     sender, text = message
    >>> try:
    ...     unpacks("milk")
    ... except ValueError as error:
    ...     failed_to_unpack(error), failed_to_unpack(ValueError("unpack"))
    (True, False)
    """
    step = user_traceback(error.__traceback__)
    return isinstance(error, ValueError) and step is not None and any(
        instruction.offset == step.tb_lasti and instruction.opname.startswith("UNPACK_")
        for instruction in dis.get_instructions(step.tb_frame.f_code))


def raising_call(error: BaseException, name: str) -> ast.Call | None:
    """The call to the function `name` in the learner's own code that raised `error`
    (from inside that function, or in calling it), parsed from the source position
    Python keeps for the instruction that raised; None if what raised was not a call to
    `name`, or its source is gone.

    >>> def measures(items):
    ...     return len(items, 1)
    >>> try:
    ...     measures([])
    ... except TypeError as error:
    ...     ast.unparse(raising_call(error, "len")), raising_call(error, "send")
    ('len(items, 1)', None)
    """
    step = user_traceback(error.__traceback__, own_code_only=True)
    if step is None:
        return None
    code = step.tb_frame.f_code
    first, last, start, end = list(code.co_positions())[step.tb_lasti // 2]
    lines = linecache.getlines(code.co_filename)[first - 1:last] if first and last else []
    if not lines or start is None or end is None:
        return None
    # The columns count UTF-8 bytes; the expression may span lines.
    encoded = [line.encode() for line in lines]
    encoded[-1] = encoded[-1][:end]
    encoded[0] = encoded[0][start:]
    try:
        expression = ast.parse(b"".join(encoded).decode(), mode="eval").body
    except (SyntaxError, UnicodeDecodeError):
        return None
    if isinstance(expression, ast.Await):
        expression = expression.value
    return (expression if isinstance(expression, ast.Call) and called_name(expression) == name
            else None)


def called_name(call: ast.Call) -> str:
    """The name a parsed call calls, without its module: `asyncio.wait_for(...)` calls
    "wait_for".

    >>> called_name(ast.parse("asyncio.wait_for(reply, 1)", mode="eval").body)
    'wait_for'
    """
    function = call.func
    return getattr(function, "attr", None) or getattr(function, "id", "")


def unfinished(code: Any) -> bool:
    """Whether a learner's function still holds the exercise's `...` placeholder as a
    value (`converters = ...`), in itself or a function inside it. (A bare `...` line
    leaves no trace in the compiled code, and is not seen.)

    >>> def pool():
    ...     converters = ...
    >>> unfinished(pool), unfinished(len)
    (True, False)
    """
    code = getattr(code, "__code__", code)
    constants = getattr(code, "co_consts", ())
    return ... in constants or any(unfinished(c) for c in constants if inspect.iscode(c))


def leaves_its_loop(code: Any) -> bool:
    """Whether the function `code` has a `break` or a `return` inside a `while` or `for`
    loop (which ends a server's loop, and the server), read off its source; False if the
    source cannot be found.

    >>> def answers_once():
    ...     while True:
    ...         return receive()
    >>> leaves_its_loop(answers_once), leaves_its_loop(len)
    (True, False)
    """
    tree = syntax_tree(code)
    return tree is not None and any(isinstance(inner, (ast.Break, ast.Return))
                                    for loop in ast.walk(tree)
                                    if isinstance(loop, (ast.While, ast.For))
                                    for inner in ast.walk(loop))


def names_used(code: Any) -> set[str]:
    """The global names a function (or every method of a class) refers to, nested
    functions included: what the learner's code calls, without running it.

    >>> def f(x):
    ...     return [sorted(y) for y in x]
    >>> sorted(names_used(f))
    ['sorted']
    """
    if isinstance(code, type):
        return set().union(*(names_used(v) for v in vars(code).values()))
    code = getattr(getattr(code, "__func__", code), "__code__", code)
    if not hasattr(code, "co_names"):
        return set()
    nested = [c for c in code.co_consts if hasattr(c, "co_names")]
    return set(code.co_names).union(*map(names_used, nested))


def blocking_parts(*code: Any) -> list[str]:
    """What in the learner's functions or classes would block the one thread that every
    process runs on (a lock, `time.sleep`, `input()`), found by name, without running it.

    >>> import threading, time
    >>> lock = threading.Lock()
    >>> def bump():
    ...     with lock:
    ...         time.sleep(1)
    >>> blocking_parts(bump)
    ['lock (a threading lock)', 'time.sleep']
    """
    found: list[str] = []
    for item in code:
        functions = vars(item).values() if isinstance(item, type) else [item]
        for function in functions:
            function = getattr(function, "__func__", function)
            if not hasattr(function, "__code__"):
                continue
            scope = {**vars(builtins), **function_scope(function),
                     **imported_modules(function)}
            for name in sorted(names_used(function)):
                what = _blocking(name, scope.get(name))
                if what and what not in found:
                    found.append(what)
            if sleeps_on_time(function.__code__, scope) and "time.sleep" not in found:
                found.append("time.sleep")
    return found


NAME_LOADS = ("LOAD_FAST", "LOAD_GLOBAL", "LOAD_NAME", "LOAD_DEREF", "LOAD_CLOSURE")
"""The instructions that load a variable by its name (not an attribute, as LOAD_ATTR)."""


def sleeps_on_time(code: Any, scope: dict, aliases: frozenset = frozenset()) -> bool:
    """Whether `code` (or a function nested in it) uses time.sleep itself: `time.sleep`
    under any name for the module, or `from time import sleep`. `aliases` are the names
    an enclosing function gave the module.

    >>> def nap():
    ...     from time import sleep as pause
    ...     pause(1)
    >>> def poll():
    ...     import time as clock
    ...     from asyncio import sleep
    ...     return clock.monotonic(), sleep(0)
    >>> sleeps_on_time(nap.__code__, {}), sleeps_on_time(poll.__code__, {})
    (True, False)
    """
    modules = set(aliases) | {name for name, value in scope.items() if value is time}
    sleeps = {name for name, value in scope.items() if value is time.sleep}
    steps = list(dis.get_instructions(code))
    module = None                                   # the module the last import named
    for before, after in zip(steps, steps[1:]):
        module = before.argval if before.opname == "IMPORT_NAME" else module
        if before.opname == "IMPORT_NAME" and before.argval == "time" \
                and after.opname.startswith("STORE_"):
            modules.add(after.argval)               # import time [as clock]
        if before.opname == "IMPORT_FROM" and before.argval == "sleep" and module == "time":
            return True                             # from time import sleep
    for before, after in zip(steps, steps[1:]):
        if before.opname in NAME_LOADS and before.argval in sleeps:
            return True
        if before.opname in NAME_LOADS and before.argval in modules \
                and after.opname in ("LOAD_ATTR", "LOAD_METHOD") and after.argval == "sleep":
            return True
    return any(sleeps_on_time(c, scope, frozenset(modules))
               for c in code.co_consts if inspect.iscode(c))


def imported_modules(code: Any) -> dict[str, Any]:
    """The modules a function imports in its own body (nested functions included), by
    name: `import time` inside a function, which its globals do not show.

    >>> def nap():
    ...     import time
    ...     time.sleep(1)
    >>> imported_modules(nap)
    {'time': <module 'time' (built-in)>}
    """
    code = getattr(getattr(code, "__func__", code), "__code__", code)
    if not hasattr(code, "co_consts"):
        return {}
    found = {i.argval: sys.modules[i.argval] for i in dis.get_instructions(code)
             if i.opname == "IMPORT_NAME" and i.argval in sys.modules}
    for nested in code.co_consts:
        if hasattr(nested, "co_names"):
            found.update(imported_modules(nested))
    return found


def function_scope(function: Callable) -> dict[str, Any]:
    """The values a function's names refer to: its module's globals (a notebook's, for a
    cell's function), then the variables it closes over.

    >>> def outer():
    ...     limit = 3
    ...     return lambda: limit
    >>> function_scope(outer())["limit"]
    3
    """
    closure = {}
    for name, cell in zip(function.__code__.co_freevars, function.__closure__ or ()):
        with contextlib.suppress(ValueError):     # a variable not assigned yet
            closure[name] = cell.cell_contents
    return {**function.__globals__, **closure}


def compared_by_identity(code: Any) -> str | None:
    """The first `a is b` or `a is not b` in `code` (a function, or every method of a class)
    where neither side is None, True or False, as written; else None. Pids and refs are
    values: on the BEAM every message is a copy, so only == and != compare them.

    >>> def forget(rooms, dead):
    ...     return {i: p for i, p in rooms.items() if p is not dead and p is not None}
    >>> compared_by_identity(forget), compared_by_identity(len)
    ('p is not dead', None)
    """
    parts = vars(code).values() if isinstance(code, type) else [code]
    for part in parts:
        tree = syntax_tree(getattr(part, "__func__", part)) if callable(part) else None
        for node in ast.walk(tree) if tree is not None else ():
            if not isinstance(node, ast.Compare):
                continue
            sides = [node.left, *node.comparators]
            for (left, right), op in zip(zip(sides, sides[1:]), node.ops):
                singleton = any(isinstance(side, ast.Constant) and (
                    side.value is None or type(side.value) is bool) for side in (left, right))
                if isinstance(op, ast.Is | ast.IsNot) and not singleton:
                    word = "is" if isinstance(op, ast.Is) else "is not"
                    return f"{ast.unparse(left)} {word} {ast.unparse(right)}"
    return None


def string_constants(function: Any) -> set[str]:
    """The strings written in a function's code (or every method of a class), nested code
    included: what a learner's code names outright.

    >>> def customer(item):
    ...     return {"tea": 3, "cake": 5}[item]
    >>> sorted(string_constants(customer))
    ['cake', 'tea']
    """
    if isinstance(function, type):
        return set().union(*(string_constants(v) for v in vars(function).values()))
    found: set[str] = set()
    codes = [getattr(getattr(function, "__func__", function), "__code__", None)]
    while codes:
        code = codes.pop()
        if code is None:
            continue
        for value in code.co_consts:
            if inspect.iscode(value):
                codes.append(value)
            elif isinstance(value, str):
                found.add(value)
            elif isinstance(value, (tuple, frozenset)):
                found.update(item for item in value if isinstance(item, str))
    return found


def stale_pids(function: Callable) -> list[str]:
    """The names a function uses for pids of an earlier node (`me = self_pid()` in a cell
    above it): they do not survive the check's reset()."""
    if not hasattr(function, "__code__"):
        return []
    scope = function_scope(function)
    return [name for name in sorted(names_used(function))
            if type(scope.get(name)) is Pid and scope[name].node != current_node().serial]


def _blocking(name: str, value: Any) -> str | None:
    if type(value).__module__ in ("_thread", "threading") and hasattr(value, "acquire"):
        return f"{name} (a threading lock)"
    if value is threading:
        return "threading"
    if value is builtins.input:
        return "input()"
    return None



# -- rules read off a trace -------------------------------------------------------------

STATE_IN_THE_PROCESS = ("A GenServer's state lives in the process: init returns it, each "
                        "callback gets it as its last argument and returns the new one")
"""The rule a check cites when a learner's server keeps its state somewhere else."""

_LOADS = ("LOAD_FAST", "LOAD_GLOBAL", "LOAD_NAME", "LOAD_DEREF")


def kept_outside_state(cls: Any) -> str | None:
    """Where the methods of `cls` (or a process's function) keep values outside a
    GenServer's state or the process, in words: the attributes they set and the globals
    they assign, read off their code; None if none.

    >>> class Tally:
    ...     total = 0
    ...     def init(self, n):
    ...         global COUNT
    ...         COUNT, self.n = n, n
    ...     def handle_cast(self, message, n):
    ...         self.n += message[1]
    ...         Tally.total += message[1]
    >>> kept_outside_state(Tally), kept_outside_state(int)
    ('on the object, in self.n, in an attribute every server shares, Tally.total, and in a global, COUNT', None)

    A global list, dict or set changed in place counts too; one only read does not:

    >>> SEEN, LIMITS, BALANCE, COUNTS = [], {"max": 3}, [100], {}
    >>> def remember(pid):
    ...     SEEN.append(pid)
    ...     BALANCE[0] -= LIMITS["max"]
    ...     COUNTS[self_pid()] = LIMITS[str(pid)]
    ...     return LIMITS["max"]
    >>> kept_outside_state(remember)
    'in a global, SEEN and BALANCE and COUNTS'

    So does a list, dict or set on the object or the class, changed in place:

    >>> class Manager:
    ...     refs, seen = {}, []
    ...     def handle_info(self, message, rooms):
    ...         Manager.refs.pop(message[1])
    ...         self.seen.append(message)       # the class's list, through self
    ...         self.log.append(message)
    ...         return ("noreply", rooms)
    >>> kept_outside_state(Manager)
    'on the object, in self.log, and in an attribute every server shares, Manager.refs and Manager.seen'

    And a list, dict or set given as a default argument and changed in place:

    >>> def stats(numbers, _cache={}):
    ...     _cache[len(numbers)] = sum(numbers)
    >>> kept_outside_state(stats)
    'in a default argument, _cache, made once for every call'

    And the results a memoising decorator keeps:

    >>> import functools
    >>> @functools.lru_cache
    ... def open_room(name):
    ...     return ("a pid for", name)
    >>> kept_outside_state(open_room)
    'in the cache functools keeps of what open_room returned (lru_cache or cache)'
    """
    attributes, globals_ = [], []
    parts = vars(cls).values() if isinstance(cls, type) else [cls]
    functions = [getattr(v, "__func__", v) for v in parts]
    memoised = [getattr(f, "__name__", "it") for f in functions if hasattr(f, "cache_info")]
    functions = [getattr(f, "__wrapped__", f) for f in functions]
    codes = [getattr(f, "__code__", None) for f in functions]
    module = next((f.__globals__ for f in functions if hasattr(f, "__globals__")), {})
    defaults = [name for function in functions for name in _changed_defaults(function)]
    while codes:
        code = codes.pop(0)
        if code is None:
            continue
        steps = list(dis.get_instructions(code))
        for at, step in enumerate(steps):
            if (step.opname == "STORE_GLOBAL" or _mutates_a_global(steps, at, module)) \
                    and step.argval not in globals_:
                globals_.append(step.argval)
            elif step.opname == "STORE_ATTR" and _made_in_the_call(code, _owner(steps, at)):
                continue        # state = SimpleNamespace(n=n); state.n += k: the call's own
            elif step.opname == "STORE_ATTR" or _mutates_an_attribute(steps, at, module):
                name = f"{_stored_on(steps, at)}.{step.argval}"
                if step.opname == "LOAD_ATTR" and name.startswith("self.") and \
                        type(getattr(cls, step.argval, None)) in (list, dict, set):
                    name = f"{cls.__name__}.{step.argval}"  # self.data[k] = v: the class's dict
                attributes += [name] if name not in attributes else []
        codes.extend(c for c in code.co_consts if inspect.iscode(c))
    on_self = [name for name in attributes if name.startswith("self.")]
    owner = f"{cls.__name__}." if isinstance(cls, type) else None
    shared = [name for name in attributes if owner and name.startswith(owner)]   # Tally.total
    elsewhere = [name for name in attributes   # on a function, or on an object it was given
                 if not name.startswith("self.") and name not in shared]
    where = ([f"on the object, in {' and '.join(on_self)}"] if on_self else []) + \
        ([f"in an attribute every server shares, {' and '.join(shared)}"] if shared else []) + \
        ([f"in an attribute that outlives the call, {' and '.join(elsewhere)}"]
         if elsewhere else []) + \
        ([f"in a global, {' and '.join(globals_)}"] if globals_ else []) + \
        ([f"in a default argument, {' and '.join(defaults)}, made once for every call"]
         if defaults else []) + \
        ([f"in the cache functools keeps of what {' and '.join(memoised)} returned "
          "(lru_cache or cache)"] if memoised else [])
    if len(where) < 2:
        return where[0] if where else None
    return ", ".join(where[:-1]) + ", and " + where[-1]


def _changed_defaults(function: Any) -> list[str]:
    """The parameters of `function` whose default is a list, dict or set that its code
    changes in place: made once, when the function was defined, and shared by every call."""
    code = getattr(function, "__code__", None)
    values = getattr(function, "__defaults__", None) or ()
    if code is None or not values:
        return []
    names = code.co_varnames[code.co_argcount - len(values):code.co_argcount]
    mutable = {name for name, value in zip(names, values) if type(value) in (list, dict, set)}
    steps = list(dis.get_instructions(code))
    return sorted({step.argval for at, step in enumerate(steps)
                   if step.opname in ("LOAD_FAST", "LOAD_DEREF")   # (DEREF: a closure uses it)
                   and step.argval in mutable and changed_in_place(steps, at)})


MUTATORS = frozenset({"append", "extend", "insert", "remove", "pop", "popitem", "clear",
                      "update", "setdefault", "add", "discard"})
"""The methods that change a list, dict or set in place."""


def _mutates_a_global(steps: list, at: int, module: dict) -> bool:
    """Whether the LOAD_GLOBAL at `at` loads a list, dict or set of `module` that the
    same line then changes in place: `MEMBERS.append(pid)`, or `HISTORY[name] = ...`."""
    step = steps[at]
    return step.opname == "LOAD_GLOBAL" and \
        type(module.get(step.argval)) in (list, dict, set) and changed_in_place(steps, at)


def _mutates_an_attribute(steps: list, at: int, module: dict) -> bool:
    """Whether the LOAD_ATTR at `at` reads an attribute of `self`, or of a class or function
    of `module`, that the same line then changes in place: `self.log.append(m)`,
    `Room.refs[r] = id_`, `customer.seen[item] = price`."""
    if steps[at].opname != "LOAD_ATTR" or at == 0:
        return False
    owner = steps[at - 1]
    return (owner.opname == "LOAD_FAST" and owner.argval == "self" or
            owner.opname == "LOAD_GLOBAL" and
            isinstance(module.get(owner.argval), (type, FunctionType))) \
        and changed_in_place(steps, at)


def changed_in_place(steps: list, at: int) -> bool:
    """Whether the container loaded by the step at `at` of `steps` (a code object's
    instructions) is then changed in place, on the same line: a mutating method called on
    it, or an item set or deleted, or changed by an augmented assignment. The key may be
    any expression of names, attributes, calls and items (`HIST[state["name"]] = lines`),
    as long as it does not read the container itself (`x[SEEN[k]] = 1` only reads SEEN).

    >>> def grow(items, state):
    ...     items.append(1)
    ...     items[state["name"]] = items[0]
    ...     return items[0]
    >>> steps = list(dis.get_instructions(grow))
    >>> [changed_in_place(steps, at) for at, step in enumerate(steps) if step.argval == "items"]
    [True, False, True, False]
    """
    following = steps[at + 1:]
    if following and following[0].opname in ("LOAD_METHOD", "LOAD_ATTR"):
        return following[0].argval in MUTATORS      # (an attribute of it is not a key)
    depth = 1                   # values on the stack from the container up
    for step in following:
        if step.opname in ("STORE_SUBSCR", "DELETE_SUBSCR"):
            return depth == 2   # the container, then the key
        if step.opname == "COPY" and step.arg == 2 and depth == 2:
            return True         # BALANCE[0] -= amount: the item is read, then set
        if step.starts_line is not None or step.opname not in KEY_STEPS:
            return False
        depth += dis.stack_effect(step.opcode, step.arg if step.opcode >= dis.HAVE_ARGUMENT
                                  else None)
        if depth < 2:
            return False        # the container itself was used up: read, not changed
    return False


KEY_STEPS = frozenset({"LOAD_FAST", "LOAD_CONST", "LOAD_DEREF", "LOAD_GLOBAL", "LOAD_ATTR",
                       "PUSH_NULL", "PRECALL", "CALL", "BINARY_SUBSCR"})
"""What a key may be made of, between a container and the item set in it: names,
attributes, calls and items (`COUNTS[self_pid()] = n`, `HIST[state["name"]] = lines`)."""


def _owner(steps: list, at: int) -> Any:
    """The step that loads the object whose attribute the STORE_ATTR at `at` sets: the one
    just before it (`self.n = v`), or, for `self.n += 1`, the one before the matching
    LOAD_ATTR."""
    before = steps[at - 1]
    if before.opname == "SWAP":
        reads = [i for i in range(at) if steps[i].opname == "LOAD_ATTR"
                 and steps[i].argval == steps[at].argval]
        before = steps[reads[-1] - 2] if reads and reads[-1] >= 2 else before
    return before


def _stored_on(steps: list, at: int) -> str:
    """The variable whose attribute the STORE_ATTR at `at` sets (see `_owner`)."""
    before = _owner(steps, at)
    return before.argval if before.opname in _LOADS else "self"


def _made_in_the_call(code: Any, load: Any) -> bool:
    """Whether `load` reads a variable of `code` (or of a function around it) that is not a
    parameter: an object made in the call itself, whose attributes end with it.

    >>> def counter_server(n):
    ...     state = type("State", (), {})()
    ...     state.n = n
    >>> steps = list(dis.get_instructions(counter_server))
    >>> store = next(at for at, step in enumerate(steps) if step.opname == "STORE_ATTR")
    >>> _made_in_the_call(counter_server.__code__, _owner(steps, store))
    True
    """
    parameters = code.co_varnames[:code.co_argcount + code.co_kwonlyargcount
                                  + bool(code.co_flags & inspect.CO_VARARGS)
                                  + bool(code.co_flags & inspect.CO_VARKEYWORDS)]
    return (load.opname == "LOAD_FAST" and load.argval not in parameters
            or load.opname == "LOAD_DEREF" and load.argval in code.co_cellvars
            and load.argval not in parameters)


def unmatched_pattern(pid: Pid, mailbox: str) -> str | None:
    """If the process `pid` waits in a receive with a pattern while its mailbox (named
    `mailbox` in the message) holds a message the pattern does not match: that, in words;
    else None."""
    blocks = [e for e in current_node().trace.events if e.pid == pid and e.kind == "block"]
    info = process_info(pid)    # None once the process has ended
    left = info["messages"] if info else []
    if not blocks or blocks[-1].data["pattern"] is None or not left:
        return None
    return (f"{short(left[0])} is in {mailbox}, but receive("
            f"{describe_pattern(blocks[-1].data['pattern'])}) takes only a message that "
            "matches its pattern, and it does not match")


def self_waits(trace: Trace) -> list[Event]:
    """Blocks where a process waits for a reply from itself: a call to itself."""
    return [e for e in trace.events
            if e.kind == "block" and e.data["waiting_for"] == e.pid]


def describe_step(trace: Trace, event: Event) -> str:
    """`step 7 (#PID<0.1.0> counter)`: where in the trace a finding points."""
    name = trace.names().get(event.pid, "")
    return f"step {event.step} ({event.pid!r} {name})".replace(" )", ")")


def message_text(message: Any) -> str:
    return short(message, 50)
