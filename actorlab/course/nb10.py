"""Checks for notebook 10, Where next.

Two exercises: an asyncio `call` with a timeout (checked against two small asyncio actors,
one that answers and one stuck waiting for itself), and a quiz that classifies scenarios
from Elixir/OTP, Pykka and Ray as "ok", "deadlock" or "refused".

>>> import asyncio
>>> async def call(inbox, request, timeout):
...     reply = asyncio.get_running_loop().create_future()
...     inbox.put_nowait((request, reply))
...     return await asyncio.wait_for(reply, timeout)
>>> asyncio.run(check_call(call))
✓ asyncio call with a timeout: all good
  ✓ a call to an actor that answers returned its answer, 3.0
  ✓ a call to an actor stuck waiting for itself raised TimeoutError when its time ran out

A TimeoutError counts only if the request reached the actor as (request, reply):

>>> async def swapped(inbox, request, timeout):
...     reply = asyncio.get_running_loop().create_future()
...     inbox.put_nowait((reply, request))
...     return await asyncio.wait_for(reply, timeout)
>>> asyncio.run(check_call(swapped))  # doctest: +NORMALIZE_WHITESPACE
✗ asyncio call with a timeout: not yet
  ✗ the actor got (a future, 'mean'): put (request, reply), the request first, then the
    reply future you made
  ✗ a call to an actor stuck waiting for itself raised TimeoutError, but its request never
    reached the actor as (request, reply), so any call would time out: fix the put first
>>> check_scenarios({"A": "ok", "B": "deadlock", "C": "refused", "D": "deadlock",
...                  "E": "deadlock", "F": "ok"})
✓ Deadlock, or not?: all good
  ✓ A is ok: self.mean() is a plain method call on the actor's own object: no message, nobody waits
  ✓ B is deadlock: the proxy sends a message to the actor's own inbox, and .get() waits for a reply only this same thread could compute (pykka issue #9)
  ✓ C is refused: GenServer.call to your own pid exits at once with calling_self
  ✓ D is deadlock: a waits for b, b waits for a: OTP cannot see this cycle, so both wait until the 5-second timeout
  ✓ E is deadlock: each actor runs one method at a time, and each is busy waiting for the other (ray issue #3307)
  ✓ F is ok: with max_concurrency=2 each actor has a second thread, free to run the other's request
"""
from __future__ import annotations

import ast
import asyncio
import difflib
import dis
import gc
import inspect
import warnings
from typing import Any, Callable

from .checks import (Check, blocking_parts, kept_outside_state, message_text, names_used,
                     raising_call, syntax_tree)

GUARD = 1.0
"""Seconds a check waits for the learner's call before it gives up on it."""
LATE = 0.3
"""Seconds past its timeout after which a call's TimeoutError counts as late (a wait of
the call's own choosing); generous, so that a busy machine never makes a right call late."""
EARLY = 0.02
"""Seconds before its timeout that a call's TimeoutError counts as early: asyncio's timers
never fire early, so only the clock's granularity needs room."""
DELAY = 0.1
"""Seconds the test actor takes to answer "mean": a fifth of the answered call's timeout, so
that a call which gives up early (a timeout taken for milliseconds) misses the answer."""


# -- exercise 1: the asyncio call -------------------------------------------------------

async def _stats_actor(inbox: asyncio.Queue, numbers: list, seen: list) -> None:
    """An actor as a task: takes (request, reply) from its inbox and answers after DELAY
    seconds; "summary" calls itself."""
    while True:
        message = await inbox.get()
        seen.append(message)
        if not (type(message) is tuple and len(message) == 2
                and isinstance(message[1], asyncio.Future)):
            continue                                # not a request it can answer
        request, reply = message
        if request == "mean":
            await asyncio.sleep(DELAY)
            answer = sum(numbers) / len(numbers)
        else:                                       # "summary": ask myself, and wait
            mine = asyncio.get_running_loop().create_future()
            inbox.put_nowait(("mean", mine))
            answer = ("summary", len(numbers), await mine)
        if not reply.done():                        # the caller may have given up
            reply.set_result(answer)


