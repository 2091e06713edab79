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
  ✓ a server that never answers: ReceiveTimeout after 50 ms, and after 1000 ms by default
  ✓ a late reply to a call that had timed out was not taken for the next call's reply
  ✓ a message that is no tuple, 42, waiting in the mailbox did not trouble it

The learner's call runs in a process of its own (`_call`), not in the shell: there the
check's budget stops a call that never ends (a retry without end, a message put back in
the mailbox again and again), and the check says why.
"""
from __future__ import annotations

import ast
from typing import Any, Callable, NamedTuple

from ..runtime import (ANY, BadArgument, DeadlockError, PatternError, ReceiveTimeout, Ref,
                       RunawayError, current_node, make_ref, now, process_info, receive,
                       self_pid, send, sleep, spawn)
from ..trace import Pid, short
from ..trace.protocol import hand_call, hand_cast, is_hand_call, is_tagged
from .checks import (Check, crash_text, exit_of, explain, fresh_node, kept_outside_state,
                     last_taken, raising_call, runaway_text, spawn_learner, syntax_tree)


def _reference_server() -> None:
    """Answers every call with ("got", request); ignores casts."""
    while True:
        message = receive()
        if is_hand_call(message):
            _, caller, ref, request = message
            send(caller, (ref, ("got", request)))


def _silent_server() -> None:
    receive("never")


def _late_server() -> None:
    """Answers every call with ("got", request), but only after 100 ms: too late for a
    call that waits 50."""
    while True:
        message = receive()
        if is_hand_call(message):
            _, caller, ref, request = message
            sleep(100)
            send(caller, (ref, ("got", request)))


def check_call(call: Callable) -> None:
    """call(server, request, timeout) should return the reply to this very request."""
    with Check("call") as check:
        if check.refuse_blocking(call, advice=": receive((ref, ANY), timeout=timeout) waits "
                                 "for the reply, and gives up after `timeout` ms"):
            return
        server = spawn(_reference_server, label="server")
        # Someone else's ref: numbered far from any the learner's code makes, or made earlier.
        strays = [("news", "unrelated"), (Ref(1_000_000), "someone else's reply")]
        called = _call(call, server, "hello", strays=strays)  # already waiting in its mailbox
        reply = called.value
        if called.ended != "returned":
            check.fail(f"call(server, 'hello') {_failed(called, server)}")
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
        asked = _requests(called.caller, server)
        if not asked:
            check.fail(f"call(server, 'hello') returned {short(reply)} and sent the server "
                       "nothing: send ('call', self_pid(), ref, request) with a fresh ref, then "
                       "wait for (ref, ANY)")
            return
        if _wrapped(asked[0]):
            check.fail(f"call(server, 'hello') sent {short(asked[0])}: the request was "
                       f"wrapped in a tuple, so the server got {short(asked[0][3])}, not "
                       "'hello'. Send request itself: send(server, ('call', self_pid(), ref, "
                       "request))")
            return
        if not check.expect(reply == ("got", "hello"),
                            "call(server, 'hello') returned the server's reply: ('got', 'hello')",
                            f"call(server, 'hello') returned {short(reply)}; it should return the "
                            "reply, ('got', 'hello'): wait for (ref, ANY) with your own ref and "
                            "return its second element"):
            return
        if called.ms > 0:
            check.fail(f"call(server, 'hello') took {called.ms:g} ms, though the server answers "
                       "at once: the call waited before it looked for the reply. Wait in "
                       "receive((ref, ANY), timeout=timeout), which returns as soon as the "
                       "reply comes")
            return
        if len(called.left) == 2 and called.left != strays and called.left[::-1] == strays:
            check.fail(f"the other messages are back in the mailbox, but out of order, "
                       f"{short(called.left)}: sending a message back to yourself puts it "
                       "last. Leave other messages in the mailbox: a selective "
                       "receive((ref, ANY)) takes only your reply")
            return
        check.expect(len(called.left) == 2,
                     f"it took its own reply and left the other {len(called.left)} messages in "
                     "the mailbox",
                     f"the mailbox now holds {called.left}: a call must take only the reply "
                     "tagged with its own ref, and leave other messages alone")
        if _gives_up(check, call, strays) and _late_reply(check, call):
            _any_shape(check, call, server)
        where = kept_outside_state(call)
        if check.passed and where:
            check.fail(f"it works, but call keeps data {where}: a later call could be "
                       "answered from it without asking the server, which may answer "
                       "otherwise by then. A call asks every time: send the request, and "
                       "wait for its reply")


def _gives_up(check: Check, call: Callable, strays: list) -> bool:
    """A call to a server that never answers raises ReceiveTimeout after `timeout` ms,
    while `strays` wait in the mailbox."""
    called = _call(call, spawn(_silent_server, label="silent"), "hello", 50, strays=strays)
    if called.ended == "timeout":
        if called.ms in (50 / 1000, 50 * 1000):
            check.fail(f"it gave up after {called.ms:g} ms, not 50: timeouts are in "
                       "milliseconds, in call as in receive: pass `timeout` on as it is, "
                       "receive((ref, ANY), timeout=timeout)")
            return False
        if called.ms != 50:
            check.fail(f"it gave up after {called.ms:g} ms, not 50: pass `timeout` on to "
                       "receive")
            return False
        if called.left != strays:
            check.fail(f"it gave up after 50 ms, but the {len(strays)} messages that were "
                       f"waiting in the mailbox are now {short(called.left)}: a call that "
                       "gives up must leave the caller's other messages where they were. "
                       "Take only your reply, receive((ref, ANY), timeout=timeout), and never "
                       "take the others out")
            return False
        return _keeps_its_time(check, call) and _default_timeout(check, call)
    if called.ended == "deadlock":
        check.fail("calling a server that never answers waited forever (a DeadlockError: "
                   "nothing could ever answer it): pass the timeout on to receive, "
                   "receive((ref, ANY), timeout=timeout)")
    elif called.ended == "returned":
        check.fail(f"calling a server that never answers returned {short(called.value)}: it "
                   "should raise ReceiveTimeout after `timeout` ms. Do not catch it: let "
                   "it through, so that the caller notices")
    elif called.ended == "raised":
        check.fail(f"calling a server that never answers {explain(called.value)}, not "
                   "ReceiveTimeout: do not catch ReceiveTimeout, let it through, so that "
                   "every caller can catch the one error every call raises")
    else:
        check.fail(f"calling a server that never answers: {called.value}")
    return False


CHATTER = 4
"""Messages that reach a caller while its call to a silent server waits, one every 20 ms."""


def _keeps_its_time(check: Check, call: Callable) -> bool:
    """A call with timeout 50 gives up after 50 ms even while other messages keep arriving:
    a loop of receive(timeout=timeout) that puts the others back starts its wait again
    with each one."""
    called = _call(call, spawn(_silent_server, label="silent"), "hello", 50, chatter=CHATTER)
    if called.ended == "timeout" and called.ms == 50:
        return True
    if called.ended == "timeout":
        check.fail(f"calling a server that never answers, with timeout 50, while another "
                   f"process sent the caller a message every 20 ms, gave up after "
                   f"{called.ms:g} ms, not 50: its wait started again with each message that "
                   "came. Wait once, for your reply only: receive((ref, ANY), "
                   "timeout=timeout), which leaves the other messages where they are")
    else:
        check.fail("calling a server that never answers, with timeout 50, while another "
                   "process sent the caller a message every 20 ms, did not raise "
                   f"ReceiveTimeout after 50 ms: it {called.ended} "
                   f"{short(called.value, 100)}. Wait once, for your reply only: "
                   "receive((ref, ANY), timeout=timeout)")
    return False


def _chat(to: Pid, count: int) -> None:
    """Send `to` a message every 20 ms, `count` times."""
    for number in range(1, count + 1):
        sleep(20)
        send(to, ("chat", number))


def _default_timeout(check: Check, call: Callable) -> bool:
    """Called without a timeout, a call to a server that never answers gives up after
    1000 ms, the default the exercise asks for."""
    silent = spawn(_silent_server, label="silent")
    called = _call(call, silent, "hello")
    if called.ended == "timeout" and called.ms == 1000:
        return check.expect(True, "a server that never answers: ReceiveTimeout after 50 ms, "
                            "and after 1000 ms by default", "")
    if called.ended == "timeout":
        how = f"gave up after {called.ms:g} ms"
    elif called.ended == "returned":
        how = f"returned {short(called.value)}"
    else:
        how = _failed(called, silent)
    check.fail(f"called without a timeout, call(server, 'hello') to a server that never "
               f"answers {how}: the default timeout is 1000 ms, as the exercise asks: "
               "def call(server, request, timeout=1000)")
    return False


def _late_reply(check: Check, call: Callable) -> bool:
    """A reply that comes after its call gave up is not taken for the next call's."""
    server = spawn(_late_server, label="late")
    first, second = _calls(call, server, [("first", 50), ("second", 1000)])
    if second.ended == "returned" and second.value == ("got", "first"):
        refs = [request[2] for request in _requests(first.caller, server)
                if type(request) is tuple and len(request) == 4]
        same = " (both calls sent the same ref)" if len(set(map(repr, refs))) == 1 else ""
        check.fail("a server answered the first call after it had timed out, and the next "
                   f"call returned ('got', 'first'), that late reply{same}: make a fresh ref "
                   "for each call, ref = make_ref() inside call, so that only the reply to "
                   "this very call matches")
    elif second.ended != "returned":
        check.fail(f"after a call that timed out, the next call {_failed(second, server)}")
    else:
        return check.expect(second.value == ("got", "second"),
                            "a late reply to a call that had timed out was not taken for the "
                            "next call's reply", f"after a call that timed out, the next call "
                            f"returned {short(second.value)}, not ('got', 'second')")
    return False


