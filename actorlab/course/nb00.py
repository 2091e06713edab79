"""Checks for notebook 00, start here.

>>> def shout():
...     sender, message = receive()
...     send(sender, message.upper())
>>> check_shout(shout)
✓ shout: all good
  ✓ 'hi' came back as 'HI'

A reply sent to `self_pid()` goes to shout's own mailbox, and the check says so:

>>> def to_itself():
...     sender, message = receive()
...     send(self_pid(), message.upper())
>>> check_shout(to_itself)
✗ shout: not yet
  ✗ nothing came back: shout sent 'HI' to itself (inside shout, self_pid() is shout's own pid). Send it to sender, the pid that came with the message
"""
from __future__ import annotations

import io
from contextlib import redirect_stdout
from typing import Any, Callable

from ..runtime import BadArgument, DeadlockError, ReceiveTimeout, current_node, process_info, \
    receive, self_pid, send
from ..trace import short
from .checks import Check, crash_text, exit_of, names_used, run_quietly, spawn_learner


def check_note_to_self(note_to_self: Callable) -> None:
    """note_to_self(text) sends text to the shell itself and returns what it receives."""
    with Check("note to self") as check:
        try:
            result = note_to_self("milk")
        except DeadlockError:
            if "send" in names_used(note_to_self):
                check.fail("note_to_self('milk') waited in receive() before it sent the text: "
                           "the mailbox was empty and nothing would ever arrive. send first, "
                           "then receive")
            else:
                check.fail("note_to_self('milk') waited in receive() for a message, but you "
                           "never sent it: nothing will ever arrive. send(self_pid(), text) "
                           "first, then return receive()")
            return
        except BadArgument as error:
            check.fail(f"note_to_self('milk') raised BadArgument: {error} send(...) takes the "
                       "destination first, then the message: send(self_pid(), text)")
            return
        received = any(e.kind == "receive" and e.pid == self_pid()
                       for e in current_node().trace.events)
        left = process_info(self_pid())["messages"]
        if result is None:
            check.fail("note_to_self('milk') returned None: " +
                       ("you received the note but did not return it: return receive()"
                        if received else "send(self_pid(), text), then return receive()"))
        elif result == "milk" and not received:
            check.fail(f"note_to_self('milk') returned 'milk' without receiving it, and "
                       f"{short(left)} is still in the shell's mailbox: return receive(), "
                       "which takes it out")
        else:
            check.expect(result == "milk", "note_to_self('milk') returned 'milk'",
                         f"note_to_self('milk') returned {short(result)}: send the text to "
                         "self_pid(), then return what receive() gives")


def check_shout(shout: Callable) -> None:
    """shout() should send its message back in capitals."""
    with Check("shout") as check:
        returned: list = []
        pid = spawn_learner(check, lambda: returned.append(shout()), label="shout")
        if pid is None:
            return
        printed = io.StringIO()
        with redirect_stdout(printed):
            send(pid, (self_pid(), "hi"))
            try:
                reply = receive(timeout=100)
            except ReceiveTimeout:
                reply = ReceiveTimeout
        if reply is ReceiveTimeout:
            check.fail("nothing came back: " + _why_silent(pid, returned, printed.getvalue()))
        elif callable(reply):
            check.fail("the method itself came back, not its result: call it, "
                       "message.upper(), with the parentheses")
        else:
            check.expect(reply == "HI", "'hi' came back as 'HI'",
                         f"{short(reply)} came back; send message.upper(), which is 'HI'")


def _why_silent(pid: Any, returned: list, printed: str) -> str:
    """Why shout sent the shell nothing, read off its exit and its sends."""
    ended = exit_of(pid)
    if ended is not None and ended.data["crash"]:
        return (f"shout {crash_text(ended)}. The message it receives is (sender, message): "
                "the shell's pid first, then the text")
    sends = [e for e in current_node().trace.events if e.kind == "send" and e.pid == pid]
    if any(e.data["to"] == pid for e in sends):
        return (f"shout sent {short(sends[0].data['msg'])} to itself (inside shout, self_pid() "
                "is shout's own pid). Send it to sender, the pid that came with the message")
    if returned and returned[0] is not None:
        return (f"shout returned {short(returned[0])}, but what a process returns goes nowhere: "
                "send it, with send(sender, message.upper())")
    if printed:
        return (f"shout printed {printed.strip()!r}, which shows it, but nobody receives what "
                "is printed: send it, with send(sender, message.upper())")
    return "send(sender, message.upper()) sends the answer back to whoever asked"