async def _attempt(call: Callable, inbox: asyncio.Queue, request: Any,
                   timeout: float) -> tuple[str, Any]:
    """Run the learner's call: ("returned", value), ("raised", error) or ("waiting", None)."""
    task = asyncio.ensure_future(call(inbox, request, timeout))
    done, _ = await asyncio.wait({task}, timeout=GUARD)
    if not done:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        return "waiting", None
    if task.cancelled():                # it awaited a future that was cancelled
        return "raised", asyncio.CancelledError()
    if task.exception() is not None:
        return "raised", task.exception()
    value = task.result()
    if inspect.iscoroutine(value):
        value.close()                   # never awaited: close it, so Python does not warn
    return "returned", value


def _looks_unawaited(value: Any) -> bool:
    return inspect.isawaitable(value)


def _show(value: Any) -> str:
    """A value as a learner should read it (a future's repr can carry a file path).

    >>> _show(("mean", asyncio.Future(loop=asyncio.new_event_loop())))
    "('mean', a future)"
    """
    if isinstance(value, asyncio.Future):
        return "a future"
    if inspect.isawaitable(value):
        return "a coroutine, never awaited"
    if type(value) in (tuple, list):
        items = ", ".join(map(_show, value)) + ("," if len(value) == 1 and type(value) is tuple
                                                 else "")
        return f"({items})" if type(value) is tuple else f"[{items}]"
    return message_text(value)


def _raised(error: BaseException) -> str:
    """An exception as `TimeoutError` or `ValueError: why` (a TimeoutError has no text)."""
    return type(error).__name__ + (f": {error}" if str(error) else "")


def _blocks_the_loop(call: Callable) -> str | None:
    """What in `call` would block the event loop (time.sleep, a lock), or None.

    A poll that reads the clock and sleeps with asyncio does not block it:

    >>> import time
    >>> async def poll(inbox, request, timeout):
    ...     reply = asyncio.get_running_loop().create_future()
    ...     inbox.put_nowait((request, reply))
    ...     deadline = time.monotonic() + timeout
    ...     while not reply.done():
    ...         if time.monotonic() > deadline:
    ...             raise TimeoutError
    ...         await asyncio.sleep(0.001)
    ...     return reply.result()
    >>> print(_blocks_the_loop(poll))
    None
    >>> asyncio.run(check_call(poll))
    ✓ asyncio call with a timeout: all good
      ✓ a call to an actor that answers returned its answer, 3.0
      ✓ a call to an actor stuck waiting for itself raised TimeoutError when its time ran out
    """
    return ", ".join(blocking_parts(call)) or None


def _gave_up(call: Callable, seen: list) -> str:
    """Why a call to the actor that answers raised TimeoutError: the reply came, and the
    call waited for something else; or the call gave up before DELAY, because it took its
    timeout for milliseconds (a 1000 in its code) or did not wait long enough."""
    reply = seen[0][1]
    if reply.done() and not reply.cancelled():
        return ("a call to an actor that answers raised TimeoutError, though the actor had "
                "answered: the call waited for something else than the reply future " +
                ("(inbox.get() takes the next message off the actor's inbox; the answer "
                 "comes in the reply future). " if "get" in names_used(call) else
                 "(the answer comes in the future you put in the request, and no other). ") +
                "Return await asyncio.wait_for(reply, timeout)")
    gave_up = (f"a call with timeout 0.5 to an actor that answers after {DELAY} s raised "
               "TimeoutError: it gave up before the answer came")
    if 1000 in _numbers(call.__code__):
        return (f"{gave_up}. asyncio counts in seconds, and timeout is in seconds already: "
                "pass it to asyncio.wait_for as it is (unlike GenServer.call, which counts "
                "milliseconds)")
    rounded = " (note that int(0.5) is 0)" if "int" in names_used(call) else ""
    return (f"{gave_up}{rounded}. A call must wait up to timeout seconds for the reply, and "
            "stop as soon as it comes: return await asyncio.wait_for(reply, timeout)")


def _timeout_name(call: Callable) -> str:
    """The name of the call's third parameter, its timeout."""
    parameters = list(inspect.signature(call).parameters)
    return parameters[2] if len(parameters) > 2 else "timeout"


