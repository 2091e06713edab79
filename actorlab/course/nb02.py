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

from typing import Any, Callable

from ..runtime import (ANY, DeadlockError, ReceiveTimeout, current_node, make_ref, now,
                       process_info, receive, self_pid, send, spawn)
from ..trace import short
from ..trace.protocol import hand_call, hand_cast, is_hand_call
from .checks import Check, crash_text, exit_of, spawn_learner


def _reference_server() -> None:
    """Answers every call with ("got", request); ignores casts."""
    while True:
        message = receive()
        if is_hand_call(message):
            _, caller, ref, request = message
            send(caller, (ref, ("got", request)))


def _silent_server() -> None:
    receive("never")


def check_call(call: Callable) -> None:
    """call(server, request, timeout) should return the reply to this very request."""
    with Check("call") as check:
        server = spawn(_reference_server, label="server")
        strays = [("news", "unrelated"), (make_ref(), "someone else's reply")]
        for stray in strays:                              # already waiting in the mailbox
            send(self_pid(), stray)
        try:
            reply = call(server, "hello")
        except ReceiveTimeout:
            check.fail(f"call(server, 'hello') raised ReceiveTimeout: {_unanswered(server)}")
            return
        if any(reply in (stray, stray[1]) for stray in strays):
            check.fail(f"call(server, 'hello') returned {short(reply)}, from a message that was "
                       "already waiting in the mailbox, not the server's reply: wait only for "
                       "the reply to this request, receive((ref, ANY)), with your own ref")
            return
        if type(reply) is tuple and len(reply) == 2 and reply[1] == ("got", "hello"):
            check.fail(f"call(server, 'hello') returned {short(reply)}, the whole reply: return "
                       "its second element, receive(...)[1]")
            return
        asked = [e for e in current_node().trace.events
                 if e.kind == "send" and e.pid == self_pid() and e.data["to"] == server]
        if not asked:
            check.fail(f"call(server, 'hello') returned {short(reply)} and sent the server "
                       "nothing: send ('call', self_pid(), ref, request) with a fresh ref, then "
                       "wait for (ref, ANY)")
            return
        if not check.expect(reply == ("got", "hello"),
                            "call(server, 'hello') returned the server's reply: ('got', 'hello')",
                            f"call(server, 'hello') returned {short(reply)}; it should return the "
                            "reply, ('got', 'hello'): wait for (ref, ANY) with your own ref and "
                            "return its second element"):
            return
        left = process_info(self_pid())["messages"]
        check.expect(len(left) == 2,
                     f"it took its own reply and left the other {len(left)} messages in the "
                     "mailbox",
                     f"the mailbox now holds {left}: a call must take only the reply tagged "
                     "with its own ref, and leave other messages alone")
        silent = spawn(_silent_server, label="silent")
        started = now()
        try:
            returned = call(silent, "hello", 50)
        except ReceiveTimeout:
            check.expect(now() - started == 50,
                         "a server that never answers: ReceiveTimeout after 50 ms",
                         f"it gave up after {now() - started:g} ms, not 50: pass `timeout` on "
                         "to receive")
        except DeadlockError:
            check.fail("calling a server that never answers waited forever (a DeadlockError: "
                       "nothing could ever answer it): pass the timeout on to receive, "
                       "receive((ref, ANY), timeout=timeout)")
        else:
            check.fail(f"calling a server that never answers returned {short(returned)}: it "
                       "should raise ReceiveTimeout after `timeout` ms. Do not catch it: let "
                       "it through, so that the caller notices")


def _unanswered(server: Any) -> str:
    """Why the reference server's reply did not reach the learner's call."""
    events = current_node().trace.events
    asked = [e.data["msg"] for e in events
             if e.kind == "send" and e.pid == self_pid() and e.data["to"] == server]
    request = asked[0] if asked else None
    if not is_hand_call(request):
        return (f"the server got {short(request)}, which is not a call in this protocol: send "
                "('call', self_pid(), ref, request)")
    if request[1] != self_pid():
        return (f"the request named {short(request[1])} as the caller, so the reply went "
                "there: send your own pid, self_pid()")
    return (f"the server's reply, {short((request[2], ('got', 'hello')))}, is in your mailbox, "
            "but the call waited for something else: wait for the ref you sent, "
            "receive((ref, ANY), timeout=timeout)")


def check_counter_server(server: Callable) -> None:
    """server(n): ("cast", ("add", k)) adds k; a "get" call answers the count."""
    with Check("counter server") as check:
        pid = spawn_learner(check, server, 0, label="counter")
        if pid is None:
            return
        send(pid, hand_cast(("add", 5)))
        send(pid, hand_cast(("add", 2)))
        reply = _get(check, pid)
        if reply is _NO_REPLY:
            return
        if reply == 0:
            check.fail("the 'get' call answered 0: the two casts were never matched. A cast "
                       "arrives as ('cast', ('add', k)), so message[0] is 'cast', and the "
                       "amount is message[1][1]")
            return
        if not check.expect(reply == 7, "two casts added 5 and 2, and the 'get' call answered 7",
                            f"the 'get' call answered {short(reply)}, not 7"):
            return
        left = (process_info(pid) or {}).get("messages")
        check.expect(not left, "nothing was left unread", f"still in its mailbox: {left}")
        send(pid, hand_cast(("add", 1)))
        again = _get(check, pid, "a second 'get' call, after one more cast,")
        if again is not _NO_REPLY:
            check.expect(again == 8, "after one more cast, a second 'get' answered 8: it keeps "
                         "going", f"after one more add of 1, a second 'get' answered "
                         f"{short(again)}, not 8")


_NO_REPLY = object()
_PROTOCOL = ("A cast arrives as ('cast', ('add', k)); a call as ('call', caller, ref, "
             "request), answered with send(caller, (ref, n))")


def _get(check: Check, pid: Any, what: str = "the 'get' call") -> Any:
    """Call "get"; the answer, or _NO_REPLY with the reason noted in `check`."""
    ref = make_ref()
    send(pid, hand_call(self_pid(), ref, "get"))
    try:
        return receive((ref, ANY), timeout=100)[1]
    except ReceiveTimeout:
        pass
    ended = exit_of(pid)
    answers = [e.data["msg"] for e in current_node().trace.events
               if e.kind == "send" and e.pid == pid and e.data["to"] == self_pid()]
    if ended is not None:
        check.fail(f"{what} got no reply: the server {crash_text(ended)}. " +
                   (_PROTOCOL if ended.data["crash"] else "Keep looping after each message"))
    elif not answers:
        left = (process_info(pid) or {}).get("messages")
        still = f"; its mailbox holds {left}" if left else ""
        check.fail(f"{what} got no reply tagged with its ref: answer with "
                   f"send(caller, (ref, n)){still}")
    else:
        answer = answers[-1]
        if not (type(answer) is tuple and len(answer) == 2):
            why = "without the ref: a caller waits for (ref, reply), so send (ref, n)"
        elif answer[1] == ref:
            why = "with the ref last: the ref goes first, (ref, n)"
        else:
            why = "with another ref than the call's: send back the ref that came with the call"
        check.fail(f"the server answered {short(answer)} {why}")
    return _NO_REPLY
