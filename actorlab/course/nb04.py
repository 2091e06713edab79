"""Checks for notebook 04, a generic server.

The notebook's generic loop (`serve`) calls a callbacks object: `init(arg) -> state`,
`handle_call(request, state) -> (reply, state)`, `handle_cast(message, state) -> state`,
`handle_info(message, state) -> state`.

Callbacks are plain functions, so the store's check first calls them directly, then runs
them in `serve`:

>>> class Strict:
...     def init(self, arg):
...         return {}
...     def handle_call(self, request, state):
...         _, key = request
...         return state[key], state
...     def handle_cast(self, message, state):
...         _, key, value = message
...         return {**state, key: value}
>>> check_store(None, Strict())  # doctest: +ELLIPSIS
✗ key-value store: not yet
  ✓ handle_cast(('put', 'cat', 'meow'), {}) returned the new state, {'cat': 'meow'}
  ✓ handle_call(('get', 'cat'), {'cat': 'meow'}) returned ('meow', {'cat': 'meow'})
  ✗ handle_call(('get', 'bird'), {'cat': 'meow'}) raised KeyError: 'bird'...: a missing key must answer None, not crash the server: state.get(key)
"""
from __future__ import annotations

from typing import Any, Callable

import ast
import copy

from ..runtime import (ANY, ReceiveTimeout, current_node, make_ref, receive, self_pid, send,
                       spawn)
from ..trace import Pid, short
from ..trace.protocol import hand_call, hand_cast, is_hand_call, is_hand_cast
from .checks import (Check, crash_text, exit_of, explain, failed_to_unpack, kept_outside_state,
                     spawn_learner, syntax_tree)


def _call(server: Any, request: Any) -> Any:
    ref = make_ref()
    send(server, hand_call(self_pid(), ref, request))
    return receive((ref, ANY), timeout=100)[1]


def _try(check: Check, shown: str, action: Callable[[], Any], store: Any,
         shape: str) -> tuple[bool, Any]:
    """Call one of the `store`'s callbacks directly; (False, None) with the reason noted if
    it raised. `shape` is the message it was given, as a hint to unpack it."""
    try:
        return True, action()
    except Exception as error:
        check.fail(f"{shown} {explain(error)}{_hint(error, store, shape)}")
        return False, None


def _hint(error: Exception, store: Any, shape: str) -> str:
    """What to change, for an error a store's callback raised when called directly."""
    if isinstance(error, KeyError):
        return ": a missing key must answer None, not crash the server: state.get(key)"
    if isinstance(error, AttributeError) and error.obj is store:
        return (": the callbacks get the state as an argument, and are called without init "
                "having set anything on the object: keep the data in state (init returns it; "
                "each callback gets it and returns the new one)")
    if failed_to_unpack(error):
        return f": {shape}"
    return ""


def check_store(serve: Callable, store_callbacks: Any) -> None:
    """A key-value store as callbacks: ("put", k, v) casts; ("get", k) calls."""
    with Check("key-value store") as check:
        if not _callbacks_work(check, store_callbacks):
            return
        pid = spawn_learner(check, serve, store_callbacks, None, label="store")
        if pid is None:
            return
        send(pid, hand_cast(("put", "cat", "meow")))
        send(pid, hand_cast(("put", "dog", "woof")))
        send(pid, hand_cast(("put", "cat", "purr")))
        try:
            cat, bird = _call(pid, ("get", "cat")), _call(pid, ("get", "bird"))
            dog = _call(pid, ("get", "dog"))
        except ReceiveTimeout:
            ended = exit_of(pid)
            check.fail("a ('get', key) call got no reply: " +
                       (f"the server {crash_text(ended)}" if ended else
                        "handle_call must return (reply, new_state)"))
            return
        check.expect(cat == "purr", "in serve, ('get', 'cat') answered the latest value, 'purr'",
                     f"('get', 'cat') answered {short(cat)}: a later put replaces the value")
        check.expect(bird is None, "in serve, ('get', 'bird') answered None for a missing key",
                     f"('get', 'bird') answered {short(bird)}: a missing key should give None")
        check.expect(dog == "woof", "in serve, ('get', 'dog') still answered 'woof' after "
                     "'cat' was put again: a put keeps the other keys",
                     f"after the puts of 'cat', 'dog', then 'cat' again, ('get', 'dog') "
                     f"answered {short(dog)}, not 'woof': a put dropped the keys put before "
                     "it. A put sets one key and keeps the others: return {**state, key: value}")
        _second_store(check, serve, store_callbacks, bird, pid)


