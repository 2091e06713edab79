"""A process: a greenlet plus a mailbox, and the one `status` the scheduler keeps.

The node owns every `Process`; user code only ever holds its `Pid`. Nothing here runs
anything: the scheduler (scheduler.py) and the node (node.py) read and write these fields.

A process is always in exactly one of four states, and each change has one place:

    RUNNABLE --run--> RUNNING --block--> WAITING --wake--> RUNNABLE
                         \\--step aside--> RUNNABLE
    any --exit--> EXITED          RUNNABLE --runaway--> SUSPENDED

* RUNNABLE: it could run; it is in the run queue (the shell never is: it runs when
  nothing else can, see scheduler.py).
* RUNNING: the one process running now. The shell is RUNNING while a notebook cell runs.
* WAITING: blocked in `receive` (on `pattern`, perhaps with a `timer`) or in `sleep`.
* EXITED: it has ended with `exit_reason`; nothing refers to it any more but the trace.
* SUSPENDED: it was about to run when its node stopped a runaway (see
  `Scheduler._check_budget`): alive, with its mailbox, but it will not run again, as
  after Erlang's `erlang:suspend_process/1`. Only an exit signal can still end it.
"""
from __future__ import annotations

from collections import deque
from typing import Any

from ..trace import Pid, Ref

RUNNABLE = "runnable"
RUNNING = "running"
WAITING = "waiting"
EXITED = "exited"
SUSPENDED = "suspended"

MAX_CALL_REFS = 64
"""Refs a process remembers sending (see `sent_refs`); the oldest are forgotten first."""


def asleep(message: Any) -> bool:
    """The pattern of a process in `sleep`: no message ends its wait, only its timer (or,
    in `sleep("infinity")`, an exit signal)."""
    return False


class Process:
    """The runtime's record of one process, the shell included."""

    __slots__ = (
        "pid", "label", "fn", "args", "greenlet", "status", "pending", "mailbox",
        "pattern", "waiting_for", "timer", "timed_out", "sent_refs",
        "links", "monitored_by", "monitoring", "trap_exit",
        "exit_reason", "name", "last_message", "turns",
    )

    def __init__(self, pid: Pid, fn: Any, args: tuple, label: str) -> None:
        self.pid = pid
        self.label = label                  # what people call it: "shell", "counter", ...
        self.fn = fn                        # the initial call, for crash reports
        self.args = args
        self.greenlet: Any = None           # the shell's is the notebook's own greenlet
        self.status = RUNNABLE
        self.pending: tuple = ("start",)    # in a preemptive node: what it does next
        # Messages not yet received, oldest first, as (message, step of its send) pairs.
        self.mailbox: deque[tuple[Any, int | None]] = deque()
        # While WAITING: what it accepts, whose reply it expects (for calls), and its timer.
        self.pattern: Any = None
        self.waiting_for: Pid | None = None
        self.timer: tuple | None = None     # the live timer of its wait, if it has one
        self.timed_out = False              # how its last wait ended: the timer, not a message
        # Call intent: each ref it sent inside a message, and to whom. A later receive on
        # that ref waits for that process's reply: what deadlock reports and cycles name.
        self.sent_refs: dict[Ref, Pid] = {}
        # Links are symmetric; monitors point one way, so each side keeps its half.
        self.links: dict[Pid, None] = {}    # an insertion-ordered set, for a fixed signal order
        self.monitored_by: dict[Ref, Pid] = {}
        self.monitoring: dict[Ref, Pid] = {}
        self.trap_exit = False
        self.exit_reason: Any = None
        self.name: str | None = None        # its registered name
        self.last_message: Any = None       # the last message it received, for crash reports
        self.turns = 0                      # how many times the scheduler gave it the thread

    def __repr__(self) -> str:
        return f"{self.pid!r} ({self.display_name})"

    @property
    def display_name(self) -> str:
        """Its registered name if it has one, else its label."""
        return self.name or self.label

    def remember_refs(self, refs: list[Ref], to: Pid) -> None:
        """Note that this process sent `refs` to `to` (bounded: old refs are forgotten)."""
        sent = self.sent_refs
        for ref in refs:
            sent.pop(ref, None)             # re-sent: now the newest
            sent[ref] = to
        while len(sent) > MAX_CALL_REFS:
            del sent[next(iter(sent))]

