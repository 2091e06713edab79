"""Checks for notebook 00, start here.

>>> def shout():
...     sender, message = receive()
...     send(sender, message.upper())
>>> check_shout(shout)
✓ shout: all good
  ✓ 'hi' came back as 'HI'
  ✓ 'bye' came back as 'BYE'
  ✓ 'actor' came back as 'ACTOR'

A reply sent to `self_pid()` goes to shout's own mailbox, and the check says so:

>>> def to_itself():
...     sender, message = receive()
...     send(self_pid(), message.upper())
>>> check_shout(to_itself)
✗ shout: not yet
  ✗ nothing came back for 'hi': shout sent 'HI' to itself (inside shout, self_pid() is shout's own pid). Send it to sender, the pid that came with the message
"""
from __future__ import annotations

import inspect
import io
import traceback
from contextlib import redirect_stdout
from typing import Any, Callable

import actorlab
from ..runtime import BadArgument, DeadlockError, ReceiveTimeout, current_node, process_info, \
    receive, self_pid, send, sleep
from ..trace import Pid, short
from .checks import Check, crash_text, exit_of, explain, failed_to_unpack, \
    function_scope, names_used, raising_call, spawn_learner, stale_pids, unmatched_pattern


def check_note_to_self(note_to_self: Callable) -> None:
    """note_to_self(text) sends text to the shell itself and returns what it receives."""
    with Check("note to self") as check:
        try:
            result = note_to_self("milk")
        except DeadlockError:
            check.fail(f"note_to_self('milk') {_why_stuck(note_to_self)}")
            return
        except BadArgument as error:
            check.fail(f"note_to_self('milk') {_why_refused(note_to_self, error)}")
            return
        except ValueError as error:
            if not failed_to_unpack(error) or not _shell_events("receive"):
                raise
            check.fail(f"note_to_self('milk') {explain(error)}. The note is the text itself, "
                       "'milk', not a (sender, message) pair: only a message sent as a pair "
                       "unpacks that way. Return what receive() gives: return receive()")
            return
        except NameError as error:
            check.fail(f"note_to_self('milk') {explain(error)}{_import_hint(error)}")
            return
        except ReceiveTimeout:
            if any(e.data["to"] == self_pid() for e in _shell_events("send")):
                raise           # it sent the note, then waited for something else: shown
            check.fail("note_to_self('milk') waited in receive(timeout=...) before it sent "
                       "the text, and gave up: the mailbox was empty, and nothing would "
                       "arrive. send first, then receive (and a timeout counts milliseconds: "
                       "timeout=1 is 1 ms)")
            return
        received = _shell_events("receive")
        left = process_info(self_pid())["messages"]
        sent = [e for e in _shell_events("send") if e.data["to"] == self_pid()]
        if result is None:
            check.fail("note_to_self('milk') returned None: " +
                       ("you received the note but did not return it: return receive()"
                        if received else "send(self_pid(), text), then return receive()"))
        elif result == "milk" and not sent and _sent_by_another():
            check.fail(f"note_to_self('milk') returned 'milk', but another process, "
                       f"{_sent_by_another()}, sent it: the exercise asks the shell to send the "
                       "note to itself. Send it from the shell, without spawn: "
                       "send(self_pid(), text), then return receive()")
        elif result == "milk" and not sent:
            check.fail("note_to_self('milk') returned 'milk', but nothing was sent to the "
                       "shell: the note never went through its mailbox. Send it, then "
                       "receive it: send(self_pid(), text), then return receive()")
        elif result == "milk" and not received:
            check.fail(f"note_to_self('milk') returned 'milk' without receiving it, and "
                       f"{short(left)} is still in the shell's mailbox: return receive(), "
                       "which takes it out")
        elif result == "milk" and left:
            check.fail(f"note_to_self('milk') returned 'milk', but {short(left)} is still in "
                       f"the shell's mailbox: {len(sent)} notes were sent to the shell and it "
                       "received one. Send the note once, so that receive() leaves the "
                       "mailbox empty")
        elif result == "milk" and "milk" not in [e.data["msg"] for e in sent] and \
                _wrapped(sent[0].data["msg"], "milk") and received:
            check.fail(f"note_to_self('milk') returned 'milk', but the note it sent itself was "
                       f"{short(sent[0].data['msg'])}: you wrapped the text in a tuple, and "
                       "unwrapped it again. The exercise sends the text alone, and returns "
                       "what receive() gives as it is: send(self_pid(), text), then return "
                       "receive()")
        elif result == "milk" and "milk" not in [e.data["msg"] for e in sent]:
            check.fail(f"note_to_self('milk') returned 'milk', but the note it sent itself was "
                       f"{short(sent[0].data['msg'])}: it returned its argument, and the text "
                       "never went through the mailbox. Send the text itself, then return "
                       "what receive() gives: send(self_pid(), text), then return receive()")
        elif check.expect(result == "milk", "note_to_self('milk') returned 'milk'",
                          f"note_to_self('milk') returned {short(result)}: " +
                          ("you sent the text wrapped in a tuple, as echo's messages carry "
                           "their sender; a note to yourself needs no sender. "
                           if _wrapped(result, "milk") else "") +
                          "send the text to self_pid(), then return what receive() gives"):
            for text in ("eggs", "tea"):
                other = note_to_self(text)
                if not check.expect(other == text, f"note_to_self({text!r}) returned {text!r}",
                                    f"note_to_self({text!r}) returned {short(other)}: send "
                                    "text, the argument, not a fixed string: "
                                    "send(self_pid(), text)"):
                    return


