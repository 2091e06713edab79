"""Checks for notebook 01, processes and mailboxes.

>>> def echo():
...     while True:
...         sender, message = receive()
...         send(sender, message)
>>> check_echo(echo)
✓ echo: all good
  ✓ the first message came back: 'ping'
  ✓ a second one, from another process, came back to that process: echo keeps going, and answers each message's sender
  ✓ a number, 42, came back: echo answers any message, not only strings
  ✓ an empty string came back: echo answers every message, even one that counts as false
  ✓ 'stop' came back too: no word stops echo, it answers every message
  ✓ 1,100 more came back: echo loops, and never runs out of stack
  ✓ after 60,000 ms with nothing to do, echo still answers: it waits forever

A process that loops by calling itself, as Elixir's do, runs out of stack in Python:

>>> def recursive_echo():
...     sender, message = receive()
...     send(sender, message)
...     recursive_echo()
>>> check_echo(recursive_echo)  # doctest: +ELLIPSIS
✗ echo: not yet
  ✓ the first message came back: 'ping'
  ✓ a second one, from another process, came back to that process: echo keeps going, and answers each message's sender
  ✓ a number, 42, came back: echo answers any message, not only strings
  ✓ an empty string came back: echo answers every message, even one that counts as false
  ✓ 'stop' came back too: no word stops echo, it answers every message
  ✗ echo crashed with RecursionError after ... messages: it goes round by calling itself, which is how Elixir loops (this notebook shows one after Exercise 2), but Python keeps every call's frame until the stack runs out. Loop with while True: instead
"""
from __future__ import annotations

from typing import Any, Callable

import ast
import dis

from ..runtime import (ANY, BadArgument, ReceiveTimeout, current_node, process_info, receive,
                       self_pid, send, sleep, spawn)
from ..trace import Pid, short
from .checks import (Check, crash_text, exit_of, kept_outside_state, last_taken,
                     leaves_its_loop, raising_call, spawn_learner, syntax_tree,
                     unmatched_pattern)

MANY = 1_100
"""Messages a loop must survive: more than Python's recursion limit (1,000 frames)."""
PAUSE = 60_000
"""Milliseconds of silence echo and counter must wait through: they answer forever. Time in
a node is virtual (a sleep costs nothing), so it is longer than any timeout a learner
might give receive."""


def _reply(timeout: float = 100) -> Any:
    try:
        return receive(timeout=timeout)
    except ReceiveTimeout:
        return None


def _ask(pid: Pid, word: str, asker: str | None = None) -> Any:
    """Send `(sender, word)` to `pid`, from the shell or (if `asker` is given) from a new
    process labelled `asker`: what came back to the sender, or None."""
    if asker is None:
        send(pid, (self_pid(), word))
        return _reply()
    shell = self_pid()

    def ask() -> None:
        send(pid, (self_pid(), word))
        send(shell, ("heard", _reply()))

    spawn(ask, label=asker)
    return receive(("heard", ANY))[1]


def _events(pid: Pid, kind: str) -> list:
    return [e for e in current_node().trace.events if e.kind == kind and e.pid == pid]


def _unpacked_out_of_order(code: Callable, send_call: ast.Call, message: Any) -> str:
    """If send's destination in `send_call` is a name that `code` unpacked from `message`
    at a place where the message holds no pid (`message, sender = receive()` for a
    (sender, message) pair): that, in words; else ''."""
    destination = send_call.args[0] if send_call.args else None
    tree = syntax_tree(code)
    if not isinstance(destination, ast.Name) or type(message) is not tuple or tree is None:
        return ""
    pids = [at for at, item in enumerate(message) if type(item) is Pid]
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Tuple):
            names = [getattr(target, "id", None) for target in node.targets[0].elts]
            if destination.id in names and len(names) == len(message) and pids:
                at = names.index(destination.id)
                if at not in pids:
                    where = "first" if pids[0] == 0 else f"as item {pids[0] + 1}"
                    return (f"It sent to {destination.id}, which held {short(message[at])}, "
                            f"not a pid: it unpacked the message {short(message)} in another "
                            f"order, and the pid comes {where}")
    return ""


