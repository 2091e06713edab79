"""The watchdog: stops a process that holds the thread in plain Python.

Processes share one thread, and a process gives it back only in a runtime call (receive,
sleep, ...). One that calls `time.sleep(2)`, waits on a `threading.Lock`, asks for
`input()` or spins in a loop keeps it, and the notebook's kernel would freeze. So a
daemon thread looks in now and then: when the same process has held the thread for more
than its node's `max_seconds` without a runtime call, it interrupts the main thread
(`signal.pthread_kill` with SIGINT, which also wakes a blocked `time.sleep` or lock
acquire). The process then ends with a report that names it, the line it was on, and what
to use instead; the node and the kernel carry on.

It works only where it can: in the main thread (signals go there), on platforms with
`pthread_kill` (not Windows). Elsewhere `Node.watchdog` is False and a stuck process
needs Jupyter's interrupt button.
"""
from __future__ import annotations

import signal
import threading
import time
from typing import Any

INTERVAL = 0.05
"""Seconds between two looks."""


def available() -> bool:
    """True if the watchdog can interrupt the calling thread."""
    return (hasattr(signal, "pthread_kill")
            and threading.current_thread() is threading.main_thread())


class Watchdog:
    """One daemon thread, watching whichever node's scheduler last ran processes."""

    def __init__(self) -> None:
        self.scheduler: Any = None
        self.thread: threading.Thread | None = None

    def watch(self, scheduler: Any) -> None:
        """Watch `scheduler` from now on (called when the shell lets processes run)."""
        self.scheduler = scheduler
        if self.thread is None and scheduler.node.watchdog:
            self.thread = threading.Thread(target=self._look, name="actorlab watchdog",
                                           daemon=True)
            self.thread.start()

    def forget(self, scheduler: Any) -> None:
        """Stop watching `scheduler` (its node is closed)."""
        if self.scheduler is scheduler:
            self.scheduler = None

    def _look(self) -> None:
        main = threading.main_thread().ident
        seen: tuple = ()
        since = time.monotonic()
        while True:
            time.sleep(INTERVAL)
            scheduler = self.scheduler
            if scheduler is None:
                continue
            running = scheduler.current
            if running is scheduler.shell or not scheduler.node.watchdog:
                seen = ()
                continue
            # The same process, with no turn or reduction counted since: it is stuck.
            now = (scheduler, running, scheduler.steps, scheduler.budget_started)
            if now != seen:
                seen, since = now, time.monotonic()
            elif time.monotonic() - since > scheduler.max_seconds:
                scheduler.stuck = running
                since = time.monotonic()        # and again later, if it ignores this one
                signal.pthread_kill(main, signal.SIGINT)


watchdog = Watchdog()
