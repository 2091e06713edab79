"""The floor: the benchmark's ring on the smallest scheduler that can run it at all.

Each process is a greenlet with a mailbox, a blocked one waits for a message, and a run
queue holds who can run; nothing else: no pids, patterns, trace, timers, links, budget,
faults or checks. What a hop of the ring costs here is what any scheduler in this style
(greenlets, one thread, pure Python) must pay, so `bench.py` reports actorlab's hop
against it too. It is a measuring stick, not part of actorlab.

>>> ring(size=10, hops=10) > 0
True
"""
from __future__ import annotations

import time
from collections import deque

from greenlet import GreenletExit, getcurrent, greenlet


class Member:
    """A process of the floor: its greenlet, its mailbox, whether it waits."""

    __slots__ = ("greenlet", "mailbox", "waiting")

    def __init__(self) -> None:
        self.greenlet: greenlet | None = None
        self.mailbox: deque = deque()
        self.waiting = False


class Floor:
    """The run queue and the running member; `send` and `receive` are all there is."""

    def __init__(self) -> None:
        self.run_queue: deque[Member] = deque()
        self.current: Member | None = None
        self.main = getcurrent()

    def send(self, member: Member, message: object) -> None:
        member.mailbox.append(message)
        if member.waiting:
            member.waiting = False
            self.run_queue.append(member)

    def receive(self) -> object:
        me = self.current
        if not me.mailbox:             # wait: the next runnable member runs, or the main one
            me.waiting = True
            following = self.current = self.run_queue.popleft() if self.run_queue else None
            (following.greenlet if following else self.main).switch()
            self.current = me
        return me.mailbox.popleft()


def ring(size: int = 1_000, hops: int = 1_000) -> float:
    """Messages per second round a ring of `size` members, `hops` times round."""
    floor = Floor()

    def relay(me: Member) -> None:
        floor.current = me
        following = floor.receive()
        while True:
            token = floor.receive()
            if token == 0:
                floor.main.switch()
            else:
                floor.send(following, token - 1)

    members = [Member() for _ in range(size)]
    for index, member in enumerate(members):
        member.mailbox.append(members[(index + 1) % size])     # its neighbour, first
        member.greenlet = greenlet(relay)
        member.greenlet.switch(member)          # takes it, then waits for the token
    started = time.perf_counter()
    floor.send(members[0], size * hops)
    floor.current = floor.run_queue.popleft()
    floor.current.greenlet.switch()
    elapsed = time.perf_counter() - started
    for member in members:                                 # end the greenlets
        member.greenlet.throw(GreenletExit)
    return size * hops / elapsed