def _silence(pid: Pid, name: str, answer: str, code: Callable, messages: str = "") -> str:
    """Why `pid` (running the learner's `code`) sent the shell nothing back, read off the
    trace. `messages` says what the messages it gets look like, for a crash on one."""
    ended = exit_of(pid)
    received = _events(pid, "receive")
    sends = _events(pid, "send")
    if any(e.data["to"] == pid for e in sends):
        return (f"{name} sent {short(sends[0].data['msg'])} to itself: inside {name}, self_pid() "
                f"is {name}'s own pid. {answer}")
    if ended is not None and isinstance(ended.data["reason"], RecursionError):
        return _recursion(name, len(received))
    send_call = (raising_call(ended.data["reason"], "send") if ended is not None
                 and isinstance(ended.data["reason"], BadArgument) else None)
    out_of_order = send_call and _unpacked_out_of_order(code, send_call, last_taken(pid))
    if out_of_order:
        return f"{name} {crash_text(ended)}. {out_of_order}. Then {answer}"
    if send_call:
        return (f"{name} {crash_text(ended)}. send's first argument must be a pid, the address "
                "of the process to answer (names for processes come in notebook 06), and the "
                f"pid to answer came in the message: {answer}")
    if ended is not None and ended.data["crash"]:
        taken = (f". It crashed on {short(received[-1].data['msg'])}, the message it had just "
                 f"taken: {messages}" if received and messages else "")
        return f"{name} {crash_text(ended)}{taken}"
    if ended is not None and ended.data["reason"] == "interrupted":
        return (f"{name} held the thread without waiting, and was stopped at step {ended.step}: "
                "a busy loop, which looks for a message again and again (receive with "
                "timeout=0, or process_info). Every process shares one thread, so while it "
                "loops no other runs, not even the one that would send it a message. Call "
                "receive() with no timeout: it waits, and lets the others run, until a "
                "message comes")
    if ended is not None and received and not sends and _returns_a_value(code):
        return (f"{name} ended at step {ended.step}, after {_messages(len(received))}, without "
                "sending anything back: it returned its answer, but return ends the process, "
                f"and what a process returns goes to nobody. Do not return: {answer}, and stay "
                "in the loop")
    if ended is not None and not received:
        return (f"{name} ended at step {ended.step} without receiving anything: it must call "
                "receive() to take a message from its mailbox")
    if ended is not None and leaves_its_loop(code):
        said = "" if sends else " without sending anything back"
        return (f"{name} ended at step {ended.step}, after {_messages(len(received))}{said}: "
                "its loop ended, and the process with it: a break or a return inside the loop "
                "stops it. Remove the break (or return), so that the loop goes round and "
                "waits for the next message")
    if ended is not None:
        said = "" if sends else " without sending anything back"
        return (f"{name} ended at step {ended.step}, after {_messages(len(received))}{said}: "
                "the process had finished. Put the receive and the answer inside a while "
                "True: loop, so that it waits for the next message")
    if received and _sleeping(pid):
        return (f"{name} took {short(received[-1].data['msg'])}, then was still sleeping when "
                "the check stopped waiting for its answer: an answer that comes late is one "
                f"nobody waits for. Answer at once, with no sleep(): {answer}")
    if received:
        return (f"{name} took {short(received[-1].data['msg'])} at step {received[-1].step} and "
                f"went back to waiting without sending anything: {answer}, inside the loop")
    return f"{name} never took the message from its mailbox: call receive() in its loop"


def _sleeping(pid: Pid) -> bool:
    """Whether `pid`, alive, is in a sleep() (its last event)."""
    events = [e for e in current_node().trace.events if e.pid == pid]
    return exit_of(pid) is None and bool(events) and events[-1].kind == "block" and \
        events[-1].data["sleep"] is not None


def _elsewhere(pid: Pid, word: str) -> str | None:
    """Where echo sent `word`, which asker sent it, if not back to asker; None if it did
    not send it anywhere else."""
    names = current_node().trace.names()
    sent = [e.data["to"] for e in _events(pid, "send") if e.data["msg"] == word
            and names.get(e.data["to"]) not in ("asker", "echo")]
    if not sent:
        return None
    to = names.get(sent[-1], repr(sent[-1]))
    to = "the shell, which had sent the first message" if to == "shell" else to
    return (f"another process, asker, sent {word!r} and got nothing back: echo sent it to "
            f"{to}. Answer each message's own sender: take sender and message from "
            "every receive(), and send(sender, message), both inside the loop")