def _first_store_kept(check: Check, first: Pid) -> None:
    """The first store, asked again once a second one has started, still has its data."""
    try:
        cat = _call(first, ("get", "cat"))
    except ReceiveTimeout:
        check.fail("once a second store had started, the first one gave no reply to "
                   "('get', 'cat')")
        return
    check.expect(cat == "purr", "the first store still answers 'purr' for ('get', 'cat') "
                 "after a second one has started",
                 f"once a second store had started, the first one answered {short(cat)} for "
                 "('get', 'cat'), not 'purr': starting the second store wiped the first one's "
                 "data, so the two share it, somewhere outside their states (a file, a "
                 "database, a module). Keep each store's data in its own state")


def _second_store(check: Check, serve: Callable, store: Any, missing: Any, first: Pid) -> None:
    """A second store, started after the `first` was filled, must start empty, and leave
    the first one's data alone: each server keeps its own data, in its state, not in a
    global or on the class. The first store answered `missing` for a missing key (a wrong
    one, such as 'not found', is already noted)."""
    other = spawn_learner(check, serve, store, None, label="second store")
    if other is None:
        return
    try:
        cat = _call(other, ("get", "cat"))
    except ReceiveTimeout:
        ended = exit_of(other)
        check.fail("a second store got no reply to ('get', 'cat')" +
                   (f": it {crash_text(ended)}" if ended else ""))
        return
    if cat not in ("meow", "purr"):      # not the first store's data: nothing shared
        if cat != missing or cat is None:
            if check.expect(cat is None, "two stores keep two dicts: a second one, just "
                            "started, answered None for ('get', 'cat')",
                            f"a second store, just started, answered {short(cat)} for "
                            "('get', 'cat'): a store starts empty, and a missing key answers "
                            "None") and check.passed:    # (a wrong first store says why)
                _first_store_kept(check, first)
        return
    defaults = getattr(getattr(store, "init", None), "__defaults__", None) or ()
    in_default = any(isinstance(value, (dict, list)) for value in defaults)
    where = kept_outside_state(type(store))
    check.fail(f"a second store, just started, answered {short(cat)} for ('get', 'cat'), "
               "put in the first: the two servers share one dict" +
               (f", kept {where} (the same callbacks serve both servers)" if where else "") +
               ". Keep the data in the state that init returns and the callbacks get and "
               "return, not in a global, on the class or on the object" +
               (", or in a default argument (made once, shared by every call of init): "
                "return a new {} from init" if in_default else ""))


def _kept_elsewhere(callbacks: type, before: dict) -> str:
    """What to add when the callbacks keep data outside the state (self.data, a global, or
    a dict on the class that they changed since `before`, `_class_containers`'s copy)."""
    changed = [name for name, value in _class_containers(callbacks).items()
               if value != before.get(name)]
    where = kept_outside_state(callbacks) or (
        f"in an attribute every store shares, {' and '.join(changed)}" if changed else None)
    return (f". The callbacks keep it {where}, outside the state, where the server never "
            "sees it: keep the data in the state that init returns and the callbacks get "
            "and return") if where else ""


def _class_containers(cls: type) -> dict[str, Any]:
    """Copies of the dicts, lists and sets a class keeps as attributes ("Store.data": its
    copy), to tell later whether the callbacks put data there.

    >>> class Store:
    ...     data = {}
    >>> _class_containers(Store)
    {'Store.data': {}}
    """
    return {f"{cls.__name__}.{name}": copy.deepcopy(value) for name, value in vars(cls).items()
            if type(value) in (dict, list, set) and not name.startswith("__")}