def _ignores_timeout(call: Callable) -> str | None:
    """If `call` never reads its timeout argument (a wait of its own, wait_for(reply, 5)),
    what to say about it; else None."""
    name = _timeout_name(call)
    if _reads(call.__code__, name):
        return None
    return (f"your call never uses its {name} argument: it waits as long as you chose, not "
            f"as long as its caller allows. Pass the call's own timeout: "
            f"asyncio.wait_for(reply, {name})")


def _waits_longer(call: Callable) -> str:
    """Why a call that waits with asyncio.wait_for outlasted its timeout: it never reads
    its timeout argument (a wait of its own, asyncio.wait_for(reply, 5)), it takes it for
    milliseconds (a 1000 in its code), or it adds to it (timeout + 1)."""
    name = _timeout_name(call)
    ignores = _ignores_timeout(call)
    if ignores:
        return f"you wait with asyncio.wait_for, but {ignores}"
    if 1000 in _numbers(call.__code__):
        return ("you wait with asyncio.wait_for, but longer than timeout: asyncio counts "
                "in seconds (not milliseconds, as GenServer.call does), so pass timeout "
                "as it is")
    return (f"you wait with asyncio.wait_for, but longer than {name}: pass the call's own "
            f"timeout as it is, asyncio.wait_for(reply, {name}), with nothing added")


def _stretched_timeout(call: Callable) -> str | None:
    """The timeout `call` gives asyncio.wait_for when it adds to its own or multiplies it
    (`timeout + 0.2`, `timeout * 2`), as written; else None.

    >>> async def patient(inbox, request, timeout):
    ...     reply = asyncio.get_running_loop().create_future()
    ...     inbox.put_nowait((request, reply))
    ...     return await asyncio.wait_for(reply, timeout + 0.2)
    >>> _stretched_timeout(patient)
    'timeout + 0.2'
    """
    tree, name = syntax_tree(call), _timeout_name(call)
    for node in ast.walk(tree) if tree is not None else ():
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute | ast.Name)
                and getattr(node.func, "attr", getattr(node.func, "id", "")) == "wait_for"):
            continue
        given = node.args[1] if len(node.args) > 1 else next(
            (k.value for k in node.keywords if k.arg == "timeout"), None)
        if (isinstance(given, ast.BinOp) and isinstance(given.op, ast.Add | ast.Mult)
                and any(isinstance(n, ast.Name) and n.id == name for n in ast.walk(given))):
            return ast.unparse(given)
    return None


def _reads(code: Any, name: str) -> bool:
    """Whether `code` (or a function nested in it) reads the local variable `name`."""
    return any(i.opname.startswith(("LOAD_FAST", "LOAD_DEREF", "LOAD_CLOSURE"))
               and i.argval == name for i in dis.get_instructions(code)) or \
        any(_reads(c, name) for c in code.co_consts if inspect.iscode(c))


def _numbers(code: Any) -> list:
    """The numbers written in `code` and in the functions nested in it."""
    return [c for c in code.co_consts if type(c) in (int, float)] + \
        [n for c in code.co_consts if inspect.iscode(c) for n in _numbers(c)]


def _too_late(call: Callable, timeout: float) -> str:
    """Why a call with `timeout` to the stuck actor raised TimeoutError only after LATE
    seconds more, or not at all: a wait of its own (wait_for(reply, 0.8)), or a timeout it
    added to or multiplied."""
    fix = (_waits_longer(call) if "wait_for" in names_used(call) else
           "wait at most timeout seconds: return await asyncio.wait_for(reply, timeout)")
    return (f"a call with timeout {timeout:g} to an actor stuck waiting for itself raised "
            f"TimeoutError long after its timeout ran out, or not at all: {fix}")


def _requests(seen: list, inbox: asyncio.Queue, request: Any) -> list:
    """The requests `request` the actor took (`seen`) or left in its `inbox` (which this
    empties: the actor is stuck, and about to be stopped)."""
    left = []
    while not inbox.empty():
        left.append(inbox.get_nowait())
    return [message for message in seen + left
            if type(message) is tuple and len(message) == 2 and message[0] == request]


