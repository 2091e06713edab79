"""Checks for notebook 05, GenServer.

Both checks run the learner's server as a process, and then call its callbacks as what
they are, plain functions from a message and a state to a tuple, each on a new object,
from the state the learner's own init returned: a server that keeps its state on the
object (`self.n`) answers from the object, not from the state it is given.

>>> class InSelf(GenServer):
...     def init(self, n):
...         self.n = n
...         return ("ok", n)
...     def handle_call(self, request, from_, n):
...         return ("reply", self.n, n)
...     def handle_cast(self, message, n):
...         self.n += message[1]
...         return ("noreply", n)
>>> check_counter(InSelf)
✗ Counter GenServer: not yet
  ✓ after ('add', 5) the count is 15
  ✗ InSelf keeps the count on the object, in self.n, outside the state. A GenServer's state lives in the process: init returns it, each callback gets it as its last argument and returns the new one. Keep nothing in self, or in a global. How the check saw it: it gave the callbacks the state init(42) returned, but called them on another object, whose init(0) had run, as another server of the class would: handle_call('get', ...) answered 0, where it should have answered 42

The state can have any shape: the check builds its states with the learner's own init.

>>> class InADict(GenServer):
...     def init(self, n):
...         return ("ok", {"count": n})
...     def handle_call(self, request, from_, state):
...         return ("reply", state["count"], state)
...     def handle_cast(self, message, state):
...         return ("noreply", {"count": state["count"] + message[1]})
>>> check_counter(InADict)
✓ Counter GenServer: all good
  ✓ after ('add', 5) the count is 15
  ✓ two counters keep two counts: a second one, started at 100, still says 100 after an add to the first

A deferred reply (GenServer.reply(from_, answer), then ("noreply", state)) is a reply too:

>>> class Deferred(GenServer):
...     def init(self, n):
...         return ("ok", n)
...     def handle_call(self, request, from_, n):
...         GenServer.reply(from_, n)
...         return ("noreply", n)
...     def handle_cast(self, message, n):
...         return ("noreply", n + message[1])
>>> check_counter(Deferred)
✓ Counter GenServer: all good
  ✓ after ('add', 5) the count is 15
  ✓ two counters keep two counts: a second one, started at 100, still says 100 after an add to the first
"""
from __future__ import annotations

import ast
import inspect
from typing import Any, Callable

from ..otp import GenServer
from ..runtime import (ANY, BadArgument, DeadlockError, Exit, ReceiveTimeout, alias, receive,
                       run_for, self_pid, send, spawn, unalias)
from ..trace import Pid, short
from ..trace.protocol import is_gen_cast
from .checks import (STATE_IN_THE_PROCESS, Check, death_text, exit_of, kept_outside_state,
                     last_taken, names_used, reason_text, start_learner, syntax_tree)

NO_ANSWER = object()


def _call(check: Check, module: type, server: Pid, request: Any, shown: str,
          unanswered: Callable[[], str] = lambda: "", messages: str = "") -> Any:
    """GenServer.call, or NO_ANSWER with what went wrong noted: what killed the server (and
    a callback's wrong signature, if that is why, else, if a cast killed it, what the
    `messages` its handle_cast gets look like), or, if the server lives but never
    answered, `unanswered()`."""
    try:
        return GenServer.call(server, request, 100)
    except Exit as exit_:
        died = death_text(server)
        if died:
            crashed = isinstance(exit_of(server).data["reason"], Exception)   # not a bad return
            fix = _signature_fix(module) or (messages if crashed and is_gen_cast(
                last_taken(server)) else "")
        else:
            timed_out = type(exit_.reason) is tuple and exit_.reason[:1] == ("timeout",)
            fix = unanswered() if timed_out else ""
        check.fail(f"{shown} exited: " + (died or reason_text(exit_.reason)) +
                   (f". {fix}" if fix else ""))
        return NO_ANSWER


SIGNATURES = {"handle_call": "handle_call(self, request, from_, state)",
              "handle_cast": "handle_cast(self, message, state)"}