def _wrapped(message: Any, text: str) -> bool:
    """Whether `message` is a tuple that carries `text` among its items."""
    return type(message) is tuple and text in message


def _shell_events(kind: str) -> list:
    """The shell's events of `kind` ("send", "receive") in the check's trace."""
    return [e for e in current_node().trace.events if e.kind == kind and e.pid == self_pid()]


def _sent_by_another() -> str | None:
    """The pid of a process that sent the shell a message in the check's trace, as text,
    if one did; else None."""
    events = current_node().trace.events
    sender = next((e.pid for e in events if e.kind == "send" and e.data["to"] == self_pid()
                   and e.pid != self_pid()), None)
    if sender is None:
        return None
    return repr(sender)


def _why_refused(note_to_self: Callable, error: BadArgument) -> str:
    """Why send refused note_to_self's destination: a pid of an earlier node, self_pid
    without its parentheses, a name no process has (the shell has none), or the text."""
    destination = _send_destination(error)
    stale = _stale_name(note_to_self, destination)
    if stale:
        return (f"sends to the pid in {stale}: {_stale_origin(destination)}. Call self_pid() "
                "inside the function: send(self_pid(), text)")
    if destination is self_pid:
        return ("sends to self_pid, the function itself, not the pid it gives: call it, "
                "self_pid(), with the parentheses: send(self_pid(), text)")
    if isinstance(destination, str) and destination != "milk":
        return (f"sends to the name {destination!r}, but no process has that name: the shell "
                "has no name, only a pid, which self_pid() gives: send(self_pid(), text)")
    return (f"raised BadArgument: {str(error).rstrip('.')}. send(...) takes the destination "
            "first, then the message: send(self_pid(), text)")


def _why_stuck(note_to_self: Callable) -> str:
    """Why the shell waited in receive() for ever, read off what it did before: it had
    received its note already, sent it elsewhere, had a new process send it (to itself),
    or sent nothing yet; or its receive(...) pattern did not match the note in its mailbox."""
    unmatched = unmatched_pattern(self_pid(), "the shell's mailbox")
    if unmatched:
        return (f"sent the note, and {unmatched}, so it waited for ever. Use plain receive(), "
                "which takes any message: return receive()")
    received = _shell_events("receive")
    if received:
        return (f"received twice: the first receive() took {short(received[0].data['msg'])} "
                "out of the mailbox, and the second waited for a message that nobody will "
                "ever send. Receive once: return receive()")
    elsewhere = [e for e in _shell_events("send") if e.data["to"] != self_pid()]
    if elsewhere:
        return (f"sent {short(elsewhere[0].data['msg'])} to {elsewhere[0].data['to']!r}, "
                "another process, not to the shell, then waited in receive() for a message "
                "that never came. Send it to the shell's own pid: send(self_pid(), text)")
    to_itself = [e for e in current_node().trace.events
                 if e.kind == "send" and e.pid != self_pid() and e.data["to"] == e.pid]
    if to_itself:
        return (f"waited in receive() for ever: a process it spawned sent "
                f"{short(to_itself[0].data['msg'])} to itself (inside the function given to "
                "spawn, self_pid() is the new process's pid), so the note went to the new "
                "process, not the shell. Send from the shell: send(self_pid(), text), then "
                "return receive()")
    if "send" in names_used(note_to_self):
        return ("waited in receive() before it sent the text: the mailbox was empty and "
                "nothing would ever arrive. send first, then receive")
    return ("waited in receive() for a message, but you never sent it: nothing will ever "
            "arrive. send(self_pid(), text) first, then return receive()")