def _read_too_soon(call: Callable) -> str:
    """Why a call to the stuck actor raised InvalidStateError: it read the reply future's
    result before the future was done (asyncio.wait returns then, without raising)."""
    why = ("asyncio.wait does not raise when its timeout runs out: it returns the sets "
           "(done, pending), and the reply is still pending" if "wait" in names_used(call)
           else "A future's result() raises InvalidStateError until an answer is set")
    return ("a call to an actor stuck waiting for itself raised InvalidStateError, not "
            f"TimeoutError: the reply was not ready when the call read it. {why}. Use "
            "asyncio.wait_for(reply, timeout), which raises TimeoutError when time runs out")


def _raised_how(call: Callable, error: BaseException) -> str:
    """What to add when a call raised `error`, not TimeoutError: wait_for's arguments
    swapped (the timeout where the future goes) is the one mistake it names, read off the
    learner's wait_for that raised."""
    waits = raising_call(error, "wait_for") if isinstance(error, TypeError) else None
    if waits is not None and waits.args and _is_timeout(waits.args[0], call):
        return (": asyncio.wait_for got your timeout where it wants the future to wait for. "
                "Write asyncio.wait_for(reply, timeout): the future first, then the timeout")
    return ""


def _is_timeout(argument: ast.expr, call: Callable) -> bool:
    """Whether `argument` (parsed) is a number or the call's timeout parameter."""
    if isinstance(argument, ast.Constant):
        return isinstance(argument.value, (int, float))
    parameters = list(inspect.signature(call).parameters)
    return isinstance(argument, ast.Name) and argument.id in parameters[2:3]


async def _left_behind(wait: float) -> BaseException | None:
    """The first error the event loop reports within `wait` seconds from outside any task
    (a timer that a call set, firing on a future already answered), or None."""
    loop = asyncio.get_running_loop()
    errors: list = []
    previous = loop.get_exception_handler()
    loop.set_exception_handler(lambda _, context: errors.append(context.get("exception")))
    try:
        await asyncio.sleep(wait)
    finally:
        loop.set_exception_handler(previous)
    return next((error for error in errors if error is not None), None)


def _timer_left(call: Callable) -> str:
    """What to say of a call whose timer outlived it."""
    timer = next((name for name in ("call_later", "call_at") if name in names_used(call)),
                 None)
    return ((f"its {timer} timer still fired, on a future already answered. Cancel it once the "
             f"answer comes ({timer} returns a handle: handle.cancel()), or let "
             "asyncio.wait_for(reply, timeout) keep the time") if timer else
            "a timer or task it started still ran after the answer. Let "
            "asyncio.wait_for(reply, timeout) keep the time: it cleans up after itself")


async def _with_actor(test: Callable) -> Any:
    """Start a stats actor, run `test(inbox, seen)`, and stop the actor however it ends."""
    inbox: asyncio.Queue = asyncio.Queue()
    seen: list = []
    actor = asyncio.ensure_future(_stats_actor(inbox, [1, 2, 3, 6], seen))
    try:
        return await test(inbox, seen)
    finally:
        actor.cancel()
        await asyncio.gather(actor, return_exceptions=True)


def _describe_put(seen: list, call: Callable) -> str | None:
    """What is wrong with what `call` put on the inbox, or None if it looks right."""
    if not seen:
        unawaited = (" (inbox.put is a coroutine: unless awaited, it puts nothing)"
                     if "put" in names_used(call) else "")
        return ("nothing arrived in the actor's inbox: put the tuple (request, reply) on it "
                f"with inbox.put_nowait((request, reply)){unawaited}")
    first = seen[0]
    if not (type(first) is tuple and len(first) == 2):
        return (f"the actor's inbox got {_show(first)}: put the tuple (request, reply), "
                "where reply = asyncio.get_running_loop().create_future()")
    if not isinstance(first[1], asyncio.Future):
        return (f"the actor got ({_show(first[0])}, {_show(first[1])}): put (request, reply), "
                "the request first, then the reply future you made")
    return None