def _callbacks_work(check: Check, store: Any) -> bool:
    """Call the store's callbacks directly, as plain functions, on the state its own init
    returns (init run on a copy of the store, so the callbacks get their data only as
    state); note what is wrong. A store whose init returns a defaultdict may index it:

    >>> from collections import defaultdict
    >>> class Store:
    ...     def init(self, arg):
    ...         return defaultdict(lambda: None)
    ...     def handle_call(self, request, state):
    ...         return state[request[1]], state
    ...     def handle_cast(self, message, state):
    ...         _, key, value = message
    ...         state[key] = value
    ...         return state
    >>> with Check("store") as check:
    ...     _callbacks_work(check, Store())
    True
    ✓ store: all good
      ✓ handle_cast(('put', 'cat', 'meow'), defaultdict({})) returned the new state, {'cat': 'meow'}
      ✓ handle_call(('get', 'cat'), defaultdict({'cat': 'meow'})) returned ('meow', {'cat': 'meow'})
      ✓ handle_call(('get', 'n'), defaultdict({'cat': 'meow', 'n': 0})) returned (0, {'cat': 'meow', 'n': 0}): a stored 0 is answered, and a get keeps every key
    """
    before = _class_containers(type(store))
    ran, state = _try(check, "init(None)", lambda: copy.copy(store).init(None), store, "")
    if not ran or not _init_made_a_store(check, store, state):
        return False
    shown = f"handle_cast(('put', 'cat', 'meow'), {_shown(state)})"
    ran, state = _try(check, shown, lambda: store.handle_cast(("put", "cat", "meow"), state),
                      store, "the message is ('put', key, value): _, key, value = message")
    if not ran:
        return False
    if not check.expect(state == {"cat": "meow"},
                        f"{shown} returned the new state, {{'cat': 'meow'}}",
                        f"{shown} returned {short(state)}: " +
                        ("return the new state, {**state, key: value}" if state is None else
                         "the key set is message[0], the tag 'put': the message is ('put', "
                         "key, value), so the key is message[1] and the value message[2]"
                         if type(state) is dict and "put" in state else
                         "return the new state, the dict with the key set") +
                        _kept_elsewhere(type(store), before)):
        return False
    shown = f"handle_call(('get', 'cat'), {_shown(state)})"
    ran, answer = _try(check, shown, lambda: store.handle_call(("get", "cat"), state),
                       store, "the request is ('get', key): _, key = request")
    if not ran:
        return False
    wanted = ("meow", {"cat": "meow"})
    if answer != wanted:
        check.fail(f"{shown} returned {short(answer)}: " + (
            "the request is the tuple ('get', key), which never equals the string 'get', so "
            "no branch returned. Test request[0] == 'get', or unpack it, _, key = request"
            if answer is None and _compares_whole_request(store)
            else _call_mistake(answer, wanted)))
        return False
    check.expect(True, f"{shown} returned ('meow', {{'cat': 'meow'}})", "")
    state = answer[1]
    kept = copy.copy(state)                     # as it was before a get of a missing key
    shown = f"handle_call(('get', 'bird'), {_shown(state)})"
    ran, answer = _try(check, shown, lambda: store.handle_call(("get", "bird"), state),
                       store, "the request is ('get', key): _, key = request")
    if ran and not _keeps_every_key(answer, kept):
        check.fail(f"{shown} returned {short(answer)}: " +
                   ("a get of a missing key must return the state unchanged, or the keys put "
                    "before it are lost: return state.get(key), state"
                    if type(answer) is tuple and len(answer) == 2 else
                    _call_mistake(answer, (None, kept))))
        return False
    return ran and _gets_falsy_value(check, store, kept)


def _init_made_a_store(check: Check, store: Any, state: Any) -> bool:
    """Whether the state `init(None)` returned can be put into; if it is None and a put
    into it raises, init is blamed (not the put's line), in `check`."""
    if state is not None:
        return True
    try:
        copy.copy(store).handle_cast(("put", "cat", "meow"), None)
        return True
    except Exception:
        where = kept_outside_state(type(store))
        check.fail(f"init(None) returned None, and the store is kept {where}: the callbacks "
                   "get the state as an argument, not what is on the object. Keep the store "
                   "in the state: init returns a new {}, and each callback takes it and "
                   "returns the new one" if where else
                   "init(None) returned None: serve starts the store with init(None), so "
                   "the argument is None, not a dict. init must make the empty store itself: "
                   "return a new {}")
        return False