"""The callbacks the exercises write, as they must be declared."""


def _signature_fix(module: type) -> str:
    """What to change when handle_call or handle_cast does not take the arguments the
    GenServer passes it (from_ added to handle_cast, or dropped from handle_call); "" if
    both do."""
    for callback, signature in SIGNATURES.items():
        try:
            taken = len(inspect.signature(getattr(module, callback)).parameters)
        except (TypeError, ValueError):
            continue
        if taken != signature.count(",") + 1:
            return (f"The GenServer calls {signature}: only handle_call gets from_ (the "
                    f"caller, for a reply). Declare {callback} with those arguments")
    return ""


def _reply_never_sent(module: type, start: Any, request: Any) -> str:
    """What to change when handle_call, called as a plain function from the state init(start)
    returns, answers ("noreply", ...) and replies to nobody; "" if it does not."""
    waiting: list = []
    try:
        words, _ = _step(module(), "handle_call", request, module().init(start)[1], waiting)
    except Exception:
        return ""
    finally:
        for tag in waiting:
            unalias(tag)
    return ("Its handle_call returned ('noreply', ...) and never called GenServer.reply, so the "
            "caller waited for an answer that never came: return ('reply', n, n) to answer "
            "at once" if words == WAITS else "")


REPLIED_TWICE = ("handle_call answers twice: it calls GenServer.reply(from_, ...) and also "
                 "returns ('reply', ...), so a second, stray reply is left in the caller's "
                 "mailbox. Returning ('reply', answer, state) already answers: use "
                 "GenServer.reply only with ('noreply', state)")
"""What to change when handle_call both replies itself and returns ('reply', ...)."""


def _replies_twice(module: type, start: Any) -> bool:
    """Whether handle_call('get', ...), called as a plain function from the state init(start)
    returns, both calls GenServer.reply and returns ("reply", ...): two replies to one call."""
    tag = alias()
    try:
        answer = module().handle_call("get", (self_pid(), tag), module().init(start)[1])
        return type(answer) is tuple and answer[:1] == ("reply",) and bool(_replies(tag))
    except Exception:
        return False
    finally:
        unalias(tag)


WAITS = "waited (no reply yet)"
"""What a plain-function call of handle_call that defers its reply answers, in words."""


def _step(instance: Any, callback: str, message: Any, state: Any, waiting: list) -> tuple:
    """One callback called directly, as the server would: (what it answered, in words, and
    the new state). handle_call gets a real from_ (an alias of the check's process), so a
    deferred reply (GenServer.reply(from_, x), then ("noreply", state)) answers x; a call
    that returns ("noreply", state) and replies to nobody waits, its alias kept in `waiting`
    for a later cast to answer (a pop on an empty queue, answered by a push)."""
    if callback == "handle_cast":
        answer = instance.handle_cast(message, state)
        given = [reply for tag in list(waiting) for reply in _replies(tag)]
        words = f"answered the waiting call with {short(given[0])}" if given else "answered nobody"
        return words, answer[1]
    tag = alias()
    answer = instance.handle_call(message, (self_pid(), tag), state)
    replies = _replies(tag)
    if answer[0] == "reply":
        return f"answered {short(answer[1])}", answer[2]
    if replies:
        return f"answered {short(replies[0])}", answer[1]
    waiting.append(tag)
    return WAITS, answer[1]


def _replies(tag: Any) -> list:
    """The replies to the alias `tag` in the check's mailbox (taking them all)."""
    return [reply for _, reply in _take_all((tag, ANY))]


def _sent_plainly(item: Any) -> bool:
    """Whether `item` itself, not a reply, came to the check's process (taking them all)."""
    return bool(_take_all(item))


def _take_all(pattern: Any) -> list:
    """The messages in the check's mailbox that match `pattern`, taken out of it."""
    taken = []
    while True:
        try:
            taken.append(receive(pattern, timeout=0))
        except ReceiveTimeout:
            return taken


