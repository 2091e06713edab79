"""Checks for notebook 04, a generic server.

The notebook's generic loop (`serve`) calls a callbacks object: `init(arg) -> state`,
`handle_call(request, state) -> (reply, state)`, `handle_cast(message, state) -> state`,
`handle_info(message, state) -> state`.
"""
from __future__ import annotations

from typing import Any, Callable

from ..runtime import ANY, ReceiveTimeout, make_ref, receive, self_pid, send
from .checks import Check, spawn_learner


def _call(server: Any, request: Any) -> Any:
    ref = make_ref()
    send(server, ("call", self_pid(), ref, request))
    return receive((ref, ANY), timeout=100)[1]


def check_store(serve: Callable, store_callbacks: Any) -> None:
    """A key-value store as callbacks: ("put", k, v) casts; ("get", k) calls."""
    with Check("key-value store") as check:
        pid = spawn_learner(check, serve, store_callbacks, None, label="store")
        if pid is None:
            return
        send(pid, ("cast", ("put", "cat", "meow")))
        send(pid, ("cast", ("put", "dog", "woof")))
        send(pid, ("cast", ("put", "cat", "purr")))
        try:
            cat, bird = _call(pid, ("get", "cat")), _call(pid, ("get", "bird"))
        except ReceiveTimeout:
            check.fail("a ('get', key) call got no reply: handle_call must return "
                       "(reply, new_state)")
            return
        check.expect(cat == "purr", "('get', 'cat') answered the latest value, 'purr'",
                     f"('get', 'cat') answered {cat!r}: a later put replaces the value")
        check.expect(bird is None, "('get', 'bird') answered None for a missing key",
                     f"('get', 'bird') answered {bird!r}: a missing key should give None")


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
        send(pid, ("cast", "hello"))
        send(pid, "a plain message")
        try:
            seen = _call(pid, "what did you see?")
        except ReceiveTimeout:
            check.fail("the server stopped answering calls after a plain message: handle it with "
                       "handle_info and keep looping")
            return
        check.expect(seen == [("cast", "hello"), ("info", "a plain message")],
                     "a cast went to handle_cast and a plain message to handle_info",
                     f"the callbacks saw {seen!r}; a message that is neither ('call', ...) nor "
                     "('cast', ...) should go to handle_info")