def _keeps_every_key(answer: Any, state: dict) -> bool:
    """Whether a handle_call's `answer` is (reply, new_state) with every key of `state` kept,
    with its value (a defaultdict looked up may gain the key it was asked for).

    >>> _keeps_every_key((None, {}), {"cat": "meow"})
    False
    """
    if type(answer) is not tuple or len(answer) != 2 or not isinstance(answer[1], dict):
        return False
    return all(key in answer[1] and answer[1][key] == value for key, value in state.items())


def _gets_falsy_value(check: Check, store: Any, state: Any) -> bool:
    """Call handle_call(('get', 'n'), ...) directly on a state with two keys, 'n' holding
    0 (`state`, {'cat': 'meow'}, after the store's own put of ('n', 0)): it must answer 0
    and return the state unchanged, every key kept; what is wrong is noted in `check`. A
    put that does not give that state is left to the test in serve."""
    try:
        two = store.handle_cast(("put", "n", 0), copy.copy(state))
    except Exception:
        return True
    if two != {"cat": "meow", "n": 0}:
        return True
    shown = f"handle_call(('get', 'n'), {_shown(two)})"
    ran, answer = _try(check, shown, lambda: store.handle_call(("get", "n"), copy.copy(two)),
                       store, "the request is ('get', key): _, key = request")
    if not ran:
        return False
    wanted = (0, {"cat": "meow", "n": 0})
    return check.expect(answer == wanted, f"{shown} returned (0, {{'cat': 'meow', 'n': 0}}): "
                        "a stored 0 is answered, and a get keeps every key",
                        f"{shown} returned {short(answer)}: {_call_mistake(answer, wanted)}")


def _shown(state: Any) -> str:
    """A state as a finding shows it: a dict as itself, a dict of another type (a
    defaultdict) by its type and items.

    >>> from collections import defaultdict
    >>> _shown(defaultdict(lambda: None, cat="meow"))
    "defaultdict({'cat': 'meow'})"
    """
    if isinstance(state, dict) and type(state) is not dict:
        return f"{type(state).__name__}({short(dict(state))})"
    return short(state)


def _call_mistake(answer: Any, wanted: tuple) -> str:
    """What to change, for a handle_call(('get', key), ...) that answered `answer`, not
    `wanted`, such as ('meow', {'cat': 'meow'}).

    >>> _call_mistake(("meow", None), ("meow", {"cat": "meow"}))
    'a get must return the state unchanged, to keep the data for the next request: return state.get(key), state'
    """
    if type(answer) is list and tuple(answer) == wanted:
        return ("that is a list, where a tuple is needed: return state.get(key), state "
                "(a tuple, (reply, new_state))")
    if answer == wanted[0]:
        return f"return (reply, new_state): ({wanted[0]!r}, state)"
    if answer == (None, wanted[1]) and wanted[0] is not None and not wanted[0]:
        return (f"a stored {wanted[0]!r} answered None, as if the key were missing: a value "
                "that is false (0, '', []) is still a value. Test key in state, not the "
                "value's truth, or use state.get(key)")
    if answer == wanted[::-1]:
        return "the reply comes first, then the state: (reply, state)"
    if type(answer) is tuple and len(answer) == 2 and answer[1] == wanted[1]:
        return ("reply with the value stored under the key: the request is ('get', key), "
                "so _, key = request, then state.get(key)")
    if type(answer) is tuple and len(answer) == 2 and answer[0] == wanted[0]:
        return ("a get must return the state unchanged, to keep the data for the next "
                "request: return state.get(key), state")
    return "return (reply, new_state), where the reply is state.get(key)"


def _compares_whole_request(store: Any) -> bool:
    """Whether the store's handle_call compares a bare name with the string 'get'
    (`if request == "get":`), which the tuple ('get', key) never equals."""
    tree = syntax_tree(getattr(store, "handle_call", None))
    return tree is not None and any(
        isinstance(node, ast.Compare) and isinstance(node.left, ast.Name)
        and any(isinstance(c, ast.Constant) and c.value == "get" for c in node.comparators)
        for node in ast.walk(tree))


