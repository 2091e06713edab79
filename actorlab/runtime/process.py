"""A process: a greenlet plus a mailbox, and the bookkeeping the scheduler needs.

The node owns every `Process`; user code only ever holds its `Pid`. Nothing here runs
anything: the scheduler in node.py reads and writes these fields.
"""
from __future__ import annotations

from collections import deque
from typing import Any

from ..trace import Pid, Ref


class Process:
    """The runtime's record of one process (the shell has one too, without a greenlet)."""

    __slots__ = (
        "pid", "label", "fn", "args", "greenlet", "mailbox",
        "waiting", "pattern", "waiting_for", "wait_token", "timed_out",
        "links", "monitored_by", "monitoring", "trap_exit",
        "alive", "exit_reason", "name", "last_message", "runs",
    )

    def __init__(self, pid: Pid, fn: Any, args: tuple, label: str) -> None:
        self.pid = pid
        self.label = label                  # what people call it: "shell", "counter", ...
        self.fn = fn                        # the initial call, for crash reports
        self.args = args
        self.greenlet: Any = None           # None for the shell, which runs in the notebook cell
        # Messages not yet received, oldest first, as (message, step of its send) pairs.
        self.mailbox: deque[tuple[Any, int | None]] = deque()
        # While blocked in receive: what it accepts, and whose reply it expects (for calls).
        self.waiting = False
        self.pattern: Any = None
        self.waiting_for: Pid | None = None
        self.wait_token = 0                 # bumped at each wait, so a stale timer is ignored
        self.timed_out = False
        # Links are symmetric; monitors point one way, so each side keeps its half.
        self.links: dict[Pid, None] = {}    # an insertion-ordered set, for a fixed signal order
        self.monitored_by: dict[Ref, Pid] = {}
        self.monitoring: dict[Ref, Pid] = {}
        self.trap_exit = False
        self.alive = True
        self.exit_reason: Any = None
        self.name: str | None = None        # its registered name
        self.last_message: Any = None       # the last message it received, for crash reports
        self.runs = 0                       # how many times the scheduler ran it

    def __repr__(self) -> str:
        return f"{self.pid!r} ({self.display_name})"

    @property
    def display_name(self) -> str:
        """Its registered name if it has one, else its label."""
        return self.name or self.label