async def check_call(call: Callable) -> None:
    """`call(inbox, request, timeout)`: put (request, future), wait at most `timeout`
    seconds for the future, return its result or raise TimeoutError."""
    with Check("asyncio call with a timeout") as check:
        if not inspect.iscoroutinefunction(call):
            check.fail("call must be a coroutine function: write it as async def call(...)")
            return
        blocking = _blocks_the_loop(call)
        if blocking:
            check.fail(f"your call uses {blocking}, which blocks the event loop: every task "
                       "(the actor too) runs in that one thread, so nothing can answer while "
                       "the call sleeps. Wait without blocking: await asyncio.wait_for(reply, "
                       "timeout)")
            return

        put_wrong: list = []            # what was wrong with the first call's request

        async def answered(inbox: asyncio.Queue, seen: list) -> None:
            start = asyncio.get_running_loop().time()
            outcome, value = await _attempt(call, inbox, "mean", 0.5)
            took = asyncio.get_running_loop().time() - start
            wrong = _describe_put(seen, call)
            if wrong:
                put_wrong.append(wrong)
                check.fail(wrong)
            elif len(seen) > 1:
                check.fail(f"one call for 'mean' put {len(seen)} requests in the actor's inbox "
                           f"({', '.join(_show(message) for message in seen)}), so the actor "
                           f"did the work {len(seen)} times: a counter would count the call "
                           f"{len(seen)} times. Put one (request, reply), and await that same "
                           "reply: return await asyncio.wait_for(reply, timeout)")
            elif outcome == "waiting":
                check.fail(f"a call to an actor that answers was still waiting after {GUARD} s: "
                           "await the reply future you put in the request")
            elif outcome == "raised" and isinstance(value, TimeoutError):
                check.fail(_gave_up(call, seen))
            elif outcome == "raised":
                check.fail(f"a call to an actor that answers raised {_raised(value)}"
                           f"{_raised_how(call, value)}")
            elif _looks_unawaited(value):
                check.fail(f"the call returned {_show(value)} instead of the answer: return "
                           "await asyncio.wait_for(reply, timeout)")
            elif value != 3.0:
                check.fail(f"a call for 'mean' returned {_show(value)}, not 3.0: return the "
                           "result of awaiting the reply future")
            elif check.expect(took < 0.5,     # a right call ends soon after DELAY
                              "a call to an actor that answers returned its answer, 3.0",
                              f"a call with timeout 0.5 to an actor that answers after {DELAY} "
                              "s returned 3.0 only when its timeout ran out: it waits the "
                              "whole timeout even when the answer came early. Wait for the "
                              "reply itself, which ends as soon as it comes: return await "
                              "asyncio.wait_for(reply, timeout)"):
                left = await _left_behind(0.5 - took + LATE)
                if left is not None:
                    check.fail(f"a call to an actor that answers returned 3.0, but when its "
                               f"timeout ran out, after it had returned, something it left "
                               f"behind raised {type(left).__name__} inside asyncio: "
                               f"{_timer_left(call)}")

        async def on_time(inbox: asyncio.Queue, seen: list) -> str | None:
            """Why a call with timeout 0.4 to the stuck actor gave up early or late, or None.
            (A longer timeout than stuck's own 0.1 shows a wait that is a multiple of it.)"""
            start = asyncio.get_running_loop().time()
            outcome, value = await _attempt(call, inbox, "summary", 0.4)
            took = asyncio.get_running_loop().time() - start
            if outcome == "raised" and isinstance(value, TimeoutError) and took < 0.4 - EARLY:
                return ("a call with timeout 0.4 to an actor stuck waiting for itself raised "
                        "TimeoutError before its timeout ran out: " + (_ignores_timeout(call)
                        or "wait for the reply up to the call's own timeout: return await "
                           "asyncio.wait_for(reply, timeout)"))
            if outcome == "waiting" or took > 0.4 + LATE:
                return _too_late(call, 0.4)
            return None

        async def stuck(inbox: asyncio.Queue, seen: list) -> None:
            start = asyncio.get_running_loop().time()
            outcome, value = await _attempt(call, inbox, "summary", 0.1)
            took = asyncio.get_running_loop().time() - start
            wrong = _describe_put(seen, call)
            asked = _requests(seen, inbox, "summary")
            if len(asked) > 1 and not wrong:
                check.fail(f"a call with timeout 0.1 to an actor stuck waiting for itself put "
                           f"{len(asked)} requests in its inbox: it asked again when its wait "
                           f"ran out, so it waited {len(asked)} times its timeout, and the "
                           "actor, once free, would do the work as often. A call asks once, "
                           "and when its timeout runs out it raises TimeoutError")
            elif outcome == "raised" and isinstance(value, TimeoutError) and wrong:
                check.fail("a call to an actor stuck waiting for itself raised TimeoutError, "
                           "but its request never reached the actor as (request, reply), so "
                           "any call would time out: " +
                           ("fix the put first" if put_wrong else wrong))
            elif outcome == "raised" and isinstance(value, TimeoutError):
                wrong_time = (_too_late(call, 0.1) if took > 0.1 + LATE
                              else await _with_actor(on_time))
                check.expect(not wrong_time, "a call to an actor stuck waiting for itself "
                             "raised TimeoutError when its time ran out", wrong_time or "")
            elif outcome == "waiting":
                fix = (_waits_longer(call) if "wait_for" in names_used(call) else
                       "wait with asyncio.wait_for(reply, timeout)")
                check.fail(f"a call with timeout 0.1 to an actor stuck waiting for itself was "
                           f"still waiting after {GUARD} s: {fix}")
            elif outcome == "raised" and isinstance(value, asyncio.InvalidStateError):
                check.fail(_read_too_soon(call))
            elif outcome == "raised" and isinstance(value, asyncio.CancelledError):
                check.fail("a call to an actor stuck waiting for itself raised CancelledError, "
                           "not TimeoutError: the reply future was cancelled (reply.cancel(), "
                           "perhaps from a timer), and awaiting a cancelled future raises "
                           "CancelledError, which asyncio takes for a task told to stop. "
                           "Cancelling is not a timeout: return await "
                           "asyncio.wait_for(reply, timeout), which raises TimeoutError")
            elif outcome == "raised":
                check.fail(f"a call to an actor stuck waiting for itself raised "
                           f"{type(value).__name__}, not TimeoutError" +
                           (_raised_how(call, value)
                            or ": let asyncio.wait_for's TimeoutError through"))
            elif value == 3.0 and kept_outside_state(call):
                check.fail("a call to an actor stuck waiting for itself returned 3.0, the "
                           "answer to the call before it: call keeps data "
                           f"{kept_outside_state(call)}, such as a reply future that the "
                           "first call's answer had already settled. A future is answered "
                           "once: make a new one in every call, reply = "
                           "asyncio.get_running_loop().create_future()")
            elif _looks_unawaited(value):
                check.fail("a call to an actor stuck waiting for itself returned "
                           f"{_show(value)}: await the reply, with asyncio.wait_for(reply, "
                           "timeout), so that the call raises TimeoutError")
            elif put_wrong:
                check.fail(f"a call to an actor stuck waiting for itself returned {_show(value)}: "
                           "fix the put first (above), then wait for the reply: return await "
                           "asyncio.wait_for(reply, timeout)")
            else:
                check.fail(f"a call to an actor stuck waiting for itself returned {_show(value)}: "
                           "nobody could answer it, so it must raise TimeoutError (do not "
                           "catch it: like GenServer.call's exit, the caller must notice)")

        with warnings.catch_warnings():
            # A put that was never awaited is a finding above; Python's own warning about
            # the coroutine would only add noise on stderr.
            warnings.filterwarnings("ignore", message="coroutine .* was never awaited",
                                    category=RuntimeWarning)
            await _with_actor(answered)
            await _with_actor(stuck)
            gc.collect()                # a coroutine kept alive by a traceback goes now
        stretched = _stretched_timeout(call)
        if check.passed and stretched:
            check.fail(f"it works here, but it waits asyncio.wait_for(reply, {stretched}), "
                       "longer than its caller allows (the check's margin for a busy machine "
                       "hid it). Pass the call's own timeout as it is: "
                       "asyncio.wait_for(reply, timeout)")
        where = kept_outside_state(call)
        if check.passed and where:
            check.fail(f"it works, but call keeps data {where}: a later call could be answered "
                       "from it without asking the actor, which may answer otherwise now, or "
                       "be another actor. A call asks every time: put (request, reply), and "
                       "await the reply")