def _state_in_process(check: Check, module: type, what: str, start: Any, other: Any,
                      steps: list) -> bool:
    """Call the callbacks as plain functions, each on a new instance (its init called with
    `other`), from the state the learner's own init(start) returned, each step given the
    state the one before returned: each must answer from the state it is given. `steps`
    holds (shown, callback, message, wanted), wanted in words (see `_step`)."""
    answers, waiting = [], []
    first = None
    try:
        state = first = module().init(start)[1]
        for _, callback, message, _ in steps:
            instance = module()
            instance.init(other)
            words, state = _step(instance, callback, message, state, waiting)
            answers.append(words)
    except Exception as error:
        blocked = _waits_inside(module)
        if isinstance(error, (DeadlockError, ReceiveTimeout)) and blocked:
            check.fail(f"{module.__name__}'s {blocked[0]}: called as a plain function, "
                       f"{steps[min(len(answers), len(steps) - 1)][0]} waited there for a "
                       "message that nobody would send. A callback must return at once: while "
                       f"it waits, its server answers nobody else. {WAIT_IN_STATE}")
            return False
        answers.append(f"raised {type(error).__name__}: {error}")
    finally:
        for tag in waiting:
            unalias(tag)
    wanted = [step[3] for step in steps]
    if answers == wanted:
        return True
    wrong = next(i for i, answer in enumerate(answers) if answer != wanted[i])
    got = ", then ".join(f"{shown} {answer}" for (shown, _, _, _), answer
                         in zip(steps[:wrong + 1], answers))
    where = kept_outside_state(module)
    if where:
        check.fail(f"{module.__name__} keeps the {what} {where}, outside the state. "
                   f"{STATE_IN_THE_PROCESS}. Keep nothing in self, or in a global. How the "
                   f"check saw it: it gave the callbacks the state init({start!r}) returned, "
                   f"but called them on another object, whose init({other!r}) had run, as "
                   f"another server of the class would: {got}, where it should have "
                   f"{wanted[wrong]}")
    elif start is not None and first != start:
        check.fail(f"called as a plain function, init({start!r}) returned the state "
                   f"{short(first)}, not {start!r}: init must keep the value it is given, "
                   "('ok', n), whatever it is (the check starts counters at other values "
                   "than 10)")
    else:
        check.fail(f"called as plain functions, from the state init({start!r}) returned: "
                   f"{got}, where it should have {wanted[wrong]}. Each callback must answer "
                   "from the state it is given as its last argument, and return the new one "
                   "(the check uses other numbers than the notebook's)")
    return False


WAIT_IN_STATE = ("To make a pop wait, keep from_ in the state, return ('noreply', state), and "
                 "reply from handle_cast when an item is pushed, GenServer.reply(from_, item), "
                 "as Door does")
"""How a GenServer waits for what a later message brings: in its state, not in a callback."""


def _waits_inside(module: type) -> list[str]:
    """The callbacks of `module` that wait themselves, in receive() or sleep(), in words:
    `handle_call blocks in receive()`."""
    return [f"{name} blocks in {wait}()"
            for name in ("init", "handle_call", "handle_cast", "handle_info")
            if name in vars(module) for wait in ("receive", "sleep")
            if wait in names_used(vars(module)[name])]


def _init_fix(module: type) -> str:
    """What to do when the server does not start: an init without the start value is told
    to take it."""
    try:
        takes = len(inspect.signature(module.init).parameters)
    except (TypeError, ValueError):
        takes = 2
    if takes < 2:
        return (f"init takes the start value: GenServer.start({module.__name__}, 10) calls "
                "init(10). Write def init(self, n): and return ('ok', n)")
    return "init must return ('ok', state)"


def _ignores_argument(module: type) -> bool:
    """Whether init, called directly, returns the same whatever it is given (`("ok", 0)`)."""
    try:
        return module().init(10) == module().init(20)
    except Exception:
        return False


COUNTER_MESSAGES = ("handle_cast gets the whole message, ('add', k), so the k to add is "
                    "message[1]; handle_call gets the request, 'get'")
"""What a counter's callbacks are given, for a counter that crashed on one."""


