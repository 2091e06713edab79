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
  ✗ handle_call(('get', 'bird'), {}) raised KeyError: 'bird'...: a missing key must answer None, not crash the server: state.get(key)
"""
from __future__ import annotations

from typing import Any, Callable

from ..runtime import ANY, ReceiveTimeout, current_node, make_ref, receive, self_pid, send
from ..trace import Pid, short
from ..trace.protocol import hand_call, hand_cast, is_hand_call
from .checks import Check, crash_text, exit_of, explain, spawn_learner


def _call(server: Any, request: Any) -> Any:
    ref = make_ref()
    send(server, hand_call(self_pid(), ref, request))
    return receive((ref, ANY), timeout=100)[1]


def _try(check: Check, shown: str, action: Callable[[], Any]) -> tuple[bool, Any]:
    """Call a callback directly; (False, None) with the reason noted if it raised."""
    try:
        return True, action()
    except Exception as error:
        missing = " a missing key must answer None, not crash the server: state.get(key)" \
            if isinstance(error, KeyError) else ""
        check.fail(f"{shown} {explain(error)}:{missing}" if missing else
                   f"{shown} {explain(error)}")
        return False, None


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


def _callbacks_work(check: Check, store: Any) -> bool:
    """Call the store's callbacks directly, as plain functions; note what is wrong."""
    shown = "handle_cast(('put', 'cat', 'meow'), {})"
    ran, state = _try(check, shown, lambda: store.handle_cast(("put", "cat", "meow"), {}))
    if not ran:
        return False
    if not check.expect(state == {"cat": "meow"},
                        f"{shown} returned the new state, {{'cat': 'meow'}}",
                        f"{shown} returned {short(state)}: " +
                        ("return the new state, {**state, key: value}" if state is None else
                         "return the new state, the dict with the key set")):
        return False
    shown = "handle_call(('get', 'cat'), {'cat': 'meow'})"
    ran, answer = _try(check, shown, lambda: store.handle_call(("get", "cat"), {"cat": "meow"}))
    if not ran:
        return False
    wanted = ("meow", {"cat": "meow"})
    if answer != wanted:
        if answer == "meow":
            why = "return (reply, new_state): ('meow', state)"
        elif answer == wanted[::-1]:
            why = "the reply comes first, then the state: (reply, state)"
        elif type(answer) is tuple and len(answer) == 2 and answer[1] == wanted[1]:
            why = ("reply with the value stored under the key: the request is ('get', key), "
                   "so _, key = request, then state.get(key)")
        else:
            why = "return (reply, new_state), where the reply is state.get(key)"
        check.fail(f"{shown} returned {short(answer)}: {why}")
        return False
    check.expect(True, f"{shown} returned ('meow', {{'cat': 'meow'}})", "")
    shown = "handle_call(('get', 'bird'), {})"
    ran, answer = _try(check, shown, lambda: store.handle_call(("get", "bird"), {}))
    return ran


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
                return state + [("cast", message)]

            def handle_info(self, message: Any, state: list) -> list:
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
            check.fail(_stopped(pid))
            return
        infos = _infos()
        wanted = [("cast", "hello"), ("info", "a plain message")]
        if any(is_hand_call(m) for m in infos):
            check.fail("handle_info also got a call, after handle_call had answered it: use "
                       "elif, so that each message goes to exactly one callback")
        elif seen == wanted:
            check.expect(True, "a cast went to handle_cast, and a plain message to handle_info",
                         "")
            send(pid, 42)
            try:
                _call(pid, "and now?")
            except ReceiveTimeout:
                check.fail(_stopped(pid))
                return
            check.expect(_infos() == [42], "a message that is not a tuple, 42, went to "
                         "handle_info too", "42 did not reach handle_info")
        elif infos == ["a plain message"]:
            check.fail("handle_info was called, but the state it returned was dropped: keep it, "
                       "state = callbacks.handle_info(message, state)")
        elif ("cast", "a plain message") in seen:
            check.fail("'a plain message' went to handle_cast: a message that is neither "
                       "('call', ...) nor ('cast', ...) goes to handle_info")
        else:
            check.fail(f"the callbacks saw {short(seen, 100)}; a message that is neither "
                       "('call', ...) nor ('cast', ...) should go to handle_info")


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
        if taken and taken[-1] == 42:
            return (f"the server {crash_text(ended)}, on the message 42: a plain message need "
                    "not be a tuple, so test message[0] only when the message is one")
        return (f"the server {crash_text(ended)}, on the message {last}: call "
                "callbacks.handle_info(message, state), and keep what it returns")
    if ended is not None:
        return (f"the server ended at step {ended.step}, after the message {last}: handle it "
                "with handle_info and keep looping")
    return (f"the server stopped answering calls after the message {last}: handle it with "
            "handle_info and keep looping")