# -- exercise 2: deadlock, or not? ------------------------------------------------------

SCENARIOS = {
    "A": ("ok", "self.mean() is a plain method call on the actor's own object: no message, "
                "nobody waits"),
    "B": ("deadlock", "the proxy sends a message to the actor's own inbox, and .get() waits "
                      "for a reply only this same thread could compute (pykka issue #9)"),
    "C": ("refused", "GenServer.call to your own pid exits at once with "
                     "calling_self"),
    "D": ("deadlock", "a waits for b, b waits for a: OTP cannot see this cycle, so both wait "
                      "until the 5-second timeout"),
    "E": ("deadlock", "each actor runs one method at a time, and each is busy waiting for the "
                      "other (ray issue #3307)"),
    "F": ("ok", "with max_concurrency=2 each actor has a second thread, free to run the "
                "other's request"),
}
VERDICTS = ("ok", "deadlock", "refused")


def _names_a_wait(answer: Any) -> bool:
    """Whether an answer names how a deadlock ends rather than the verdict ('timeout').

    >>> _names_a_wait("timeout"), _names_a_wait("Hangs forever"), _names_a_wait("crash")
    (True, True, False)
    """
    return isinstance(answer, str) and any(word in answer.lower() for word in
                                           ("time", "hang", "forever", "wait"))