def _request_compared_with(module: type) -> Any:
    """A value other than 'get' that handle_call compares its request with (`request ==
    ("get",)`), or None.

    >>> class Shaped:
    ...     def handle_call(self, request, from_, n):
    ...         if request == ("get",):
    ...             return ("reply", n, n)
    >>> _request_compared_with(Shaped)
    ('get',)
    """
    handle_call = getattr(module, "handle_call", None)
    tree = syntax_tree(handle_call)
    if tree is None:
        return None
    function = next((node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)), None)
    if function is None or len(function.args.args) < 2:
        return None
    request = function.args.args[1].arg
    for node in ast.walk(function):
        if (isinstance(node, ast.Compare) and isinstance(node.left, ast.Name)
                and node.left.id == request and isinstance(node.ops[0], ast.Eq)):
            try:
                value = ast.literal_eval(node.comparators[0])
            except ValueError:
                continue
            if value != "get" and "get" in repr(value).lower():
                return value
    return None


def check_counter(module: Any) -> None:
    """A GenServer counter: init(n); cast ("add", k); call "get"."""
    with Check("Counter GenServer") as check:
        if check.refuse_blocking(module):
            return
        pid = start_learner(check, f"GenServer.start({module.__name__}, 10)",
                            lambda: GenServer.start(module, 10), _init_fix(module))
        if pid is None:
            return
        GenServer.cast(pid, ("add", 5))
        count = _call(check, module, pid, "get", "after the cast ('add', 5), "
                      "GenServer.call(counter, 'get')",
                      lambda: _reply_never_sent(module, 10, "get"), COUNTER_MESSAGES)
        if count is NO_ANSWER:
            return
        other_get = _request_compared_with(module)
        if not check.expect(count == 15, "after ('add', 5) the count is 15",
                            f"after starting at 10 and ('add', 5), 'get' answered {short(count)}: "
                            + ("init ignores its argument: GenServer.start("
                               f"{module.__name__}, 10) calls init(10); return ('ok', n) with "
                               "the n it is given"
                               if _ignores_argument(module) else
                               "the cast is ('add', k): add k (message[1]), not 1"
                               if count == 11 else
                               "the cast replaced the count with k: add k to it, "
                               "('noreply', n + message[1])"
                               if count == 5 else
                               f"the count inside a {type(count).__name__}: the state is a "
                               f"{type(count).__name__} holding the count. Make the state the "
                               "count itself, a number: init returns ('ok', n), handle_cast "
                               "('noreply', n + message[1]), handle_call ('reply', n, n)"
                               if type(count) in (list, tuple) and list(count) == [15] else
                               f"handle_call compares the request with {short(other_get)}, but "
                               "GenServer.call(counter, 'get') sends the bare string 'get': "
                               "compare request == 'get'"
                               if other_get is not None else
                               "handle_cast returns ('noreply', new_state); handle_call returns "
                               "('reply', count, state)")):
            return
        if _replies_twice(module, 10):
            check.fail(REPLIED_TWICE)
            return
        if not _state_in_process(check, module, "count", 42, 0, [
                ("handle_call('get', ...)", "handle_call", "get", "answered 42"),
                ("handle_cast(('add', 1), ...)", "handle_cast", ("add", 1), "answered nobody"),
                ("handle_call('get', ...)", "handle_call", "get", "answered 43")]):
            return
        other = start_learner(check, f"GenServer.start({module.__name__}, 100)",
                              lambda: GenServer.start(module, 100))
        GenServer.cast(pid, ("add", 1))
        untouched = _call(check, module, other, "get",
                          "GenServer.call(second_counter, 'get')")
        if untouched is not NO_ANSWER:
            check.expect(untouched == 100, "two counters keep two counts: a second one, started "
                         "at 100, still says 100 after an add to the first",
                         f"a second counter, started at 100, answered {short(untouched)} after "
                         "an add to the first: the two servers share one count. Keep it in the "
                         "state, not in a class attribute or a global")


