"""The scheduler: which process runs next, and when virtual time moves.

One process runs at a time, in one thread: every process is a greenlet, and it runs until
it waits (in `receive` or `sleep`), steps aside, or ends. Then the scheduler picks the
next one, by three rules:

1. **Runnable processes first**, from the run queue. When several are runnable the
   policy chooses (the oldest, by default; see policies.py), and every choice is
   recorded, so any run can be replayed exactly: `node.schedule`.
2. **The shell last.** The notebook cell is a process too, the shell. After each of its
   actions (spawn, send, ...) it steps aside, and it runs again only when no other
   process can: whatever a cell sets off has happened, and printed, before the cell
   goes on. That is the one place this policy lives: `shell_steps_aside`.
3. **Then time.** When nothing can run, the clock jumps to the next timer and wakes
   the process it belongs to. With no timer either, nothing can ever happen again: the
   shell's wait ends with a `DeadlockError` instead of hanging.

The loop that applies these rules runs in a greenlet of its own, the *hub*. To save a
switch, a process that blocks while others are runnable hands the thread straight to
the next one; everything else (a process ending, timers, the shell, a deadlock, a
runaway) goes through the hub.

Timers are kept in a heap, ordered by when they are due, then by when they were set.
Virtual time makes ties that real time rarely has, and three rules settle them as the
BEAM would: among timers set at the same moment, a shell's receive comes first (on the
BEAM a shell's receive follows its send at once, before the processes it woke have
run), then the receives and sleeps of other processes, then `send_after` timers (on the
BEAM a receive's timeout beats a message timer due at the same time); and `run_for`
comes after everything due when it ends (it lets all of it happen).
"""
from __future__ import annotations

import heapq
import itertools
import math
import time
from collections import deque
from typing import TYPE_CHECKING, Any

from greenlet import GreenletExit, getcurrent, greenlet

from .errors import BadArgument, Exit, ScheduleError
from .policies import Fifo, StopRun, encode_schedule
from .process import EXITED, RUNNABLE, RUNNING, SUSPENDED, Process
from .watchdog import watchdog

if TYPE_CHECKING:
    from .node import Node

BUDGET_CHECK = 4096
"""Steps between two looks at the budget (reading the clock at every step costs too much)."""

REDUCTIONS = 1024
"""A process that makes this many runtime calls (sends, receives, and the others) without
waiting steps aside, as the BEAM counts "reductions": otherwise a process that keeps
finding messages (say, ones it sends itself), or polls, would never give the thread back,
and no budget could stop it."""