def _any_shape(check: Check, call: Callable, server: Any) -> None:
    """A message of any shape, 42, may wait in the mailbox: the call still works."""
    called = _call(call, server, "hello", strays=[42])
    if called.ended != "returned":
        check.fail(f"with 42 waiting in the mailbox, call(server, 'hello') "
                   f"{_failed(called, server)}")
    else:
        check.expect(called.value == ("got", "hello") and called.left == [42],
                     "a message that is no tuple, 42, waiting in the mailbox did not trouble it",
                     f"with 42 waiting in the mailbox, call(server, 'hello') returned "
                     f"{short(called.value)} and left {short(called.left)}: wait only for "
                     "your reply, receive((ref, ANY))")


def _requests(caller: Any, server: Any) -> list:
    """What `caller` sent `server`."""
    return [e.data["msg"] for e in current_node().trace.events
            if e.kind == "send" and e.pid == caller and e.data["to"] == server]


def _failed(called: Called, server: Any) -> str:
    """How a call that should have returned the server's reply went wrong, in words."""
    asked = _requests(called.caller, server)
    request = asked[0] if asked else None
    if is_tagged(request, "call", 4) and type(request[2]) is not Ref:
        if type(request[1]) is Ref and request[2] == called.caller:
            return ("sent the ref where your pid goes, and your pid where the ref goes: the "
                    "order is ('call', self_pid(), ref, request), your pid first, then the "
                    "ref: send(server, ('call', self_pid(), ref, request))")
        if request[2] is make_ref:
            return ("sent make_ref itself as the ref, the function, not a ref: call it, "
                    "ref = make_ref()")
        if type(request[2]) is object:
            return ("sent object() as the ref: an object() is unique, but it is not a ref. "
                    "In this course (as on the BEAM) refs come from make_ref(), and the "
                    "server and the tools know them as refs: use it, ref = make_ref()")
        return (f"sent {short(request[2])} as the ref: a ref must come from make_ref(), a "
                "new one for each call, so that no other message can carry it")
    if called.ended == "raised" and isinstance(called.value, PatternError):
        return (f"{explain(called.value)} Your pattern function sees every message in the "
                "mailbox, whatever its shape, so it must return False, not raise. Simpler: "
                "match the shape, receive((ref, ANY))")
    if called.ended == "raised" and isinstance(called.value, BadArgument) \
            and called.value.reason == "timeout_value":
        return ("raised BadArgument: its receive got a timeout that is not an int: "
                "timeouts are in milliseconds, whole ones, ints (as in Erlang), in call as "
                "in receive, so no / and no float(): pass `timeout` on as it is, "
                "receive((ref, ANY), timeout=timeout)")
    if called.ended == "raised":
        return explain(called.value) + _positional_timeout(called.value)
    if called.ended == "runaway":
        return f"never ended: {called.value}"
    waited = "waited forever" if called.ended == "deadlock" else "raised ReceiveTimeout"
    if not asked:
        return f"{waited}, and nothing reached the server: {_not_sent(called.caller)}"
    taken = _replies_taken(called.caller, request[2]) if is_hand_call(request) else []
    if taken:
        return (f"{waited}: the call took the server's reply, {short(taken[0])}, "
                "and then waited for a second one, which never comes: the server answers "
                "once. Receive once, and return what that receive took: return "
                "receive((ref, ANY), timeout=timeout)[1]")
    if called.ended == "deadlock":
        return "waited forever for a reply"
    if not is_hand_call(request):
        return (f"raised ReceiveTimeout: the server got {short(request)}, which is not a call "
                "in this protocol: send ('call', self_pid(), ref, request)")
    if request[1] is self_pid:
        return ("raised ReceiveTimeout: the request named self_pid, the function itself, as "
                "the caller, not your pid, so no reply could reach you: call it, self_pid()")
    if request[1] != called.caller:
        return (f"raised ReceiveTimeout: the request named {short(request[1])} as the caller, "
                "so the reply went there: send your own pid, self_pid()")
    reply = short((request[2], ("got", "hello")))
    waited_for = _last_pattern(called.caller)
    if type(waited_for) is tuple and waited_for and type(waited_for[0]) is Ref \
            and waited_for[0] != request[2]:
        return (f"raised ReceiveTimeout: the server's reply, {reply}, is in your mailbox, but "
                f"the call waited for {short(waited_for[0])}, a new ref, not "
                f"{short(request[2])}, the one it sent: each make_ref() makes a different "
                "ref. Make it once, ref = make_ref(), and use that same ref in the send and "
                "in the receive, receive((ref, ANY), timeout=timeout)")
    alone = (" A pattern that is the ref alone matches only a message that is the ref "
             "itself." if type(waited_for) is Ref else "")
    return (f"raised ReceiveTimeout: the server's reply, {reply}, is in your mailbox, but the "
            f"call waited for something else.{alone} The reply is a pair, the ref you sent "
            "and the answer: wait for that shape, receive((ref, ANY), timeout=timeout)")