def check_queue(module: Any) -> None:
    """A queue GenServer: "pop" waits (deferred reply) until ("push", item) arrives; items
    and waiters are served oldest first."""
    with Check("Queue with deferred replies") as check:
        if check.refuse_blocking(module, advice=", and never inside a callback, which must "
                                 f"return at once. {WAIT_IN_STATE}"):
            return
        queue = start_learner(check, f"GenServer.start({module.__name__})",
                              lambda: GenServer.start(module))
        if queue is None:
            return
        shell = self_pid()

        def popper(name: str) -> None:
            try:
                send(shell, (name, "popped", GenServer.call(queue, "pop", 1000)))
            except Exit as exit_:
                send(shell, (name, "failed", exit_.reason))

        spawn(popper, "ann", label="ann")
        run_for(10)
        spawn(popper, "bob", label="bob")
        run_for(40)
        GenServer.cast(queue, ("push", "parcel"))
        GenServer.cast(queue, ("push", "letter"))
        answers = {}
        for _ in range(2):
            name, *outcome = receive(timeout=2000)
            answers[name] = tuple(outcome)
        if not _waiters_served(check, module, queue, answers):
            return
        GenServer.cast(queue, ("push", "first"))
        GenServer.cast(queue, ("push", "second"))
        item = _call(check, module, queue, "pop",
                     "a pop on a queue holding 'first' and 'second'")
        if item is NO_ANSWER:
            return
        if not check.expect(item == "first", "a pop on a queue holding two items answered the "
                            "oldest, 'first', at once",
                            f"a pop on a queue holding 'first' then 'second' answered "
                            f"{short(item)}: " +
                            ("a queue answers its oldest item (first in, first out): add new "
                             "items at the end, take them from the front" if item == "second"
                             else f"{short(item)} was pushed earlier, by the check, to "
                             f"another queue of the class. {_kept_outside(module)}"
                             if _kept_outside(module) else _push_advice(module) or
                             "answer the oldest item, and remove it")):
            return
        item = _call(check, module, queue, "pop", "a second pop")
        if item is NO_ANSWER:
            return
        if not check.expect(item == "second", "a second pop answered 'second'",
                            f"a second pop answered {short(item)}, not 'second': " +
                            ("remove the item you answer from the state" if item == "first"
                             else "keep every pushed item until it is popped")):
            return
        if not _in_arrival_order(check, module, queue):
            return
        if _state_in_process(check, module, "queue's data", None, None, [
                ("handle_cast(('push', 'x'), ...)", "handle_cast", ("push", "x"),
                 "answered nobody"),
                ("handle_call('pop', ...)", "handle_call", "pop", "answered 'x'"),
                ("handle_call('pop', ...)", "handle_call", "pop", WAITS),
                ("handle_cast(('push', 'y'), ...)", "handle_cast", ("push", "y"),
                 "answered the waiting call with 'y'")]) and _kept_outside(module):
            check.fail(f"it works, but {_kept_outside(module)}")
        if check.passed:                # (its pop that times out leaves a waiter behind)
            _own_state(check, module, queue)


def _in_arrival_order(check: Check, module: type, queue: Pid) -> bool:
    """'zebra' pushed before 'apple' is popped first: a queue keeps the order items came
    in, not their sort order ('first' and 'second' are in both)."""
    GenServer.cast(queue, ("push", "zebra"))
    GenServer.cast(queue, ("push", "apple"))
    item = _call(check, module, queue, "pop", "a pop on a queue holding 'zebra' then 'apple'")
    if item is NO_ANSWER:
        return False
    if not check.expect(item == "zebra", "pushed 'zebra' then 'apple', a pop answered 'zebra': "
                        "the order they came in",
                        f"pushed 'zebra' then 'apple', a pop answered {short(item)}: a queue "
                        "answers in the order items came, not in their sort order (sorted() "
                        "or heapq put 'apple' first). Append new items at the end, take them "
                        "from the front"):
        return False
    return _call(check, module, queue, "pop", "a pop of the last item, 'apple'") is not NO_ANSWER