def _stale_name(function: Callable, destination: Any) -> str | None:
    """The name by which a function reached `destination`, send's refused destination,
    if it is a pid of an earlier node (see `stale_pids`); else None."""
    scope = function_scope(function) if hasattr(function, "__code__") else {}
    return next((name for name in stale_pids(function) if scope[name] is destination), None)


def _stale_origin(pid: Pid) -> str:
    """Where a pid of an earlier node came from (the shell's, from self_pid(), or another
    process's), and why it fails in a check."""
    origin = ("the shell's pid, which self_pid() gave in a cell above" if pid.number == 0
              else f"{pid!r}, another process's pid (not the shell's), from a cell above")
    return (f"{origin}, before the check ran. The check runs on a fresh node (it calls "
            "reset()), where that pid no longer exists")


def _import_hint(error: NameError) -> str:
    """For a name actorlab has but the notebook did not import (ANY): where it comes from."""
    if error.name == "ANY":
        return (". ANY comes from actorlab (from actorlab import ANY), for receive patterns, "
                "which notebook 01 teaches; here a plain receive() is enough: it takes the "
                "first message")
    if error.name in actorlab.__all__:
        return f". {error.name} comes from actorlab: from actorlab import {error.name}"
    return ""


def check_shout(shout: Callable) -> None:
    """shout() should send its message back in capitals: 'hi', then another text."""
    with Check("shout") as check:
        if check.refuse_blocking(shout, advice=". Here shout need not wait "
                                 "at all: answer at once, send(sender, message.upper())"):
            return
        for text in ("hi", "bye", "actor"):     # more words than an answer could list
            if not _shouts(check, shout, text):
                return


def _shouts(check: Check, shout: Callable, text: str) -> bool:
    """Spawn shout, send it (shell, text), and note whether text came back in capitals."""
    returned: list = []
    pid = spawn_learner(check, lambda: returned.append(shout()), label="shout")
    if pid is None:
        return False
    printed = io.StringIO()
    with redirect_stdout(printed):
        send(pid, (self_pid(), text))
        try:
            reply = receive(timeout=100)
        except ReceiveTimeout:
            reply = ReceiveTimeout
    if reply is ReceiveTimeout:
        check.fail(f"nothing came back for {text!r}: " +
                   _why_silent(shout, pid, returned, printed.getvalue()))
        return False
    if callable(reply):
        check.fail("the method itself came back, not its result: call it, "
                   "message.upper(), with the parentheses")
        return False
    if not check.expect(reply == text.upper(), f"{text!r} came back as {text.upper()!r}",
                        f"{short(reply)} came back for {text!r}; send message.upper(), "
                        f"which is {text.upper()!r}"):
        return False
    return _replied_once(check, pid, text)


def _replied_once(check: Check, pid: Any, text: str) -> bool:
    """Whether shout, once it has settled, sent the shell one reply for `text`, not more
    (a second one would wait in the shell's mailbox for a later receive())."""
    with redirect_stdout(io.StringIO()):
        sleep(100)
    replies = [e for e in current_node().trace.events
               if e.kind == "send" and e.pid == pid and e.data["to"] == self_pid()]
    if len(replies) > 1:
        check.fail(f"shout sent {len(replies)} replies for one message, {text!r}: the shell "
                   "received the first, and the rest stay in its mailbox, where a later "
                   "receive() would take them. Send once: send(sender, message.upper())")
        return False
    return True