def _last_pattern(caller: Any) -> Any:
    """The pattern `caller` last waited for in receive (None if it never waited)."""
    return next((e.data["pattern"] for e in reversed(current_node().trace.events)
                 if e.kind == "block" and e.pid == caller), None)


def _wrapped(request: Any) -> bool:
    """Whether a call sent ('call', pid, ref, ('hello',)), the request wrapped in a
    tuple or a list."""
    return (is_hand_call(request) and type(request[3]) in (tuple, list)
            and list(request[3]) == ["hello"])


def _replies_taken(caller: Any, ref: Ref) -> list:
    """The replies tagged with `ref` that `caller` took from its mailbox."""
    return [e.data["msg"] for e in current_node().trace.events
            if e.kind == "receive" and e.pid == caller and type(e.data["msg"]) is tuple
            and len(e.data["msg"]) == 2 and e.data["msg"][0] == ref]


def _not_sent(caller: Any) -> str:
    """Why a call sent the server nothing, and what to do: it sent its request to itself
    or elsewhere, or it waited without sending one."""
    to = next((e.data["to"] for e in current_node().trace.events if e.kind == "send"
               and e.pid == caller and is_hand_call(e.data["msg"])), None)
    send_it = "send(server, ('call', self_pid(), ref, request))"
    if to == caller:
        return (f"the call sent its request to itself, self_pid(), and nobody answers it "
                f"there: send it to `server`, {send_it}")
    if to is not None:
        name = current_node().trace.names().get(to, repr(to))
        return f"the call sent its request to {name}, not to `server`: {send_it}"
    return ("the call waited for the reply without having sent the request, so there was "
            f"nothing to answer. Send first, {send_it}, then receive((ref, ANY), "
            "timeout=timeout)")


