"""`send_after` timers: a message sent later, by a timer that belongs to nobody.

As Erlang's `erlang:send_after`: a name is looked up when the timer fires (if nobody has
it then, nothing is sent); a timer to a pid ends if that process exits first (at once if
it has exited already: `read_timer` gives False); the timer does not belong to whoever
set it, and fires after it has exited. The scheduler's heap
keeps the due time, like any other timer; the node's public methods (`send_after`,
`cancel_timer`, `read_timer`) check their arguments and call this part.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..trace import Pid, Ref

if TYPE_CHECKING:
    from .node import Node


class MessageTimer:
    """A timer set by `send_after`: when due, `message` goes to `dest` (a pid, or a name
    looked up then). `timer` is its entry in the scheduler's heap while it runs."""

    __slots__ = ("ref", "creator", "dest", "message", "ms", "timer")

    def __init__(self, ref: Ref, creator: Pid, dest: Pid | str, message: Any, ms: int) -> None:
        self.ref = ref
        self.creator = creator
        self.dest = dest
        self.message = message
        self.ms = ms
        self.timer: tuple | None = None


class MessageTimers:
    """The running `send_after` timers of one node, by ref number."""

    def __init__(self, node: Node) -> None:
        self.node = node
        self.running: dict[int, MessageTimer] = {}

    def start(self, creator: Pid, dest: Pid | str, message: Any, ms: int) -> Ref:
        node = self.node
        timer = MessageTimer(node.make_ref(), creator, dest, message, ms)
        to, name = (dest, None) if type(dest) is Pid else (None, dest)
        node.record("send_after", creator.number, to and to.number, message, ms,
                    timer.ref.number, name)
        if to is not None and to.number not in node.processes:
            return timer.ref        # ended at once, as when its process exits first
        node.scheduler.set_timer(timer, ms)
        self.running[timer.ref.number] = timer
        return timer.ref

    def fire(self, timer: MessageTimer) -> None:
        """The timer is due: its message goes to whoever `dest` is now."""
        node = self.node
        self._end(timer)
        dest = timer.dest
        target = node.processes.get(dest.number) if type(dest) is Pid else \
            node.names.whereis(dest)
        woke = target is not None and node.deliver(target, timer.message, node.trace.next_step)
        node.record("timer_fired", timer.creator.number, target and target.pid.number,
                    timer.message, target is not None, None if type(dest) is Pid else dest,
                    timer.ref.number, woke)

    def left(self, ref: Ref) -> float | bool:
        """The ms the timer `ref` has left, or False if it is not running."""
        timer = self.running.get(ref.number)
        return False if timer is None else timer.timer[0] - self.node.clock

    def cancel(self, ref: Ref) -> float | bool:
        """Stop the timer `ref`: the ms it had left, or False."""
        left = self.left(ref)
        if left is not False:
            self._end(self.running[ref.number])
        return left

    def end_to(self, pid: Pid) -> None:
        """`pid` exited: the timers aimed at it end too."""
        for timer in [t for t in self.running.values() if t.dest == pid]:
            self._end(timer)

    def _end(self, timer: MessageTimer) -> None:
        del self.running[timer.ref.number]
        timer.timer = None          # its heap entry is stale now