def _gave_up(pid: Pid, name: str = "echo") -> str | None:
    """Why `name`, alive before a pause of PAUSE ms, had ended after it (None if it had
    not): it waited with a timeout, and gave up."""
    ended = exit_of(pid)
    if ended is None or (ended.data["crash"] and
                         not isinstance(ended.data["reason"], ReceiveTimeout)):
        return None
    return (f"after {PAUSE:,} ms with nothing to do, {name} had ended: it gave up waiting (a "
            "receive with a timeout raises ReceiveTimeout when nothing comes). The exercise "
            "says forever: call receive() with no timeout, which waits as long as it takes")


def _instructions(code: Callable) -> list:
    """The bytecode of the learner's function (none for another kind of callable)."""
    return list(dis.get_instructions(code)) if hasattr(code, "__code__") else []


def _counted_loop(code: Callable) -> str | None:
    """The header of a `for ... in range(...)` loop in the function `code` that is not
    inside a `while` loop (a loop that ends after so many messages), read off its source;
    None if it has none, or if the source cannot be found.

    >>> def echo():
    ...     for _ in range(5000):
    ...         sender, message = receive()
    >>> _counted_loop(echo)
    'for _ in range(5000)'
    """
    tree = syntax_tree(code)
    if tree is None:
        return None
    inside_while = {id(node) for loop in ast.walk(tree) if isinstance(loop, ast.While)
                    for node in ast.walk(loop)}
    return next((f"for {ast.unparse(loop.target)} in {ast.unparse(loop.iter)}"
                 for loop in ast.walk(tree) if isinstance(loop, ast.For)
                 and id(loop) not in inside_while and isinstance(loop.iter, ast.Call)
                 and isinstance(loop.iter.func, ast.Name) and loop.iter.func.id == "range"),
                None)


def _loops_forever(check: Check, code: Callable, name: str) -> bool:
    """Whether `code` has no counted loop (see `_counted_loop`); if it has one, the check
    says that the process must loop forever."""
    loop = _counted_loop(code)
    if loop is not None:
        check.fail(f"{name} loops {loop}: after that many messages the loop ends, and the "
                   f"process with it, so later messages get no answer. {name} must answer "
                   "forever: loop with while True:")
    return loop is None


def _returns_a_value(code: Callable) -> bool:
    """Whether the function `code` has a `return` with a value (not a bare `return`)."""
    last = None
    for instruction in _instructions(code):
        if instruction.opname == "RETURN_VALUE" and not (
                last is not None and last.opname == "LOAD_CONST" and last.argval is None):
            return True
        if instruction.opname == "RETURN_CONST" and instruction.argval is not None:
            return True     # Python 3.12 and later
        last = instruction
    return False


def _receives(code: Callable) -> tuple[int, int, bool]:
    """The receive() calls in `code`'s source: how many inside its loops, how many outside,
    and whether one has a timeout (the check's quiet spell may be shorter than it).

    >>> def two_a_turn():
    ...     while True:
    ...         sender = receive()[0]
    ...         send(sender, receive(timeout=60_000)[1])
    >>> _receives(two_a_turn)
    (2, 0, True)
    """
    tree = syntax_tree(code)
    if tree is None:
        return 0, 0, False
    calls = [node for node in ast.walk(tree) if isinstance(node, ast.Call)
             and getattr(node.func, "id", getattr(node.func, "attr", None)) == "receive"]
    looped = {id(node) for loop in ast.walk(tree) if isinstance(loop, (ast.While, ast.For))
              for node in ast.walk(loop) if isinstance(node, ast.Call)}
    inside = sum(id(call) in looped for call in calls)
    timed = any(keyword.arg == "timeout" and not (isinstance(keyword.value, ast.Constant)
                                                  and keyword.value.value is None)
                for call in calls for keyword in call.keywords)
    return inside, len(calls) - inside, timed