def _positional_timeout(error: Exception) -> str:
    """Advice for receive(pattern, timeout) with the timeout passed by position, or ''."""
    call = raising_call(error, "receive") if isinstance(error, TypeError) else None
    if call is not None and len(call.args) > 1:
        return (". receive takes the timeout by name only: pass it by name, "
                "receive((ref, ANY), timeout=timeout)")
    return ""


class Called(NamedTuple):
    """How one run of the learner's call went, in a process of its own (the "caller")."""
    caller: Any
    ended: str       # "returned", "timeout", "raised", "deadlock" or "runaway"
    value: Any       # what it returned, the error it raised, or why it never ended
    left: list       # the caller's mailbox afterwards
    ms: float        # how long it took, in the node's milliseconds


def _call(call: Callable, server: Any, *args: Any, strays: list = (),
          chatter: int = 0) -> Called:
    """Run call(server, *args) in a process of its own, with `strays` already in its
    mailbox (and `chatter` messages on the way, see _chat): there, unlike in the shell,
    the check's budget stops a call that never ends."""
    return _calls(call, server, [args], strays, chatter)[0]


def _calls(call: Callable, server: Any, calls: list[tuple], strays: list = (),
           chatter: int = 0) -> list[Called]:
    """Run call(server, *args) for each `args` in `calls`, one after the other, in one
    process: how each went (a call that never ends stops the rest)."""
    shell = self_pid()

    def caller() -> None:
        for stray in strays:
            send(self_pid(), stray)
        for args in calls:
            started = now()
            try:
                ended, value = "returned", call(server, *args)
            except ReceiveTimeout as timeout:
                ended, value = "timeout", timeout
            except Exception as error:    # reported as a finding
                ended, value = "raised", error
            left = process_info(self_pid())["messages"]
            send(shell, ("called", ended, value, left, now() - started))

    done: list[Called] = []
    pid = None
    try:
        pid = spawn(caller, label="caller")
        if chatter:
            spawn(_chat, pid, chatter, label="chatter")
        for _ in calls:
            _, ended, value, left, ms = receive(("called", ANY, ANY, ANY, ANY))
            done.append(Called(pid, ended, value, left, ms))
    except DeadlockError:
        done.append(Called(pid, "deadlock", None, [], 0))
    except RunawayError:
        why = _never_ends(current_node().trace.names(), server)
        fresh_node()                              # the runaway processes are only paused
        done.append(Called(pid, "runaway", why, [], 0))
    return done + [done[-1]] * (len(calls) - len(done))


