"""actorlab's exceptions.

In Jupyter each of them shows as a short message that says what happened and what to
look at, plus the line of your cell that raised it: not forty lines of scheduler internals
(IPython calls `_render_traceback_` when an exception has one).
"""
from __future__ import annotations

import linecache
import os
import sysconfig
from typing import Any, Callable

from ..trace import short

_PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_LIBRARY_DIRS = tuple({os.path.abspath(sysconfig.get_paths()[key])
                       for key in ("stdlib", "platstdlib", "purelib", "platlib")})


class ActorlabError(Exception):
    """Base class of actorlab's errors."""

    def _render_traceback_(self) -> list[str]:
        lines = [f"{type(self).__name__}: {self}"]
        where = _caller_line(self.__traceback__)
        if where:
            lines.append(where)
        return lines


def user_traceback(tb: Any, own_code_only: bool = False) -> Any:
    """The innermost entry of traceback `tb` whose code is outside actorlab, if any;
    with `own_code_only`, outside Python's libraries and installed packages too (so the
    learner's line that called `time.sleep`, not a line of the kernel's machinery)."""
    found = None
    while tb is not None:
        path = os.path.abspath(tb.tb_frame.f_code.co_filename)
        if not path.startswith(_PACKAGE_DIR) and not (own_code_only and
                                                      path.startswith(_LIBRARY_DIRS)):
            found = tb
        tb = tb.tb_next
    return found


def user_frame(tb: Any, own_code_only: bool = False) -> tuple[str, int, str] | None:
    """(function, line, code) of `user_traceback(tb, own_code_only)`, if there is one.

    File names are left out on purpose: in a notebook they are temporary paths.
    """
    found = user_traceback(tb, own_code_only)
    if found is None:
        return None
    code = found.tb_frame.f_code
    return code.co_name, found.tb_lineno, linecache.getline(code.co_filename,
                                                            found.tb_lineno).strip()


def _caller_line(tb: Any) -> str | None:
    """`  in call(), at line N: <code>`, the learner's line that raised, for short
    tracebacks (a cell's own lines are just `  at line N: <code>`)."""
    frame = user_frame(tb)
    if frame is None:
        return None
    function, line, text = frame
    return f"  {place_of(function)}at line {line}" + (f": {text}" if text else "")


def place_of(function: str) -> str:
    """How a report names the function a line is in: "in call(), ", "in a lambda, ", or
    nothing for a cell's own lines (Python calls them `<module>`)."""
    if function == "<module>":
        return ""
    return "in a lambda, " if function == "<lambda>" else f"in {function}(), "


class BadArgument(ActorlabError, TypeError, ValueError):
    """A runtime function was given something it cannot use. The node is unchanged.

    It is both a TypeError and a ValueError, so either `except` catches it. `reason` is
    the Erlang error reason where OTP raises one other than badarg (a receive timeout that
    is not a whole number: "timeout_value"), else None.
    """

    def __init__(self, message: str, reason: str | None = None) -> None:
        super().__init__(message)
        self.reason = reason


class PatternError(BadArgument):
    """A receive pattern is malformed, or its predicate raised while testing a message."""


class Exit(ActorlabError):
    """A process exit. Raising `Exit(reason)` (what `exit(reason)` does) ends the current process.

    Like Erlang's exit exceptions it can be caught: `except Exit as e: e.reason`.
    `GenServer.call` raises it when the call times out or the server is dead.
    """

    def __init__(self, reason: Any, message: str | None = None,
                 on_uncaught: Callable[[], str | None] | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.message = message
        self.on_uncaught = on_uncaught    # the shell's exit(reason): end the shell if uncaught

    def __str__(self) -> str:
        return self.message or f"** (exit) {short(self.reason, 200)}"

    def _render_traceback_(self) -> list[str]:
        # IPython calls this only for an exception that left the cell: nobody caught it.
        if self.on_uncaught is not None:
            told, self.on_uncaught = self.on_uncaught(), None
            self.message = told or self.message
        lines = [str(self)]
        where = _caller_line(self.__traceback__)
        return lines + [where] if where else lines


class ErlangError(ActorlabError):
    """An Erlang *error* (not an exit) with its reason, which any `except` can catch: what
    OTP raises where a call cannot do its job, e.g. `link` to a dead process ("noproc").
    Elixir shows it as `** (ErlangError) Erlang error: :noproc`."""

    def __init__(self, reason: Any, message: str) -> None:
        super().__init__(message)
        self.reason = reason


class ReceiveTimeout(ActorlabError):
    """`receive(..., timeout=ms)` found no matching message in time."""


class DeadlockError(ActorlabError):
    """The shell waits, nothing can run and no timer is pending: nothing will ever wake it.

    `waiting` maps every waiting pid to what it waits for; `cycle` is the cycle of
    processes waiting for each other, if there is one.
    """

    def __init__(self, message: str, waiting: dict, cycle: list) -> None:
        super().__init__(message)
        self.waiting = waiting
        self.cycle = cycle


class RunawayError(ActorlabError):
    """The processes kept running past the node's step or wall-time budget without settling."""


class ScheduleError(ActorlabError):
    """A recorded schedule does not fit the program replaying it (the code changed)."""