def _own_state(check: Check, module: type, first: Pid) -> None:
    """A second queue, just started, is empty whatever was pushed to the `first`: init
    must make a new state each time, not return one dict (a constant, a default argument)
    that both queues change in place."""
    started = GenServer.start(module)
    other = started[1] if type(started) is tuple and started[0] == "ok" else None
    if other is None:
        return                          # how the first one started is already noted
    GenServer.cast(first, ("push", "mine"))
    try:
        item = GenServer.call(other, "pop", 100)
    except Exit:
        check.expect(True, "a second queue, just started, does not hold what was pushed to "
                     "the first", "")
        return
    check.fail(f"a second queue, just started, answered a pop with {short(item)}, pushed to "
               "the first queue: the two share one state. " + (_kept_outside(module) or
               "init returns the same dict each time (a constant, or a default argument), "
               "and each queue changes it in place. Make a new one in init: return ('ok', "
               "{'items': [], 'waiting': []})"))


def _kept_outside(module: type) -> str:
    """What to say of a queue that keeps items or waiters outside its state; '' if none."""
    where = kept_outside_state(module)
    return (f"{module.__name__} keeps data {where}, outside the state: a pop on one queue "
            "could be answered by a push to another. Keep the items and the waiters in the "
            "state dict" if where else "")


def _waiters_served(check: Check, module: type, queue: Pid, answers: dict) -> bool:
    """Did ann and bob, who popped an empty queue in that order, get the two items pushed
    next, oldest waiter first?"""
    failed = {name: why for name, (status, why) in answers.items() if status == "failed"}
    if failed:
        name, reason = next(iter(failed.items()))
        timed_out = type(reason) is tuple and reason[:1] == ("timeout",)
        died = death_text(queue)
        if died:
            fix = _signature_fix(module) or _sent_to_from(module, queue) or \
                _replied_from_cast(queue)
            check.fail(f"{name}'s pop on an empty queue failed: {died}" +
                       (f". {fix}" if fix else ""))
        elif timed_out and _waits_inside(module):
            waits = _waits_inside(module)[0]
            why = ("a receive() in a callback takes messages out of the server's own "
                   "mailbox, meant for its loop: another caller's call taken there is "
                   "never answered" if waits.endswith("receive()") else
                   "while a callback waits its server takes no other message: not even "
                   "the pushes that would end the wait")
            check.fail(f"{name}'s pop on an empty queue was never answered: {module.__name__}'s "
                       f"{waits}, and {why}. A callback must return at once. {WAIT_IN_STATE}")
        elif timed_out and _keeps_one_waiter(module):
            check.fail("ann's pop on an empty queue was never answered: bob's pop replaced "
                       "ann's in 'waiting', so the state kept only the last caller, and only bob "
                       "got an item. Keep a list of waiters: append each from_ to it, and "
                       "answer the oldest first")
        elif timed_out:
            check.fail(f"{name}'s pop on an empty queue was never answered, though items were "
                       "pushed after it: " + (_push_advice(module, name) or
                                              "remember from_ in the state, return "
                                              "('noreply', state), and GenServer.reply(from_, "
                                              "item) when an item is pushed"))
        else:
            check.fail(f"{name}'s pop failed: {reason_text(reason)}")
        return False
    got = {name: item for name, (_, item) in answers.items()}
    if got.get("ann") is None and got.get("bob") is None:
        check.fail("a pop on an empty queue answered None at once: it should wait until an "
                   "item is pushed: remember from_ in the state and return ('noreply', state)")
        return False
    if got == {"ann": "letter", "bob": "parcel"}:
        check.fail("ann popped first and bob second, and then 'parcel' and 'letter' were "
                   "pushed: ann got 'letter' and bob 'parcel'. Serve waiters oldest first: "
                   "add new ones at the end of 'waiting', answer the first")
        return False
    return check.expect(got == {"ann": "parcel", "bob": "letter"},
                        "two pops on an empty queue waited, and got the two items pushed 40 ms "
                        "later, oldest waiter first",
                        f"ann and bob popped an empty queue, then 'parcel' and 'letter' were "
                        f"pushed: ann got {short(got.get('ann'))} and bob "
                        f"{short(got.get('bob'))}, not 'parcel' and 'letter'" +
                        (": reply with the item, message[1], not the whole message"
                         if got.get("ann") == ("push", "parcel") else
                         f": {advice}" if (advice := _push_advice(module)) else ""))


