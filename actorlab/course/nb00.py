"""Checks for notebook 00, start here.

>>> def shout():
...     sender, message = receive()
...     send(sender, message.upper())
>>> check_shout(shout)
✓ shout: all good
  ✓ 'hi' came back as 'HI'
"""
from __future__ import annotations

from typing import Callable

from ..runtime import ReceiveTimeout, receive, self_pid, send
from .checks import Check, run_quietly, spawn_learner


def check_note_to_self(note_to_self: Callable) -> None:
    """note_to_self(text) sends text to the shell itself and returns what it receives."""
    with Check("note to self") as check:
        ran, result = run_quietly(check, "note_to_self('milk')", lambda: note_to_self("milk"))
        if ran:
            check.expect(result == "milk", "note_to_self('milk') returned 'milk'",
                         f"note_to_self('milk') returned {result!r}: send the text to "
                         "self_pid(), then return what receive() gives")


def check_shout(shout: Callable) -> None:
    """shout() should send its message back in capitals."""
    with Check("shout") as check:
        pid = spawn_learner(check, shout, label="shout")
        if pid is None:
            return
        send(pid, (self_pid(), "hi"))
        try:
            reply = receive(timeout=100)
        except ReceiveTimeout:
            check.fail("nothing came back: send message.upper() to sender")
            return
        check.expect(reply == "HI", "'hi' came back as 'HI'",
                     f"{reply!r} came back; send message.upper(), which is 'HI'")