def check_serve_info(serve: Callable) -> None:
    """serve() must pass messages that are neither calls nor casts to handle_info."""
    with Check("serve with handle_info") as check:
        shell = self_pid()

        class Recorder:
            def init(self, arg: Any) -> list:
                return []

            def handle_call(self, request: Any, state: list) -> tuple:
                return (list(state), state)

            def handle_cast(self, message: Any, state: list) -> list:
                if message == BROKEN_CAST:
                    raise TypeError("a bug in handle_cast")   # what a slip like n + "5" raises
                return state + [("cast", message)]

            def handle_info(self, message: Any, state: list) -> list:
                if message == BROKEN_INFO:
                    raise KeyError("a bug in handle_info")
                send(shell, ("info", message))
                return state + [("info", message)]

        pid = spawn_learner(check, serve, Recorder(), None, label="server")
        if pid is None:
            return
        send(pid, hand_cast("hello"))
        send(pid, "a plain message")
        try:
            seen = _call(pid, "what did you see?")
        except ReceiveTimeout:
            calls = [m for m in _infos() if is_hand_call(m)]
            check.fail(f"the call {short(calls[0])} reached handle_info, so it was never "
                       "answered: serve did not see it as a call. A call is a tuple, "
                       "('call', caller, ref, request): test isinstance(message, tuple) and "
                       "message[0] == 'call'" if calls else _stopped(pid))
            return
        infos = _infos()
        wanted = [("cast", "hello"), ("info", "a plain message")]
        if any(is_hand_call(m) for m in infos) and any(is_hand_cast(m) for m in infos):
            check.fail("handle_info got every message, calls and casts too: the line that calls "
                       "it runs after the if/elif, whatever the message. Put it in an else: "
                       "branch after the elif, so that only a message that is neither a call "
                       "nor a cast reaches it")
        elif any(is_hand_call(m) for m in infos):
            check.fail("handle_info also got a call, after handle_call had answered it: use "
                       "elif, so that each message goes to exactly one callback")
        elif seen == wanted:
            check.expect(True, "a cast went to handle_cast, and a plain message to handle_info",
                         "")
            for message, what in OTHER_MESSAGES:
                if not _reaches_info(check, pid, message, what, serve):
                    return
            _callback_error_crashes(check, pid)
            if check.passed:
                _info_error_crashes(check, spawn_learner(check, serve, Recorder(), None,
                                                         label="server"))
            if check.passed:
                _in_order(check, spawn_learner(check, serve, Recorder(), None,
                                               label="server"))
            where = kept_outside_state(serve)
            if check.passed and where:
                check.fail(f"it works, but serve keeps data {where}, which every server "
                           "running serve shares: two servers would overwrite each other's "
                           "state. Keep the state in serve's own variable, state, from one "
                           "turn of the loop to the next")
            if check.passed:
                _misshapen_reach_info(check, spawn_learner(check, serve, Recorder(), None,
                                                           label="server"))
        elif len(infos) == 1 and infos != ["a plain message"]:
            check.fail(f"handle_info got {short(infos[0])}, not the message 'a plain message': "
                       "pass the whole message, callbacks.handle_info(message, state)")
        elif seen == ["info", "a plain message"]:   # the 2-item state, unpacked as a call's
            check.fail("serve unpacked what handle_info returned as (reply, state), so the state "
                       "became its second item: handle_info returns only the new state, "
                       "state = callbacks.handle_info(message, state)")
        elif infos == ["a plain message"] and seen == []:
            check.fail("after a cast and a plain message, the state was back to what init "
                       "returns, the cast's change gone: serve started over, as return "
                       "serve(callbacks, arg) does. Don't restart serve: keep looping, with the "
                       "state handle_info returned, state = callbacks.handle_info(message, "
                       "state)")
        elif ("cast", hand_cast("hello")) in seen:
            check.fail("handle_cast got the whole message ('cast', 'hello'), not what was "
                       "cast, 'hello': pass it only the second item, "
                       "state = callbacks.handle_cast(message[1], state)")
        elif infos == ["a plain message"]:
            check.fail("handle_info was called, but the state it returned was dropped: keep it, "
                       "state = callbacks.handle_info(message, state)")
        elif ("cast", "a plain message") in seen:
            check.fail("'a plain message' went to handle_cast: a message that is neither "
                       "('call', ...) nor ('cast', ...) goes to handle_info")
        elif not infos and seen == wanted[:1]:
            check.fail(f"the check's callbacks recorded {short(seen, 100)} (what reached "
                       "handle_cast and handle_info, in order): the message 'a plain message', "
                       "a string, never reached handle_info: serve dropped it. " + (
                           "Every message that is neither ('call', ...) nor ('cast', ...), "
                           "whatever its shape, goes to handle_info, a string or a number "
                           "too: do not skip the ones that are not tuples (continue), but "
                           "send them on, " if _skips_messages(serve) else
                           "A message that is neither ('call', ...) nor ('cast', ...) should "
                           "go to handle_info: ") +
                       "in an else: branch (case _: in a match), state = "
                       "callbacks.handle_info(message, state)")
        else:
            check.fail(f"the check's callbacks recorded {short(seen, 100)} (what reached "
                       "handle_cast and handle_info, in order); a message that is neither "
                       "('call', ...) nor ('cast', ...) should go to handle_info")


