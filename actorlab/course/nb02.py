"""Checks for notebook 02, building call from send and receive.

The protocol of the notebook: a request is `("call", caller_pid, ref, request)` and its
reply is `(ref, reply)`; a cast is `("cast", message)`.

>>> def call(server, request, timeout=1000):
...     ref = make_ref()
...     send(server, ("call", self_pid(), ref, request))
...     return receive((ref, ANY), timeout=timeout)[1]
>>> check_call(call)
✓ call: all good
  ✓ call(server, 'hello') returned the server's reply: ('got', 'hello')
  ✓ it took its own reply and left the other 2 messages in the mailbox
  ✓ a server that never answers: ReceiveTimeout after 50 ms
"""
from __future__ import annotations

from typing import Callable

from ..runtime import (ANY, ReceiveTimeout, make_ref, now, process_info, receive, self_pid,
                       send, spawn)
from .checks import Check, run_quietly, spawn_learner


def _reference_server() -> None:
    """Answers every call with ("got", request); ignores casts."""
    while True:
        message = receive()
        if message[0] == "call":
            _, caller, ref, request = message
            send(caller, (ref, ("got", request)))


def _silent_server() -> None:
    receive("never")


def check_call(call: Callable) -> None:
    """call(server, request, timeout) should return the reply to this very request."""
    with Check("call") as check:
        server = spawn(_reference_server, label="server")
        send(self_pid(), ("news", "unrelated"))           # a stray message, already waiting
        send(self_pid(), (make_ref(), "someone else's reply"))
        ran, reply = run_quietly(check, "call(server, 'hello')", lambda: call(server, "hello"))
        if not ran:
            return
        right = check.expect(reply == ("got", "hello"),
                             "call(server, 'hello') returned the server's reply: ('got', 'hello')",
                             f"call(server, 'hello') returned {reply!r}; it should return the "
                             "reply, ('got', 'hello'): wait for (ref, ANY) with your own ref and "
                             "return its second element")
        left = process_info(self_pid())["messages"]
        if right:
            check.expect(len(left) == 2,
                         f"it took its own reply and left the other {len(left)} messages in the "
                         "mailbox",
                         f"the mailbox now holds {left}: a call must take only the reply tagged "
                         "with its own ref, and leave other messages alone")
        silent = spawn(_silent_server, label="silent")
        started = now()
        try:
            call(silent, "hello", 50)
            check.fail("calling a server that never answers returned: it should raise "
                       "ReceiveTimeout after `timeout` ms")
        except ReceiveTimeout:
            check.expect(now() - started == 50,
                         "a server that never answers: ReceiveTimeout after 50 ms",
                         f"it gave up after {now() - started:g} ms, not 50: pass `timeout` on "
                         "to receive")
        except Exception as error:
            check.fail(f"calling a silent server raised {type(error).__name__}: {error}; "
                       "let receive's ReceiveTimeout through")


def check_counter_server(server: Callable) -> None:
    """server(n): ("cast", ("add", k)) adds k; a "get" call answers the count."""
    with Check("counter server") as check:
        pid = spawn_learner(check, server, 0, label="counter")
        if pid is None:
            return
        send(pid, ("cast", ("add", 5)))
        send(pid, ("cast", ("add", 2)))
        ref = make_ref()
        send(pid, ("call", self_pid(), ref, "get"))
        try:
            reply = receive((ref, ANY), timeout=100)[1]
        except ReceiveTimeout:
            left = (process_info(pid) or {}).get("messages")
            still = f"; its mailbox holds {left}" if left else ""
            check.fail("the 'get' call got no reply tagged with its ref: answer (ref, count) "
                       f"to the caller{still}")
            return
        check.expect(reply == 7, "two casts added 5 and 2, and the 'get' call answered 7",
                     f"the 'get' call answered {reply!r}, not 7")
        check.expect(not process_info(pid)["messages"], "nothing was left unread",
                     f"still in its mailbox: {process_info(pid)['messages']}")