def _why_silent(shout: Callable, pid: Any, returned: list, printed: str) -> str:
    """Why shout sent the shell nothing, read off its exit and its sends."""
    ended = exit_of(pid)
    if ended is not None and ended.data["crash"]:
        return _why_crashed(shout, ended)
    events = [e for e in current_node().trace.events if e.pid == pid]
    sends = [e for e in events if e.kind == "send"]
    if any(e.data["to"] == pid for e in sends):
        return (f"shout sent {short(sends[0].data['msg'])} to itself (inside shout, self_pid() "
                "is shout's own pid). Send it to sender, the pid that came with the message")
    unmatched = unmatched_pattern(pid, "its mailbox")
    if unmatched:
        return (f"shout waits in a receive whose pattern never matches the message it is "
                f"sent, (sender, text): {unmatched}. Take any message with plain receive(): "
                "sender, message = receive()")
    taken = [e for e in events if e.kind == "receive"]
    if ended is None and taken and events[-1].kind == "block" and events[-1].data["sleep"]:
        return ("shout took the message, then was still sleeping when the check stopped "
                "waiting for its answer: an answer that comes late is one nobody waits for. "
                "Answer at once, with no sleep(): send(sender, message.upper())")
    if ended is None and taken and events[-1].kind == "block" and not events[-1].data["sleep"]:
        return (f"shout took {short(taken[0].data['msg'])} with its first receive(), then "
                "waited in another receive() for a second message, which never comes. Receive "
                "once, then send(sender, message.upper())")
    if returned and returned[0] is not None:
        return (f"shout returned {short(returned[0])}, but what a process returns goes nowhere: "
                "send it, with send(sender, message.upper())")
    if printed:
        return (f"shout printed {printed.strip()!r}, which shows it, but nobody receives what "
                "is printed: send it, with send(sender, message.upper())")
    return "send(sender, message.upper()) sends the answer back to whoever asked"


def _why_crashed(shout: Callable, ended: Any) -> str:
    """How shout crashed, and what to change: send's arguments (a pid of an earlier node
    among them, or not two of them), the unpacking of the message, shout's parameters, a
    name to import; or only the crash, for another error."""
    reason = ended.data["reason"]
    destination = _send_destination(reason)
    where = f" (in {ended.data['where']})" if ended.data["where"] else ""
    stale = _stale_name(shout, destination)
    if stale:
        return (f"shout crashed at step {ended.step}{where}: send was given the pid in "
                f"{stale}: {_stale_origin(destination)}. Send to sender, the pid that "
                "came with the message: send(sender, message.upper())")
    if destination is not None:
        return (f"shout crashed at step {ended.step}{where}: send was given "
                f"{short(destination)} as its destination, which is not a pid. send takes "
                "the destination first: send(sender, message.upper())")
    crashed = f"shout {crash_text(ended)}"
    if isinstance(reason, NameError):
        return crashed + _import_hint(reason)
    if failed_to_unpack(reason) or (
            isinstance(reason, AttributeError) and not isinstance(reason.obj, str)):
        return (f"{crashed}. The message it receives is (sender, message): the shell's pid "
                "first, then the text")
    if _send_miscalled(reason):
        return (f"{crashed}. send takes two arguments, the destination and one message: "
                "send(sender, message.upper())")
    if isinstance(reason, TypeError) and _has_parameters(shout):
        return (f"{crashed}. shout is spawned with no arguments: the shell's pid and the text "
                "come in a message, sender, message = receive()")
    return crashed


def _send_miscalled(reason: Any) -> bool:
    """Whether `reason` is the TypeError of a call to send with other than two arguments
    (the destination and the message), read off the learner's call that raised it."""
    call = raising_call(reason, "send") if isinstance(reason, TypeError) else None
    return call is not None and (len(call.args) != 2 or bool(call.keywords))


def _has_parameters(function: Callable) -> bool:
    """Whether `function` has parameters that a call with no arguments leaves without a
    value (shout(sender, message), which spawn(shout) cannot call)."""
    try:
        parameters = inspect.signature(function).parameters.values()
    except (TypeError, ValueError):
        return False
    return any(p.default is p.empty and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD,
                                                   p.KEYWORD_ONLY) for p in parameters)


def _send_destination(reason: Any) -> Any:
    """What a crash's send was given as its destination, if the crash is send refusing it
    (BadArgument: not a pid, nor a name any process has); else None."""
    if not isinstance(reason, BadArgument):
        return None
    frames = traceback.walk_tb(reason.__traceback__)
    return next((frame.f_locals["dest"] for frame, _ in frames
                 if frame.f_code.co_name == "send" and "dest" in frame.f_locals), None)