OTHER_MESSAGES = [(42, "a message that is not a tuple, 42,"),
                  (("DOWN", "a monitor's news"), "a tuple that is neither a call nor a cast, "
                   "('DOWN', \"a monitor's news\"),"),
                  (("EXIT", "a linked process", "killed"), "a tuple with a tag the notebook "
                   "never showed, ('EXIT', 'a linked process', 'killed'),"),
                  ((), "an empty tuple, (),"),
                  (None, "None, which is not a tuple either,"),
                  (("tick", 3), "a tuple with a tag nothing here uses, ('tick', 3),"),
                  ("", "an empty string, '',"),
                  ({"from": "ann"}, "a dict, {'from': 'ann'},"),
                  (2.5, "a float, 2.5,")]
"""More messages for handle_info, sent once a plain one has reached it."""


def _reaches_info(check: Check, pid: Pid, message: Any, what: str, serve: Callable) -> bool:
    """Send `message` to the server (running the learner's `serve`): it must reach
    handle_info, and the server still answer a call. Whether it did, noted in `check`."""
    send(pid, message)
    try:
        seen = _call(pid, "and now?")
    except ReceiveTimeout:
        check.fail(_stopped(pid))
        return False
    infos = _infos()
    cast = ("cast", message[1]) if type(message) is tuple and len(message) == 2 else None
    if not infos and cast is not None and seen and seen[-1] == cast:
        check.fail(f"{what} went to handle_cast, as {short(message[1])}: serve took it for a "
                   "cast because it has two items. Tell a cast by its tag and its length "
                   "together, ('cast', request), and send every other message to "
                   "handle_info")
        return False
    if not infos and not (isinstance(message, tuple) and message) and _catches_errors(serve):
        check.fail(f"{what} did not reach handle_info, and the server did not crash: "
                   f"{message!r} has no items, so looking inside it (message[0], unpacking) "
                   f"raises {'IndexError' if message == () else 'TypeError'}, and your "
                   "except swallows it: no branch runs. Look "
                   "inside a message only when it is a tuple with items: test "
                   "isinstance(message, tuple) and message first, and send every other "
                   "message to handle_info")
        return False
    if len(infos) == 1 and isinstance(message, tuple) and _part_of(infos[0], message):
        check.fail(f"{what} reached handle_info as {short(infos[0])}, a part of it: pass "
                   "handle_info the whole message, state = callbacks.handle_info(message, "
                   "state). Only a cast is unwrapped, because its tag 'cast' was added by "
                   "whoever cast it; any other message is handle_info's to read")
        return False
    if not infos and not message and _skips_messages(serve):
        check.fail(f"{what} did not reach handle_info: serve skips it (continue), as a "
                   "message that counts as false. (), None, 0 and '' are messages too: send "
                   "every message that is neither a call nor a cast to handle_info, and look "
                   "at the tag only when isinstance(message, tuple) and message")
        return False
    return check.expect(infos == [message], f"{what} went to handle_info too",
                        f"{what} did not reach handle_info: every message that is neither "
                        "('call', ...) nor ('cast', ...) goes to handle_info, tuples and "
                        "non-tuples alike, whatever their tag: send it there in an else: "
                        "branch, not in a branch for each kind you know")