def _meant(answer: Any) -> str | None:
    """If `answer` is not a verdict but nearly one (a capital, spaces, a longer word), how
    to write it; else None.

    >>> for answer in ("Deadlock", "ok ", "deadlocked", "ok", "timeout"):
    ...     print(_meant(answer))
    write the answer in lower case, 'deadlock', not 'Deadlock'
    write 'ok' with no spaces around it, not 'ok '
    did you mean 'deadlock'? Write exactly 'ok', 'deadlock' or 'refused', not 'deadlocked'
    None
    None
    """
    if not isinstance(answer, str) or answer in VERDICTS:
        return None
    word = answer.strip().lower()
    if answer.lower() in VERDICTS:
        return f"write the answer in lower case, {word!r}, not {answer!r}"
    if word in VERDICTS:
        return f"write {word!r} with no spaces around it, not {answer!r}"
    close = difflib.get_close_matches(word, VERDICTS, n=1, cutoff=0.75)
    if close:
        return (f"did you mean {close[0]!r}? Write exactly 'ok', 'deadlock' or 'refused', "
                f"not {answer!r}")
    return None


def check_scenarios(answers: Any) -> None:
    """Each scenario classified as "ok", "deadlock" or "refused"."""
    with Check("Deadlock, or not?") as check:
        if not isinstance(answers, dict):
            check.fail(f"answers must be a dict like {{'A': 'ok', ...}}, not {answers!r}")
            return
        lower = [key for key in SCENARIOS if key not in answers and key.lower() in answers]
        if lower:
            check.fail(f"key {lower[0]!r} is missing (you wrote {lower[0].lower()!r}): the keys "
                       "are capital letters, 'A' to 'F', as in the scenarios")
            return
        for key, (verdict, why) in SCENARIOS.items():
            given = answers.get(key)
            meant = _meant(given)
            if meant is not None:
                check.fail(f"{key}: {meant}")
            elif key not in answers:
                check.fail(f"key {key!r} is missing: answer 'ok', 'deadlock' or 'refused' for "
                           "each scenario, 'A' to 'F'")
            elif given not in VERDICTS:
                check.fail(f"{key}: answer 'ok', 'deadlock' or 'refused', not {given!r}" +
                           (": a wait that only a timeout ends (or that never ends) counts as "
                            "'deadlock'" if _names_a_wait(given) else ""))
            elif given == verdict:
                check.expect(True, f"{key} is {verdict}: {why}", "")
            else:
                check.fail(f"{key} is not {given}: {why}")
        for key in answers:
            if key not in SCENARIOS:
                check.fail(f"there is no scenario {key!r}: the scenarios are 'A' to 'F'. "
                           f"Remove the key {key!r} from answers")