def _goes_on_after_a_timeout(code: Callable) -> bool:
    """Does `code` catch ReceiveTimeout (by name, as Exception, or with a bare except) and
    not leave its loop there? Then a receive with a timeout only wakes it up for nothing.

    >>> def patient():
    ...     while True:
    ...         try:
    ...             message = receive(timeout=500)
    ...         except ReceiveTimeout:
    ...             continue
    >>> _goes_on_after_a_timeout(patient)
    True
    """
    tree = syntax_tree(code)
    caught = ("ReceiveTimeout", "Exception", "BaseException")
    for handler in ast.walk(tree) if tree is not None else ():
        if isinstance(handler, ast.ExceptHandler) and (
                handler.type is None or any(getattr(n, "id", getattr(n, "attr", None)) in caught
                                            for n in ast.walk(handler.type))):
            if not any(isinstance(n, (ast.Break, ast.Return, ast.Raise))
                       for n in ast.walk(handler)):
                return True
    return False


def _more_than_one_receive(name: str, code: Callable) -> str | None:
    """What to say of a loop that calls receive() more than once a turn; else None."""
    inside, _, _ = _receives(code)
    if inside < 2:
        return None
    return (f"{name} calls receive() {inside} times in each turn of its loop, so each turn "
            f"takes {inside} messages and expects them in an order nobody promised: one is "
            "taken where another was expected, and nothing handles it. Take one message a "
            "turn, message = receive(), keep it in a variable, and decide on it")


def _left_open(check: Check, name: str, code: Callable, keep: str,
               every_message: bool = False) -> None:
    """After every finding passed: a receive with a timeout ends on a quiet spell longer
    than the check's; a loop with a way out (when it must answer `every_message`) ends on
    a message the check did not send; data kept outside the process is told to go where
    `keep` says. (A counter may stop on a message of its own, as Erlang's often do.)"""
    _, _, timed = _receives(code)
    waits_again = timed and _goes_on_after_a_timeout(code)
    where = kept_outside_state(code)
    if check.passed and waits_again:
        check.expect(True, f"(a note: {name} wakes up each time its receive's timeout passes, "
                     "only to wait again; receive() with no timeout waits as long as it "
                     "takes, without waking up for nothing)", "")
    if check.passed and timed and not waits_again:
        check.fail(f"it works, but {name} calls receive with a timeout: after that long with "
                   "nothing to do it would stop waiting. A process waits for its next message "
                   "as long as it takes: call receive() with no timeout")
    elif check.passed and every_message and leaves_its_loop(code):
        check.fail(f"it works for the check's messages, but a break or a return inside "
                   f"{name}'s loop ends it on some message or other: {name} answers every "
                   "message, whatever it is. Remove the break (or return)")
    elif check.passed and where:
        check.fail(f"it works, but {name} keeps data {where}, outside the process: on "
                   f"the BEAM there is no such place, and here a {name} works only while "
                   f"each finds its own part of it. A process shares nothing: {keep}")


def _messages(count: int) -> str:
    """`count` messages, in words: "1 message", "5 messages"."""
    return f"{count:,} message{'' if count == 1 else 's'}"


def _recursion(name: str, count: int) -> str:
    return (f"{name} crashed with RecursionError after {count:,} messages: it goes round by "
            "calling itself, which is how Elixir loops (this notebook shows one after "
            "Exercise 2), but Python keeps every call's frame until the stack runs out. Loop "
            "with while True: instead")


def check_echo(echo: Callable) -> None:
    """echo() should send the message of every (sender, message) it receives back to
    sender, forever."""
    with Check("echo") as check:
        if not _loops_forever(check, echo, "echo"):
            return
        pid = spawn_learner(check, echo, label="echo")
        if pid is None:
            return
        answer = "send the message back with send(sender, message)"
        for word, asker, ok in (
                ("ping", None, "the first message came back: 'ping'"),
                ("pong", "asker", "a second one, from another process, came back to that "
                 "process: echo keeps going, and answers each message's sender"),
                (42, None, "a number, 42, came back: echo answers any message, not only "
                 "strings"),
                ("", None, "an empty string came back: echo answers every message, even "
                 "one that counts as false"),
                ("stop", None, "'stop' came back too: no word stops echo, it answers every "
                 "message")):
            reply = _ask(pid, word, asker)
            if reply is None:
                check.fail(_unanswered(pid, word, echo, answer))
                return
            if not check.expect(reply == word, ok, _extra_reply(pid, reply) or
                                f"echo sent back {short(reply)} for {word!r}; send back "
                                f"the message itself, {word!r}"):
                return
        for _ in range(MANY):
            send(pid, (self_pid(), "again"))
        replies = [_reply() for _ in range(MANY)]
        if None in replies:
            check.fail(_silence(pid, "echo", answer, echo))
            return
        check.expect(True, f"{MANY:,} more came back: echo loops, and never runs out of stack",
                     "")
        sleep(PAUSE)
        check.expect(_ask(pid, "still there?") == "still there?",
                     f"after {PAUSE:,} ms with nothing to do, echo still answers: it waits "
                     "forever", _gave_up(pid) or _silence(pid, "echo", answer, echo))
        _left_open(check, "echo", echo, "echo needs nothing but the message it took",
                   every_message=True)