class Scheduler:
    """The run queue, the clock and timers, the hub, and the budget of one node.

    `node` is asked for what only it knows: the deadlock and runaway reports, and where
    trace events and crash reports go.
    """

    def __init__(self, node: Node, policy: Any, max_steps: int, max_seconds: float,
                 preemptive: bool = False) -> None:
        self.node = node
        self.policy = policy
        self.preemptive = preemptive            # stop before each visible operation
        self.fifo = type(policy) is Fifo and not preemptive   # the common case, faster
        self.choices: list[int] = []            # the pid chosen at each decision
        self.run_queue: deque[Process] = deque()
        self.clock: float = 0                   # virtual time, in ms
        self.timers: list[tuple] = []           # a heap of (due, set_at, rank, seq, process, ms)
        self._timer_seq = itertools.count()
        self.shell_greenlet = getcurrent()      # the greenlet of the cell that made the node
        self.shell: Process = None              # type: ignore[assignment]  (set by the node)
        self.current: Process = None            # type: ignore[assignment]  the running process
        self.hub = greenlet(self._loop, parent=self.shell_greenlet)
        self.doomed: list[Process] = []         # killed mid-run: greenlets to unwind
        self.interrupt: BaseException | None = None   # for the shell, at once
        self.shell_exit: Exit | None = None     # the shell was killed: tell it once all is idle
        self.stuck: Process | None = None       # the process the watchdog interrupted
        self.max_steps = max_steps
        self.max_seconds = max_seconds
        self.steps = 0                          # turns and reductions since the shell acted
        self.next_check = 0                     # when the hub must look (0: it has work now)
        self.budget_started = 0.0

    @property
    def schedule(self) -> str:
        """Every choice made so far, as text that `Node(schedule=...)` replays."""
        return encode_schedule(self.choices, self.preemptive)

    # -- the transitions of process.py ------------------------------------------------

    def make_runnable(self, proc: Process) -> None:
        """It can run (new, woken, or stepping aside): into the run queue, the shell apart."""
        proc.status = RUNNABLE
        if proc is not self.shell:
            self.run_queue.append(proc)

    def wake(self, proc: Process, timed_out: bool = False) -> None:
        """End `proc`'s wait: a message it wants arrived, or (`timed_out`) its timer fired."""
        proc.timer = None
        proc.timed_out = timed_out
        proc.status = RUNNABLE
        if proc is not self.shell:
            self.run_queue.append(proc)

    def forget(self, proc: Process) -> None:
        """`proc` has exited: drop it from the run queue, end its timer, unwind its greenlet."""
        if proc.status is RUNNABLE and proc is not self.shell:
            self.run_queue.remove(proc)
        proc.status = EXITED
        proc.timer = None
        if proc is not self.current and proc.greenlet and proc is not self.shell:
            self.doomed.append(proc)    # it stopped mid-run: its `finally` blocks run soon
            self.next_check = 0         # the hub unwinds it before anyone else runs

    def suspend_runnable(self) -> list[Process]:
        """Suspend every runnable process (after a runaway): they will not run again."""
        suspended = list(self.run_queue)
        self.run_queue.clear()
        for proc in suspended:
            proc.status = SUSPENDED
        return suspended

    def _run(self, proc: Process) -> None:
        """Give the thread to `proc` until it gives it back."""
        self.current = proc
        proc.status = RUNNING
        proc.turns += 1
        self.steps += 1
        proc.greenlet.switch()

    # -- a process gives the thread back ----------------------------------------------

    def preempt(self, proc: Process, operation: tuple) -> None:
        """In a preemptive node, `proc` stops before `operation` (a visible one: see
        explore/footprints.py), and the policy chooses who goes on: perhaps `proc`."""
        proc.pending = operation
        self.make_runnable(proc)
        self.switch_from(proc)

    def step_aside(self, proc: Process) -> None:
        """A process that has used its reductions lets the others run, then goes on."""
        if proc.status is RUNNING:      # not while a killed process unwinds
            self.make_runnable(proc)
            self.switch_from(proc)

    def switch_from(self, proc: Process) -> None:
        """The running `proc` stops (it waits, or steps aside): run the others until it
        can run again.

        In the common case (first come, first served, and nothing for the hub to do) the
        thread goes straight to the next runnable process, or to the shell if none is;
        everything else goes through the hub. The shell, resumed, raises what the hub has
        for it: a deadlock, a runaway, an interrupt, its own exit.
        """
        shell = self.shell
        if proc is shell:
            self._shell_leaves()
        queue = self.run_queue
        try:
            if self.fifo and self.steps < self.next_check and (
                    queue or (shell.status is RUNNABLE and proc is not shell)):
                if len(queue) > 1:
                    self.choices.append(queue[0].pid.number)
                runs = self.current = queue.popleft() if queue else shell   # as _run does
                runs.status = RUNNING
                runs.turns += 1
                self.steps += 1
                runs.greenlet.switch()
            else:
                self.hub.switch()
        except BaseException:
            if proc is shell:           # e.g. Ctrl-C hit the hub itself
                self._back_in_the_shell()
            raise
        if proc is shell:
            self._shell_returns()

    # -- the shell's side -------------------------------------------------------------

    def shell_steps_aside(self) -> None:
        """After an action of the shell, every other process runs until none can.

        This is the shell's policy (rule 2 above), and the only place it is applied.
        """
        self._check_thread()
        if self.run_queue or self.doomed or self.shell_exit is not None:
            self.make_runnable(self.shell)
            self.switch_from(self.shell)

    def _shell_leaves(self) -> None:
        """The shell gives up the thread: a fresh budget for what runs until it is back."""
        self._check_thread()
        self.steps = 0
        self.next_check = 0 if self.doomed else min(BUDGET_CHECK, self.max_steps)
        self.budget_started = time.perf_counter()
        watchdog.watch(self)

    def _shell_returns(self) -> None:
        """The shell runs again: raise what the hub has for it, if anything."""
        error, self.interrupt = self.interrupt, None
        if error is None:
            error, self.shell_exit = self.shell_exit, None
        if error is not None:
            self._back_in_the_shell()
            raise error

    def _back_in_the_shell(self) -> None:
        """The shell runs again, whatever it was waiting for."""
        shell = self.shell
        self.current = shell
        shell.status = RUNNING
        shell.timer = None
        if self.hub.dead:
            self.hub = greenlet(self._loop, parent=self.shell_greenlet)

    def _check_thread(self) -> None:
        # Another thread has its own greenlets: this catches threads too.
        if getcurrent() is not self.shell_greenlet:
            raise BadArgument("this node was made in another thread or greenlet; use "
                              "actorlab from the thread that called reset()")

    # -- the hub --------------------------------------------------------------------

    def _loop(self, *finished: Any) -> None:
        """The hub: forever, pick who runs next (rules 1-3) and run it.

        (A process whose greenlet ends returns here, its parent; what it returned, the
        `finished` arguments if it was the first to, is of no interest.)"""
        while True:
            if self.doomed:
                self._unwind_doomed()
            if self.steps >= self.next_check:
                self._check_budget()
            if self.interrupt is not None:
                proc = self.shell
            elif self.run_queue:
                proc = self._pick()
            else:
                proc = self._idle()
            if proc is not None:
                self._run(proc)

    def _pick(self) -> Process | None:
        """The policy's choice among the runnable processes (recorded when there was one)."""
        queue = self.run_queue
        try:
            index = self.policy.choose(queue) if len(queue) > 1 or not self.fifo else 0
        except ScheduleError as error:      # the shell hears of it; the node carries on
            self.interrupt = error
            self.policy, self.fifo = Fifo(), not self.preemptive
            return None
        except StopRun as stop:             # the policy ends the run: the shell hears of it
            self.interrupt = stop
            return None
        proc = queue[index]
        if len(queue) > 1:
            self.choices.append(proc.pid.number)
        del queue[index]
        return proc

    def _idle(self) -> Process | None:
        """Nothing else is runnable: the shell if it can run, else fire the next timers,
        else (the shell waits for what can never come) a deadlock."""
        shell = self.shell
        if self.preemptive:
            self.policy.idle()
        if shell.status is RUNNABLE:
            return shell
        if not self._fire_timers():
            self.interrupt = self.node.deadlock()
            return shell
        return None

    def _unwind_doomed(self) -> None:
        """Unwind the greenlets of processes killed mid-run (their `finally` blocks run)."""
        while self.doomed:
            proc = self.doomed.pop(0)
            if proc.greenlet:       # started and not finished
                self.current = proc
                proc.greenlet.throw(GreenletExit)

    def _check_budget(self) -> None:
        """Stop a shell action whose processes will not settle: the shell gets a
        RunawayError, and the processes about to run are suspended."""
        if self.steps >= self.max_steps:
            self.interrupt = self.node.runaway(f"{self.max_steps:,} steps")
        elif time.perf_counter() - self.budget_started > self.max_seconds:
            self.interrupt = self.node.runaway(f"{self.max_seconds:g} s")
        else:
            self.next_check = min(self.steps + BUDGET_CHECK, self.max_steps)

    # -- timers and the clock -------------------------------------------------------

    def set_timer(self, proc: Any, ms: float, *, last: bool = False) -> None:
        """Give `proc`'s wait (or a `send_after` timer) a timer due in `ms`; `last` orders
        it after every timer due at the same time (see the module docstring for ties)."""
        rank = 0 if proc is self.shell else 1 if type(proc) is Process else 2
        entry = (self.clock + ms, math.inf if last else self.clock, rank,
                 next(self._timer_seq), proc, ms)
        proc.timer = entry
        heapq.heappush(self.timers, entry)

    def _next_timer(self) -> tuple | None:
        """The next live timer; stale ones (their wait ended some other way) are dropped."""
        timers = self.timers
        while timers:
            entry = timers[0]
            if entry[4].timer is entry:
                return entry
            heapq.heappop(timers)
        return None

    def _fire_timers(self) -> bool:
        """Move the clock to the next timer and fire every timer due then, in order, up to
        the shell's (the shell runs after what those woke). False if there is no timer."""
        entry = self._next_timer()
        if entry is None:
            return False
        due = self.clock = entry[0]
        fired = False
        while entry is not None and entry[0] == due:
            proc = entry[4]
            if proc is self.shell and fired:
                break
            heapq.heappop(self.timers)
            self.node.timer_due(proc, entry[5])
            fired = True
            if proc is self.shell:
                break
            entry = self._next_timer()
        return True

    # -- the end -----------------------------------------------------------------------

    def close(self) -> None:
        """Unwind every process's greenlet and end the hub, quietly (what reset() does to
        the old node). A suspended greenlet keeps everything its frames refer to alive, and
        the garbage collector cannot see into it: without this, each old node would stay
        in memory for good."""
        self.run_queue.clear()
        self.timers.clear()
        if self.doomed:
            self.interrupt = GreenletExit()     # the hub unwinds them, then comes back
            self.hub.switch()
            self.interrupt = None
        if self.hub:                            # started and suspended: end it
            self.hub.throw(GreenletExit)
        watchdog.forget(self)