MISSHAPEN = [(("call", "oops"), "('call', 'oops'), a tuple tagged 'call' with two items,"),
             (("cast",), "('cast',), a tuple tagged 'cast' with nothing cast,"),
             (("cast", "a", "b"), "('cast', 'a', 'b'), a tuple tagged 'cast' with three items,")]
"""Messages with a call's or a cast's tag but not its shape: neither, so handle_info's."""

WHOLE_SHAPE = ("A message is a call or a cast by its whole shape, tag and number of items "
               "together (OTP's gen_server takes only {'$gen_call', From, Request} for a "
               "call): a call is ('call', caller, ref, request), four items, and a cast "
               "('cast', request), two; any other message, whatever its tag, goes to "
               "handle_info. A match statement tests both at once: case ('call', caller, "
               "ref, request):")


def _misshapen_reach_info(check: Check, pid: Pid | None) -> None:
    """Messages tagged 'call' or 'cast' but shaped otherwise (MISSHAPEN) must reach
    handle_info whole, and the server live on, as OTP's gen_server does
    (twins/genserver_misshapen_to_info): a serve that trusts the tag alone unpacks them,
    and crashes, or hands a cast its wrong item."""
    if pid is None:
        return
    for message, what in MISSHAPEN:
        send(pid, message)
        try:
            seen = _call(pid, "and now?")
        except ReceiveTimeout:
            ended = exit_of(pid)
            how = crash_text(ended) if ended is not None else "stopped answering calls"
            check.fail(f"{what} made the server stop: it {how}. serve took it for a "
                       f"{message[0]} without checking its whole shape. {WHOLE_SHAPE}")
            return
        infos = _infos()
        if infos != [message]:
            went = (f"went to handle_cast as {short(seen[-1][1])}" if not infos and seen and
                    seen[-1][0] == "cast" else "did not reach handle_info whole")
            check.fail(f"{what} {went}: serve did not check its whole shape. {WHOLE_SHAPE}")
            return
    check.expect(True, "a message with a call's or a cast's tag but not its shape went "
                 "to handle_info too", "")


BROKEN_CAST = "break handle_cast"
BROKEN_INFO = "break handle_info"
"""A cast the check's handle_cast raises on: a callback's bug must crash the server."""


def _callback_error_crashes(check: Check, pid: Pid) -> None:
    """A cast whose handle_cast raises must crash the server, as in OTP (its supervisor
    restarts it), not reach handle_info or vanish: a serve that wraps its dispatch in
    try/except hides the callbacks' own bugs."""
    send(pid, hand_cast(BROKEN_CAST))
    ended = exit_of(pid)
    infos = _infos()
    hidden = ("your try/except catches the callbacks' own errors too. Test only the "
              "message's shape before you pass it on (isinstance(message, tuple) and "
              "message), and call the callbacks outside any try: a bug in a callback should "
              "crash the server, as in OTP, where its supervisor restarts it")
    if infos:
        check.fail(f"a cast whose handle_cast raised TypeError reached handle_info as "
                   f"{short(infos[0])}, as if it were a stray message: {hidden}")
    elif ended is None or not ended.data["crash"]:
        check.fail(f"a cast whose handle_cast raised TypeError left the server running, "
                   f"the error unseen: {hidden}")
    else:
        check.expect(True, "a cast whose handle_cast raised crashed the server, as it should",
                     "")


def _in_order(check: Check, pid: Pid | None) -> None:
    """Casts and a call that wait in the mailbox together are handled in the order they
    came: a client's call sees the casts it sent just before. (From the shell, each message
    is handled before the next is sent; a client process sends all three at once, and the
    first wakes the server, so the other two wait together.)"""
    if pid is None:
        return
    shell = self_pid()

    def client() -> None:
        send(pid, hand_cast("first"))
        send(pid, hand_cast("second"))
        send(shell, ("seen", _call(pid, "what did you see?")))

    spawn(client, label="client")
    try:
        seen = receive(("seen", ANY), timeout=1000)[1]
    except ReceiveTimeout:
        check.fail("a client that cast 'first' and 'second', then called, got no answer: "
                   f"{_stopped(pid)}")
        return
    check.expect(("cast", "second") in seen, "casts and a call that waited together were "
                 "handled in the order they came",
                 f"a client cast 'first' and 'second', then called, and the call saw "
                 f"{short(seen)}: the server took the call before a cast that came first. "
                 "Take messages in the order they come, message = receive(), with no pattern")