def _extra_reply(pid: Pid, reply: Any) -> str | None:
    """If echo sent the shell `reply` more times than the shell sent it to echo: that it
    answers one message more than once (the shell took a leftover answer for a later
    question); else None."""
    shell = self_pid()
    asked = [e for e in _events(pid, "receive") if type(e.data["msg"]) is tuple
             and len(e.data["msg"]) == 2 and e.data["msg"] == (shell, reply)]
    answered = [e for e in _events(pid, "send") if e.data["to"] == shell
                and e.data["msg"] == reply]
    if not asked or len(answered) <= len(asked):
        return None
    return (f"echo sent {len(answered)} replies for one message, {reply!r}: the shell "
            "received the first, and the rest stayed in its mailbox, where the next "
            "receive() took one as the answer to another message. Send once for each "
            "message: send(sender, message)")


def _unanswered(pid: Pid, word: Any, echo: Callable, answer: str) -> str:
    """Why echo sent nothing back for `word`: read off the trace (before anything else is
    sent), then, for the first message, by asking again."""
    why = (_elsewhere(pid, word) or (word in (42, "") and _left_unanswered(pid, word))
           or _silence(pid, "echo", answer, echo))
    twice = _more_than_one_receive("echo", echo)
    if twice:
        return twice
    if word == "ping" and exit_of(pid) is None and not _sleeping(pid) and _first_swallowed(pid):
        return ("echo took the first message, 'ping', and sent nothing back, but answered "
                "the next one: the first receive(), above the loop, takes a message that "
                "nothing answers. Delete it, and keep only the receive() inside the loop, "
                "followed by the send")
    return why


def _first_swallowed(pid: Pid) -> bool:
    """Whether echo, alive but silent about the first message, answers a second one: then
    a receive() above its loop took the first, and nothing answered it."""
    return _ask(pid, "ping") == "ping"


def _left_unanswered(pid: Pid, word: Any) -> str | None:
    """Why echo, which answered strings, sent nothing back for `word` (a number, an empty
    string); None if it crashed (its crash says why)."""
    ended = exit_of(pid)
    what = f"{word!r}, a number" if isinstance(word, int) else f"{word!r}, an empty string"
    if ended is not None and ended.data["crash"]:
        return None
    if ended is not None:
        return (f"echo ended when it took {what}, without sending it back: echo must answer "
                "every message, whatever it is, and go on. A test on the message (while "
                "message:, if not message:) stops at one that counts as false (0, '', "
                "None): loop with while True:, and send back every message")
    if any(m[1] == word for m in process_info(pid)["messages"]):
        return (f"echo left {what}, in its mailbox and never answered it: its receive() "
                "takes only the messages that match its pattern. Echo must answer every "
                "message: call receive() with no pattern")
    return (f"echo took {what}, and sent nothing back: echo must answer every message, "
            "whatever it is. Send back every message, with no test on it")


COUNTER_MESSAGES = ("the messages are ('add', k) and ('get', pid), pairs whose first item says "
                    "what to do. Take the whole message, message = receive(), then test "
                    "message[0] and use message[1]")
"""What a counter's messages look like, for a counter that crashed on one."""