def _never_ends(names: dict, server: Any) -> str:
    """Why a call never ended, read off the trace: it kept putting messages back in its
    own mailbox, or it kept sending the call again."""
    caller = max((pid for pid, name in names.items() if name == "caller"),
                 key=lambda pid: pid.number)              # the latest
    sends = [e.data for e in current_node().trace.events if e.kind == "send" and e.pid == caller]
    to_self = sum(1 for data in sends if data["to"] == caller)
    to_server = sum(1 for data in sends if data["to"] == server)
    if to_self > 10:
        return ("it kept putting messages back in its own mailbox, and never finished: "
                "sending a message back to yourself makes receive find it again at once. "
                "Leave other messages in the mailbox: a selective receive((ref, ANY)) takes "
                "only your reply")
    if to_server > 10:
        return ("it sent the call again and again, and never gave up: retrying forever "
                "never gives up. Let ReceiveTimeout through to the caller, who decides what "
                "to do")
    return runaway_text(current_node().trace)


def check_counter_server(server: Callable) -> None:
    """server(n): ("cast", ("add", k)) adds k; a "get" call answers the count."""
    with Check("counter server") as check:
        pid = spawn_learner(check, server, 0, label="counter")
        if pid is None:
            return
        # 4 and 3: a count of 3 (the last amount) and one of 2 (the number of casts) differ.
        send(pid, hand_cast(("add", 4)))
        send(pid, hand_cast(("add", 3)))
        reply = _get(check, pid)
        if reply is _NO_REPLY:
            return
        if reply == 0 and _took(pid, hand_cast(("add", 3))) and \
                _counts_elsewhere(server):
            check.fail("the 'get' call answered 0: the server took both casts, but the count "
                       "it answers never changed: it added each amount to another variable, "
                       "or to nothing. Add to n itself, n += message[1][1], and answer n")
            return
        if reply == 0:
            check.fail("the 'get' call answered 0: the two casts were never matched. A cast "
                       "arrives as ('cast', ('add', k)), so message[0] is 'cast', and the "
                       "amount is message[1][1]")
            return
        if not check.expect(reply == 7, "two casts added 4 and 3, and the 'get' call answered 7",
                            f"the 'get' call answered {short(reply)}, not 7{_miscount(reply)}"):
            return
        if extra := _extra_replies():
            check.fail(f"the 'get' call was answered, and then came a second reply, "
                       f"{short(extra[0])}: nobody takes it, so it stays in the caller's "
                       "mailbox for good. Send one reply per call: send(caller, (ref, n)) once")
            return
        left = (process_info(pid) or {}).get("messages")
        check.expect(not left, "nothing was left unread", f"still in its mailbox: {left}")
        send(pid, hand_cast(("add", 1)))
        again = _get(check, pid, "a second 'get' call, after one more cast,")
        dropped = (". The server took that cast from its mailbox but never counted it: a "
                   "message was taken and dropped. Take one message per turn of the loop, "
                   "with the receive() at its top: a second receive() in the same turn (after "
                   "replying, say) takes the next message, and nothing handles it"
                   if again == 7 and _took(pid, hand_cast(("add", 1))) else "")
        if again is _NO_REPLY or not check.expect(
                again == 8, "after one more cast, a second 'get' answered 8: it keeps going",
                f"after one more add of 1, a second 'get' answered {short(again)}, not "
                f"8{dropped}"):
            return
        if _own_count(check, server, pid):
            _many_casts(check, pid)
        where = kept_outside_state(server)
        if check.passed and where:
            check.fail(f"it works, but the server keeps data {where}, which outlives it: a "
                       "new server whose pid is an old one's (pids start again after reset()) "
                       "would find the old count there. Keep the count in the loop's "
                       "variable, n (n += k), and nowhere else")