def _info_error_crashes(check: Check, pid: Pid | None) -> None:
    """A plain message whose handle_info raises must crash the server too: a try/except
    around handle_info alone hides its bugs as well."""
    if pid is None:
        return
    send(pid, BROKEN_INFO)
    ended = exit_of(pid)
    check.expect(ended is not None and ended.data["crash"],
                 "a plain message whose handle_info raised crashed the server, as it should",
                 "a plain message whose handle_info raised KeyError left the server running, "
                 "the error unseen: a try/except around handle_info hides its bugs. Call "
                 "it outside any try, state = callbacks.handle_info(message, state): a bug in "
                 "a callback should crash the server, as in OTP, where its supervisor "
                 "restarts it")


def _part_of(got: Any, message: tuple) -> bool:
    """Whether `got` is an item or a slice of the tuple `message`, not all of it.

    >>> _part_of("news", ("DOWN", "news")), _part_of(("news",), ("DOWN", "news"))
    (True, True)
    """
    slices = [message[i:j] for i in range(len(message)) for j in range(i + 1, len(message) + 1)]
    return got != message and (any(got == item for item in message) or got in slices)


def _catches_errors(code: Callable) -> bool:
    """Whether the function `code` has a try/except, read off its source (False if the
    source cannot be found).

    >>> def careful(message):
    ...     try:
    ...         return message[0]
    ...     except Exception:
    ...         pass
    >>> _catches_errors(careful), _catches_errors(len)
    (True, False)
    """
    tree = syntax_tree(code)
    return tree is not None and any(isinstance(node, ast.Try) and node.handlers
                                    for node in ast.walk(tree))


def _skips_messages(code: Callable) -> bool:
    """Whether the function `code` has a `continue` (which skips a message), read off its
    source (False if the source cannot be found).

    >>> def picky():
    ...     while True:
    ...         message = receive()
    ...         if not isinstance(message, tuple):
    ...             continue
    >>> _skips_messages(picky), _skips_messages(len)
    (True, False)
    """
    tree = syntax_tree(code)
    return tree is not None and any(isinstance(node, ast.Continue) for node in ast.walk(tree))


def _infos() -> list:
    """What the check's handle_info was given (it sends each message to the shell)."""
    infos = []
    while True:
        try:
            infos.append(receive(("info", ANY), timeout=0)[1])
        except ReceiveTimeout:
            return infos


def _stopped(pid: Pid) -> str:
    """Why the server stopped answering calls, read off its last message and its exit."""
    ended = exit_of(pid)
    taken = [e.data["msg"] for e in current_node().trace.events
             if e.kind == "receive" and e.pid == pid]
    last = short(taken[-1]) if taken else "nothing"
    if ended is not None and ended.data["crash"]:
        if taken and (not isinstance(taken[-1], (tuple, str)) or taken[-1] == ""):
            return (f"the server {crash_text(ended)}, on the message {last}: a plain message "
                    "need not be a tuple, so look inside a message (message[0], len(message), "
                    "unpacking) only when it is one: isinstance(message, tuple)")
        if taken and taken[-1] == ():
            return (f"the server {crash_text(ended)}, on the message (): an empty tuple has "
                    "no tag, message[0], so look at the tag only when the message is a tuple "
                    "with items: isinstance(message, tuple) and message")
        return (f"the server {crash_text(ended)}, on the message {last}: call "
                "callbacks.handle_info(message, state), and keep what it returns")
    if ended is not None:
        return (f"the server ended at step {ended.step}, after the message {last}: handle it "
                "with handle_info and keep looping")
    if taken and is_hand_call(taken[-1]):
        sent = [e.data["msg"] for e in current_node().trace.events
                if e.kind == "send" and e.pid == pid and e.data["to"] == taken[-1][1]]
        if sent:
            return (f"the server answered the call {last} with {short(sent[-1])}, which the "
                    "caller does not take: a call waits for (ref, reply), its own ref "
                    "first. Answer with send(caller, (ref, reply))")
    return (f"the server stopped answering calls after the message {last}: handle it with "
            "handle_info and keep looping")