def check_counter(counter: Callable) -> None:
    """counter(n) keeps a count: ("add", k) adds k; ("get", pid) sends ("count", n) to pid."""
    with Check("counter") as check:
        if not _loops_forever(check, counter, "counter"):
            return
        pid = spawn_learner(check, counter, 10, label="counter")
        if pid is None:
            return
        other = spawn(counter, 100, label="other counter")
        send(pid, ("add", 2))
        send(pid, ("add", 3))
        answer = "send ('count', n) to the pid that came with ('get', pid)"

        def silence() -> str:
            return _silence(pid, "counter", answer, counter, COUNTER_MESSAGES)

        send(pid, ("get", self_pid()))
        first = _reply()
        if first is None:
            check.fail(_compares_with_any(counter) or _out_of_turn(pid)
                       or _waits_for_one_kind(pid)
                       or _more_than_one_receive("counter", counter) or silence())
            return
        if _misshaped(first):
            check.fail(_misshaped(first))
            return
        if isinstance(_number(first), str):
            check.fail(f"the answer was {short(first)}: the count must be sent as a number, "
                       "not as text. Send ('count', n), with n itself, not str(n) or an "
                       "f-string")
            return
        send(other, ("get", self_pid()))
        untouched = _reply()
        if _number(untouched) not in (None, 100):
            check.fail(_not_its_own_count(counter, first, untouched))
            return
        own = _number(untouched) == 100
        if not check.expect(first == ("count", 15), "10 + 2 + 3 gives ('count', 15)",
                            _compares_with_any(counter) or _out_of_turn(pid)
                            or _more_than_one_receive("counter", counter)
                            or _wrong_count(first)):
            return
        if own:
            check.expect(True, "a second counter, started at 100, kept a count of its own", "")
        send(pid, ("get", self_pid()))
        again = _reply()
        if again is None:
            check.fail("asking a second time got no answer: " + silence())
            return
        check.expect(again == ("count", 15), "asking again gives the same count: it kept its state",
                     f"asking a second time gave {short(again)}: the loop must go on with the "
                     "count")
        for _ in range(MANY):
            send(pid, ("add", 1))
        send(pid, ("get", self_pid()))
        many = _reply()
        if many is None:
            check.fail(f"after {MANY:,} more adds: " + silence())
            return
        if not check.expect(many == ("count", 15 + MANY),
                            f"{MANY:,} more adds give ('count', {15 + MANY:,}): the loop "
                            "never runs out of stack",
                            f"after {MANY:,} adds of 1 the answer was {short(many)}"):
            return
        sleep(PAUSE)
        send(pid, ("get", self_pid()))
        if not check.expect(_reply() == many, f"after {PAUSE:,} ms with nothing to do, "
                            "counter still answers: it waits forever",
                            _gave_up(pid, "counter") or silence()):
            return
        _left_open(check, "counter", counter, "keep the count in the loop's own variable, n")


def _number(answer: Any) -> Any:
    """The count in an answer, ('count', n) (or a list or another tag) or a bare n."""
    return answer[1] if type(answer) in (tuple, list) and len(answer) == 2 else answer


def _misshaped(answer: Any) -> str | None:
    """What is wrong with the shape of an answer to ('get', pid) that is not a pair with
    its tag first (a dict, a tuple of three, (n, 'count')); None for a pair or a bare
    value (what is in it is checked later)."""
    fix = "Send the tuple ('count', n): two items, the tag 'count' first, then the count"
    if type(answer) in (tuple, list) and len(answer) == 2 and answer[1] == "count" and \
            isinstance(answer[0], int):
        return f"the answer was {short(answer)}: the tag comes first, then the count. {fix}"
    if isinstance(answer, dict):
        return (f"the answer was a dict, {short(answer)}, not a tuple: messages here are "
                f"tuples with a tag, as in Erlang, and a pattern like ('count', ANY) matches "
                f"only a tuple. {fix}")
    if type(answer) in (tuple, list) and len(answer) != 2:
        return (f"the answer was {short(answer)}, {len(answer)} items, not 2: a pattern like "
                f"('count', ANY) matches only a pair. {fix}")
    return None


def _not_its_own_count(counter: Callable, first: Any, untouched: Any) -> str:
    """Why a second counter, started at 100 and sent no add, answered `untouched` (the
    first, started at 10 and sent adds of 2 and 3, answered `first`): the two share one
    count (both answer alike, or the code has a `global`), or the count ignores n."""
    said = (f"a second counter, started at 100 and sent no add, answered {short(untouched)}, "
            f"and the first answered {short(first)}")
    stores_global = any(i.opname == "STORE_GLOBAL" for i in _instructions(counter))
    if untouched == first or stores_global:
        seen = (" (the adds of 2 and 3, sent to the first, showed in the second)"
                if untouched == ("count", 105) else "")
        default = any(type(value) in (list, dict, set) for value in
                      getattr(counter, "__defaults__", None) or ())
        return (f"{said}: the two processes share one count{seen}. A global variable (or an "
                "attribute" + (", or a default argument, made once for every call" if default
                               else "") +
                ") is one for every process; keep the count in the loop's own variable, n")
    return (f"{said}: the counter ignores its start value n. Start the count at n (counter(n) "
            "is spawned with it), or keep the count in n itself: n += message[1]")