def _counts_elsewhere(server: Callable) -> bool:
    """Whether the server's code reads the cast's amount, `message[1][1]` (so it matched
    the cast, and the count it answers went astray), read off its source.

    >>> def server(n):
    ...     total = n + receive()[1][1]
    >>> _counts_elsewhere(server), _counts_elsewhere(len)
    (True, False)
    """
    def item_1(node: ast.AST) -> bool:         # x[1]
        return isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant) \
            and node.slice.value == 1

    tree = syntax_tree(server)
    return tree is not None and any(item_1(node) and item_1(node.value)
                                    for node in ast.walk(tree))


MANY = 2_000
"""Casts the check sends in a row: a server that loops by calling itself runs out of stack."""


def _many_casts(check: Check, pid: Any) -> None:
    """After MANY more casts of 1, the first server (at 8) still answers: a server that loops
    by calling itself crashes with RecursionError long before."""
    for _ in range(MANY):
        send(pid, hand_cast(("add", 1)))
    ended = exit_of(pid)
    if ended is not None and isinstance(ended.data["reason"], RecursionError):
        check.fail(f"after {MANY:,} more casts the server {crash_text(ended)}: it goes round by "
                   "calling itself, which is how Elixir loops, but Python keeps every call's "
                   "frame until the stack runs out. Loop with while True: instead")
        return
    count = _get(check, pid, f"a 'get' call after {MANY:,} more casts of 1")
    if count is not _NO_REPLY:
        check.expect(count == 8 + MANY, f"after {MANY:,} more casts of 1, 'get' answered "
                     f"{8 + MANY:,}: the loop never runs out",
                     f"after {MANY:,} more casts of 1, 'get' answered {short(count)}, not "
                     f"{8 + MANY:,}")