def _keeps_one_waiter(module: type) -> bool:
    """Whether the queue's callbacks, called as plain functions from the state its own init
    returns, forget the first of two callers who pop an empty queue: of the two pushes
    that follow, neither answers the first caller, and the first answers the second."""
    me, tags = self_pid(), (alias(), alias())
    try:
        state = module().init(None)[1]
        for tag in tags:
            state = module().handle_call("pop", (me, tag), state)[-1]
        for item in ("x", "y"):
            state = module().handle_cast(("push", item), state)[-1]
        first, second = (_replies(tag) for tag in tags)
    except Exception:
        return False
    finally:
        for tag in tags:
            unalias(tag)
    return not first and second[:1] == ["x"]


def _sent_to_from(module: type, queue: Pid) -> str:
    """What to do when the queue died of a send that was given from_ (a pair, not a pid);
    "" when it died of something else."""
    ended = exit_of(queue)
    if ended is None or not isinstance(ended.data["reason"], BadArgument) \
            or "send" not in names_used(module):
        return ""
    return ("from_ is not a pid but a pair, (pid, tag), which only GenServer.reply takes: "
            "send(from_, ...) cannot use it. Answer the waiter with GenServer.reply(from_, "
            "item)")


def _replied_from_cast(queue: Pid) -> str:
    """What to do when the queue died of a ('reply', ...) returned from handle_cast; ""
    when it died of something else."""
    reason = exit_of(queue).data["reason"]
    if not (type(reason) is tuple and reason[:1] == ("bad_return_value",)
            and type(reason[1]) is tuple and reason[1][:1] == ("reply",)
            and is_gen_cast(last_taken(queue))):
        return ""
    return ("A cast has no caller to answer: answer the waiting caller with "
            "GenServer.reply(from_, item), then return ('noreply', new_state)")


def _push_advice(module: type, caller: str = "the caller") -> str:
    """What is wrong with handle_cast's push, called directly on an empty queue that two
    callers wait on (the state of the exercise's init): "" if nothing is, or if the state
    it returns is not such a dict. `caller` names the first waiter, for the finding."""
    me, tags = self_pid(), (alias(), alias())
    try:
        answer = module().handle_cast(("push", "x"), {"items": [],
                                                      "waiting": [(me, t) for t in tags]})
        answered = [tag for tag in tags if _replies(tag)]
        sent = _sent_plainly("x")
    except Exception:
        return ""
    finally:
        for tag in tags:
            unalias(tag)
    if sent and not answered:
        return (f"handle_cast sent the item to the caller's pid with a plain send: that is not "
                f"a reply, so the item sits in {caller}'s mailbox while GenServer.call still "
                "waits for its reply. Answer the waiter with GenServer.reply(from_, item)")
    state = answer[1] if type(answer) is tuple and len(answer) == 2 else None
    if type(state) is not dict:
        return ""
    oldest, other = [(me, tag) for tag in tags]
    if len(answered) == 2:
        return ("handle_cast gave one item to every waiter: each item goes to one waiter: "
                "answer only the oldest and remove it from 'waiting'")
    if answered and oldest in state.get("waiting", []):
        return ("handle_cast answered the oldest waiter but kept it in 'waiting', so the next "
                "item went to it again: remove the waiter you answered")
    if answered and other not in state.get("waiting", []):
        return ("handle_cast answered the oldest waiter and dropped the others from 'waiting' "
                "too: remove only the waiter you answered; the others still wait")
    if answered and "x" in state.get("items", []):
        return ("handle_cast gave the pushed item to a waiter and also kept it in 'items': an "
                "item given to a waiter must not be kept: add it to 'items' only when nobody "
                "waits")
    return ""