def _wrong_count(answer: Any) -> str:
    """What a wrong answer to ('get', pid), after starting at 10 and adding 2 and 3, says."""
    if answer == 15:
        return "the answer was 15, not ('count', 15): send the tuple ('count', n)"
    if type(answer) is list and answer == ["count", 15]:
        return ("the answer was the list ['count', 15], not the tuple ('count', 15): reply "
                "with a tuple, ('count', n), in round brackets. Tuples stand for Erlang's "
                "tuples, and a pattern like ('count', ANY) matches a tuple only")
    if type(answer) is tuple and len(answer) == 2 and answer[1] == 15:
        return (f"the answer was {short(answer)}: the count is right, but its tag must be "
                "'count': send ('count', n), as the exercise says")
    if answer == ("count", 3):
        return ("the answer was ('count', 3), the last add alone: each add replaced the count "
                "instead of adding to it. Add k to it: n += message[1], not n = message[1]")
    if answer == ("count", 12):
        return ("the answer was ('count', 12): 10, plus one for each of the two adds. The "
                "message ('add', k) adds k, not 1: n += message[1]")
    if answer == ("count", 10):
        return ("the answer was ('count', 10): the adds were lost. Each add must change the "
                "variable the loop goes round with: n = n + message[1], or n += message[1]. "
                "n + k alone computes a sum and drops it, and a copy of n made inside the "
                "loop (count = n) is made again, from the unchanged n, each time round")
    return (f"after starting at 10 and adding 2 and 3, the answer was {short(answer)}, not "
            "('count', 15): keep the count in a variable and pass it round the loop")


def _compares_with_any(code: Callable) -> str | None:
    """What is wrong with comparing a message, with `==` or `!=`, to a value that holds
    ANY (`message == ("add", ANY)`), if the function `code` does; None if it does not."""
    instructions = _instructions(code)
    for at, instruction in enumerate(instructions):
        if instruction.opname in ("LOAD_GLOBAL", "LOAD_NAME", "LOAD_DEREF") and \
                instruction.argval == "ANY":
            then = next((i for i in instructions[at:] if i.opname in
                         ("COMPARE_OP", "CALL", "PRECALL", "CONTAINS_OP")), None)
            if then is not None and then.opname == "COMPARE_OP":
                return ("counter compares a message with ==, as in message == ('add', ANY): "
                        "== is not pattern matching, it compares with ANY itself, which "
                        "equals nothing but ANY, so the test is never true. Test the tag "
                        "instead: if message[0] == 'add': ... elif message[0] == 'get': ...")
    return None


def _waits_for_one_kind(pid: Pid) -> str | None:
    """If counter waits in a receive whose pattern leaves the get in its mailbox (it
    waits only for an add): that, in words; else None."""
    unmatched = unmatched_pattern(pid, "its mailbox")
    if unmatched is None:
        return None
    return (f"counter waits for one kind of message only: {unmatched}, so the get was never "
            "answered. Take any message, message = receive(), and branch on its tag: "
            "if message[0] == 'add': ... elif message[0] == 'get': ...")


def _out_of_turn(pid: Pid) -> str | None:
    """The first message counter took ahead of one sent to it earlier, in words (it waits
    for them in turns, with one receive pattern after another); None if it took them in
    the order they came."""
    events = current_node().trace.events
    waiting = [e.data["msg"] for e in events if e.kind == "send" and e.data["to"] == pid]
    for event in events:
        if event.kind == "receive" and event.pid == pid and event.data["msg"] in waiting:
            taken = event.data["msg"]
            if taken != waiting[0]:
                return (f"counter took {short(taken)} before {short(waiting[0])}, which was "
                        "sent to it first: it waits for the messages in turns (an add, then "
                        "a get), one receive pattern after the other, but messages come in "
                        "any order. Take any message, message = receive(), and branch on its "
                        "tag: if message[0] == 'add': ... elif message[0] == 'get': ...")
            waiting.remove(taken)
    return None