def _own_count(check: Check, server: Callable, first: Any) -> bool:
    """Two servers keep two counts: a count kept outside the loop (a global) is shared.
    True if they did."""
    other = spawn_learner(check, server, 10, label="other counter")
    if other is None:
        return False
    send(other, hand_cast(("add", 1)))
    theirs = _get(check, other, "a second server's 'get' call")
    if theirs is _NO_REPLY:
        return False
    from_zero = ": it counted from 0, not from its start value" if theirs == 1 else ""
    check.expect(theirs == 11, "a second server, started with 10, answered 11 after adding 1",
                 f"a second server, started with 10, answered {short(theirs)} after adding 1, "
                 f"not 11{from_zero}. Use the start value n: counter_server(n) counts from n, "
                 "so keep the count in n itself (n += k)")
    mine = _get(check, first, "the first server's 'get' call, after a second server started,")
    return mine is not _NO_REPLY and check.expect(
        mine == 8, "a second server, started with 10, kept a count of its own",
        f"after a second server started with 10 and added 1, the first server's 'get' "
        f"answered {short(mine)}, not 8: the two servers share one count. Keep the count in "
        "the loop's variable, n (n += k), not in a global, so that each server has its own")


def _extra_replies() -> list:
    """The replies (ref, ...) that reach the shell within 10 ms, after its call took one."""
    extra = []
    try:
        while True:
            extra.append(receive((Ref, ANY), timeout=10))
    except ReceiveTimeout:
        return extra


def _late(ref: Ref) -> str:
    """If the reply to the call tagged `ref` comes within 10 s, after the call gave up,
    what to do; else ''."""
    started = now()
    try:
        receive((ref, ANY), timeout=10_000)
    except ReceiveTimeout:
        return ""
    return (f"the server answered {now() - started + 100:g} ms after the call, after the "
            "call's timeout (the check waits 100 ms): answer at once, with no sleep() "
            "before send(caller, (ref, n))")


def _to_itself(pid: Any, ref: Ref) -> list:
    """The messages carrying `ref` that `pid` sent to itself."""
    return [e.data["msg"] for e in current_node().trace.events
            if e.kind == "send" and e.pid == pid and e.data["to"] == pid
            and type(e.data["msg"]) is tuple and ref in e.data["msg"]]


def _took(pid: Any, message: Any) -> bool:
    """Whether `pid` took `message` from its mailbox."""
    return any(e.kind == "receive" and e.pid == pid and e.data["msg"] == message
               for e in current_node().trace.events)


def _miscount(reply: Any) -> str:
    """The likely mistake behind a wrong answer to 'get' after adding 4 and 3, or ''."""
    if type(reply) is tuple and 7 in reply:
        return ": answer with the count itself, send(caller, (ref, n)), not a tuple around it"
    if reply == "7":
        return (": it answered text, the str '7', not the number: send the number n itself, "
                "send(caller, (ref, n))")
    if reply == 3:
        return (": each cast replaced the count with its amount (n = k); add it to the count, "
                "n += k")
    if reply == 2:
        return (": each cast added 1, not its amount: add k, the amount the cast carries, "
                "n += message[1][1]")
    if reply == 4:
        return (": only the first cast was counted before the call was answered. Take the "
                "messages as they come, one receive() per turn of the loop, and add every "
                "amount, n += k")
    if reply == "get":
        return (": it answered with the request itself, as echo does. Answer with the count, "
                "send(caller, (ref, n))")
    return ""


_NO_REPLY = object()
_PROTOCOL = ("A cast arrives as ('cast', ('add', k)), so the amount is message[1][1]; a "
             "call as ('call', caller, ref, request), answered with send(caller, (ref, n))")


def _get(check: Check, pid: Any, what: str = "the 'get' call") -> Any:
    """Call "get"; the answer, or _NO_REPLY with the reason noted in `check`."""
    ref = make_ref()
    call = hand_call(self_pid(), ref, "get")
    send(pid, call)
    try:
        return receive((ref, ANY), timeout=100)[1]
    except ReceiveTimeout:
        pass
    ended = exit_of(pid)
    answers = [e.data["msg"] for e in current_node().trace.events
               if e.kind == "send" and e.pid == pid and e.data["to"] == self_pid()]
    late = _late(ref) if ended is None and not answers else ""
    if ended is not None:
        if ended.data["crash"] and isinstance(ended.data["reason"], BadArgument) \
                and last_taken(pid) == call:
            # Said in the course's words: the runtime's own (aliases, names) comes later.
            check.fail(f"{what} got no reply: the server crashed at step {ended.step}, as it "
                       "answered the call: it gave send something that is not a pid as the "
                       "address. The address send needs is the caller's pid, which comes "
                       "second in ('call', caller, ref, request); the ref comes third, and "
                       "goes in the reply. Unpack them in that order, _, caller, ref, request "
                       "= message, and answer send(caller, (ref, n))")
            return _NO_REPLY
        if ended.data["crash"]:
            then = _PROTOCOL
        elif answers:
            then = "Keep looping after each message"
        else:
            then = ("It never answered, and its function returned, which ends the server "
                    "(a return does, and so does the end of the function). Send the answer "
                    "instead, send(caller, (ref, n)), and keep looping, inside while True:")
        check.fail(f"{what} got no reply: the server {crash_text(ended)}. {then}")
    elif mine := _to_itself(pid, ref):
        check.fail(f"{what} got no reply: the server sent its answer, "
                   f"{short(mine[-1])}, to itself, self_pid(). Inside the "
                   "server, self_pid() is the server; send it to the caller, the pid that "
                   "came with the call: send(caller, (ref, n))")
    elif late:
        check.fail(f"{what} got no reply in time: {late}")
    elif not answers:
        info = process_info(pid) or {}
        left = info.get("messages")
        if call in (left or []) and info.get("waiting_for"):
            check.fail(f"{what} got no reply: the server waits only for "
                       f"{info['waiting_for']}, while the call sits in its mailbox: a "
                       "receive with a pattern leaves every other message there. Take any "
                       "message, message = receive(), and branch on message[0]: 'cast' or "
                       "'call'")
        elif _took(pid, call):
            check.fail(f"{what} got no reply: the server took the call, {short(call)}, and "
                       "sent nothing back. A call arrives as ('call', caller, ref, request), "
                       "so message[0] is 'call': unpack _, caller, ref, request = message, "
                       "and answer send(caller, (ref, n))")
        else:
            still = f"; its mailbox holds {left}" if left else ""
            check.fail(f"{what} got no reply tagged with its ref: answer with "
                       f"send(caller, (ref, n)){still}")
    else:
        answer = answers[-1]
        pair = type(answer) is tuple and len(answer) == 2
        if is_hand_call(answer):
            why = ("with a call, which waits for an answer of its own: a reply is a plain "
                   "message, so answer with send, not call: send(caller, (ref, n))")
        elif pair and answer[1] == ref:
            why = "with the ref last: the ref goes first, (ref, n)"
        elif pair and type(answer[0]) is not Ref:
            why = (f"with no ref: {short(answer[0])} stands where the ref goes. A caller waits "
                   "for receive((ref, ANY)), the ref that came with its call: send(caller, "
                   "(ref, n)), the ref in place of the tag")
        elif pair:
            why = "with another ref than the call's: send back the ref that came with the call"
        elif type(answer) in (tuple, list) and any(part == ref for part in answer):
            why = ("with the ref, but not as the 2-tuple (ref, n): a caller waits for "
                   "receive((ref, ANY)), which matches exactly a tuple of two, the ref and "
                   "the answer. Send (ref, n), with nothing else in it")
        else:
            why = "without the ref: a caller waits for (ref, reply), so send (ref, n)"
        check.fail(f"the server answered {short(answer)} {why}")
    return _NO_REPLY
