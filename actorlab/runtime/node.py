"""The node: a little world of processes, with one deterministic scheduler.

How it works, in one paragraph. Every process is a greenlet. The notebook cell (or test)
that calls into the node is the *shell*, itself a process with a pid and a mailbox. When
the shell does something (spawn, send, receive, ...), the node runs the scheduler loop,
`_run_until_idle`, in the shell's own greenlet: it takes the oldest runnable process off
`run_queue` and switches to it; the process runs until it blocks in `receive` (or ends),
which switches back to the loop. When nothing is runnable the node is *idle*: the loop
returns to the shell. If the shell is waiting, virtual time jumps to the next timer; if
there is no timer either, nothing can ever happen again and the shell gets a
`DeadlockError` instead of hanging.

Because the run queue is FIFO and time is virtual, the same program always gives the same
interleaving, pids and trace. `Node(seed=...)` picks from the run queue at random instead,
reproducibly, to explore other interleavings.

>>> node = Node(log=None)
>>> pid = node.spawn(lambda: node.send(node.receive()[0], "pong"))
>>> node.send(pid, (node.self_pid(), "ping"))
(#PID<0.0.0>, 'ping')
>>> node.receive()
'pong'
"""
from __future__ import annotations

import heapq
import itertools
import math
import random
import time
from collections import deque
from typing import Any, Callable

from greenlet import GreenletExit, getcurrent, greenlet

from ..trace import DEFAULT_LIMIT, Pid, Ref, Trace, callable_name, describe_pattern, short
from .errors import BadArgument, Exit, ReceiveTimeout, RunawayError
from . import reports
from .names import Names
from .patterns import check_pattern, matches
from .process import Process
from .signals import Signals

_NOTHING = object()           # "no message matched": messages themselves may be None
_serials = itertools.count(1)  # each node's serial number, stamped on its pids and refs


class Node(Signals, Names):
    """An isolated world of processes: its own pids, clock, names, trace and scheduler.

    Options: `seed` (None: FIFO scheduling; an int: a reproducible random order),
    `trace` (record events), `trace_limit` (events kept before recording stops),
    `max_steps` and `max_seconds` (the budget one shell action may use before a
    `RunawayError`), `log` (where crash reports and warnings go; None silences them).
    """

    def __init__(self, *, seed: int | None = None, trace: bool = True,
                 trace_limit: int = DEFAULT_LIMIT, max_steps: int = 5_000_000,
                 max_seconds: float = 10.0, log: Callable[[str], None] | None = print) -> None:
        _check_count("trace_limit", trace_limit)
        _check_count("max_steps", max_steps)
        _check_duration("max_seconds", max_seconds, allow_none=False)
        self.serial = next(_serials)
        self.seed = seed
        self.random = None if seed is None else random.Random(seed)
        self.output = log                      # where reports go (the `log()` method writes)
        self.trace = Trace(enabled=trace, limit=trace_limit, on_full=self._trace_full,
                           node=self.serial)
        self.max_steps = max_steps
        self.max_seconds = max_seconds
        self.clock: float = 0                  # virtual time, in ms
        self.processes: dict[int, Process] = {}  # live processes by pid number
        self.names: dict[str, Process] = {}
        self.aliases: set[int] = set()         # the numbers of the active aliases
        self.named_monitors: dict[Ref, tuple[str, str]] = {}  # by name: what DOWN says
        self.run_queue: deque[Process] = deque()
        # (when, seq, process, wait token, timeout): a heap, so the next timer is timers[0]
        self.timers: list[tuple[float, int, Process, int, float]] = []
        self.doomed: list[Process] = []        # killed while suspended: greenlets to unwind
        self.current: Process | None = None    # the process running now; None: the shell
        self.hub = getcurrent()                # the greenlet the shell (and the loop) runs in
        self._pids = itertools.count(0)
        self._refs = itertools.count(1)
        self._timer_seq = itertools.count()
        self._shell_exit: Exit | None = None   # set when the shell was killed by a signal
        self._budget_steps = 0                 # runs and reductions in this shell action
        self._budget_next_check = 0
        self._budget_started = 0.0
        self.shell = self._new_shell()

    def __repr__(self) -> str:
        return (f"<Node {len(self.processes)} processes, {self.clock:g} ms, "
                f"{len(self.trace)} events>")

    # -- processes ---------------------------------------------------------------

    def _new_pid(self) -> Pid:
        return Pid(next(self._pids), self.serial)

    def _new_shell(self) -> Process:
        shell = Process(self._new_pid(), None, (), "shell")
        self.processes[shell.pid.number] = shell
        return shell

    def spawn(self, fn: Callable, *args: Any, label: str | None = None) -> Pid:
        """Start a process running `fn(*args)` and return its pid.

        `label` names it in reports and diagrams (default: the function's name).

        >>> node = Node(log=None)
        >>> node.spawn(print, "hello from a process")
        hello from a process
        #PID<0.1.0>
        """
        return self._spawn(fn, args, label, link=False, monitor=False)[0]

    def spawn_link(self, fn: Callable, *args: Any, label: str | None = None) -> Pid:
        """`spawn`, linked to the caller before the new process runs."""
        return self._spawn(fn, args, label, link=True, monitor=False)[0]

    def spawn_monitor(self, fn: Callable, *args: Any,
                      label: str | None = None) -> tuple[Pid, Ref]:
        """`spawn`, monitored by the caller before the new process runs: `(pid, ref)`."""
        return self._spawn(fn, args, label, link=False, monitor=True)

    def _spawn(self, fn: Callable, args: tuple, label: str | None, *,
               link: bool, monitor: bool) -> tuple[Pid, Any]:
        if not callable(fn):
            raise BadArgument(f"spawn needs a function to run, but got {short(fn)} "
                              f"({type(fn).__name__}). Pass the function itself, without "
                              "calling it: spawn(worker, 1), not spawn(worker(1)).")
        if label is not None and not isinstance(label, str):
            raise BadArgument(f"a process label must be a string, not {short(label)}")
        parent = self._caller()
        fn_name = callable_name(fn)
        proc = Process(self._new_pid(), fn, args, label or fn_name)
        proc.greenlet = greenlet(self._body, parent=self.hub)
        self.processes[proc.pid.number] = proc
        if self.trace.enabled:
            self.trace.record(self.clock, "spawn", parent.pid.number,
                              proc.pid.number, fn_name, args, label, link)
        if link:
            self._add_link(parent, proc)
        ref = self._add_monitor(parent, proc) if monitor else None
        self.run_queue.append(proc)
        self._settle()
        return proc.pid, ref

    def _body(self) -> None:
        """What every process greenlet runs: the initial call, then a proper exit."""
        proc = self.current
        try:
            proc.fn(*proc.args)
        except GreenletExit:
            return                  # killed while suspended: already terminated, just unwind
        except Exit as exit_:       # exit(reason), or a GenServer ending on an exception
            self._terminate(proc, exit_.reason, crash=isinstance(exit_.reason, BaseException))
        except Exception as error:
            where = reports.where(error)
            step = len(self.trace) + 1 if self.trace.enabled else None
            self._report(reports.crash_report(proc, error, where, self.clock, step))
            self._terminate(proc, error, where, crash=True)
        else:
            self._terminate(proc, "normal")

    def self_pid(self) -> Pid:
        """The pid of the process calling it (the shell's pid in a notebook cell)."""
        return self._caller().pid

    def _caller(self) -> Process:
        return self.current or self.shell

    def is_alive(self, pid: Pid) -> bool:
        """True while the process runs or waits; False once it has exited."""
        self._check_pid(pid)
        return pid.number in self.processes

    def make_ref(self) -> Ref:
        """A new reference, unique in this node: `#Ref<0.N>`."""
        return Ref(next(self._refs), self.serial)

    def alias(self) -> Ref:
        """A new ref that is also an *alias* of the caller: `send(alias, msg)` reaches the
        caller until `unalias(alias)`; after that, such messages are dropped.

        This is how a call discards a reply that comes after it gave up waiting (OTP 24+).

        >>> node = Node(log=None)
        >>> a = node.alias()
        >>> _ = node.send(a, "via the alias"); node.receive(timeout=0)
        'via the alias'
        >>> node.unalias(a)
        True
        >>> _ = node.send(a, "dropped"); node.receive(timeout=0)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        actorlab.runtime.errors.ReceiveTimeout: no message matching any message is in ...
        """
        ref = self._new_alias()
        if self.trace.enabled:
            self.trace.record(self.clock, "alias", ref.owner.number, ref.number)
        return ref

    def _new_alias(self) -> Ref:
        ref = Ref(next(self._refs), self.serial, self._caller().pid)
        self.aliases.add(ref.number)
        return ref

    def unalias(self, ref: Ref) -> bool:
        """Deactivate an alias the caller made; True if it was active."""
        self._alias_owner(ref)
        me = self._caller()
        if ref.owner != me.pid or ref.number not in self.aliases:
            return False
        self.aliases.discard(ref.number)
        if self.trace.enabled:
            self.trace.record(self.clock, "unalias", me.pid.number, ref.number)
        return True

    def _alias_owner(self, ref: Any) -> Pid:
        if type(ref) is not Ref or ref.owner is None:
            raise BadArgument(f"{short(ref)} is not an alias: send to a pid, a registered "
                              "name, or a ref made by alias() or monitor(pid, alias=True)")
        if ref.node != self.serial:
            self._check_pid(ref.owner)
        return ref.owner

    def processes_alive(self) -> list[Pid]:
        """The pids of every live process, shell included, oldest first."""
        return [proc.pid for proc in self.processes.values()]

    def process_info(self, pid: Pid) -> dict[str, Any] | None:
        """What a live process is doing, like Erlang's `process_info`; None if it is dead.

        Keys: name, label, status ("running", "runnable" or "waiting"), waiting_for (a
        pattern description), messages (its mailbox), links, monitors, trap_exit.
        """
        self._check_pid(pid)
        proc = self.processes.get(pid.number)
        if proc is None:
            return None
        if proc.waiting:
            status = "waiting"
        elif proc is self._caller():
            status = "running"
        else:
            status = "runnable"
        return {"name": proc.name, "label": proc.label, "status": status,
                "waiting_for": describe_pattern(proc.pattern) if proc.waiting else None,
                "messages": [message for message, _ in proc.mailbox],
                "links": list(proc.links), "monitors": list(proc.monitoring.values()),
                "trap_exit": proc.trap_exit}

    # -- sending -----------------------------------------------------------------

    def send(self, dest: Pid | str, message: Any) -> Any:
        """Put `message` in the mailbox of `dest` (a pid, a registered name or an alias).

        Returns the message. Sending never blocks and never fails for a pid: a message to a
        dead process, or to an alias no longer active, is dropped (the trace shows it).
        Sending to a name nobody registered raises.
        """
        alias = name = None
        if type(dest) is Pid:
            if dest.node != self.serial:
                self._check_pid(dest)
            target = self.processes.get(dest.number)
            to = dest
        elif type(dest) is Ref:
            to, alias = self._alias_owner(dest), dest.number
            target = self.processes.get(to.number) if alias in self.aliases else None
        else:
            target, name = self._by_name(dest, "send"), dest
            to = target.pid
        sent = None
        if self.trace.enabled:
            sent = self.trace.record(self.clock, "send", (self.current or self.shell).pid.number,
                                     to.number, message, target is not None, name, alias)
        if target is not None:
            self._deliver(target, message, sent)
        if self.current is None:
            self._settle()
        else:
            self._count_reduction()
        return message

    def _deliver(self, proc: Process, message: Any, sent: int | None) -> None:
        """Append to a mailbox, and wake the owner if it waits for such a message.

        Every message, from `send`, an exit signal or a monitor, arrives through here:
        `sent` is the step of the event that sent it.
        """
        proc.mailbox.append((message, sent))
        if proc.waiting and (proc.pattern is None or matches(proc.pattern, message)):
            proc.waiting = False
            if proc is not self.shell:
                self.run_queue.append(proc)

    # -- receiving ---------------------------------------------------------------

    def receive(self, pattern: Any = None, *, timeout: float | None = None,
                waiting_for: Pid | None = None) -> Any:
        """Take the oldest message matching `pattern` out of the mailbox, waiting if needed.

        Messages that do not match stay where they are. `timeout` (ms of virtual time)
        raises `ReceiveTimeout` when nothing matching arrives in time; `timeout=0` only
        looks. `waiting_for` names the pid whose reply this is (for calls); it lets the
        node report call cycles. When omitted and the pattern holds a ref, the node
        works it out from the trace: the pid that ref was last sent to.

        >>> from actorlab import ANY, Node
        >>> node = Node(log=None)
        >>> _ = node.send(node.self_pid(), ("b", 2)); _ = node.send(node.self_pid(), ("a", 1))
        >>> node.receive(("a", ANY))
        ('a', 1)
        """
        if pattern is not None:
            check_pattern(pattern)
        if timeout is not None:
            _check_duration("timeout", timeout)
        proc = self.current
        if proc is None:
            return self._shell_receive(pattern, timeout, waiting_for)
        if not proc.alive:
            raise GreenletExit      # a killed process unwinding: it may not wait again
        message = self._take(proc, pattern)
        if message is not _NOTHING:
            self._count_reduction()
            return message
        if timeout == 0:
            raise ReceiveTimeout(f"no message matching {describe_pattern(pattern)} (timeout 0)")
        self._block(proc, pattern, timeout, waiting_for)
        self.hub.switch()           # back to the scheduler until a message or a timer wakes us
        if proc.timed_out:
            raise ReceiveTimeout(f"no message matching {describe_pattern(pattern)} "
                                 f"arrived within {timeout:g} ms")
        return self._take(proc, pattern)

    def _take(self, proc: Process, pattern: Any) -> Any:
        """Remove and return the oldest message matching `pattern`, or `_NOTHING`."""
        mailbox = proc.mailbox
        if pattern is None:
            if not mailbox:
                return _NOTHING
            message, sent = mailbox.popleft()
        else:
            for index, (message, sent) in enumerate(mailbox):
                if matches(pattern, message):
                    del mailbox[index]
                    break
            else:
                return _NOTHING
        proc.last_message = message
        if self.trace.enabled:
            self.trace.record(self.clock, "receive", proc.pid.number, message, sent)
        return message

    def _block(self, proc: Process, pattern: Any, timeout: float | None,
               waiting_for: Pid | None, sleep: float | None = None) -> None:
        """Mark `proc` as waiting for `pattern`, with a timer if it has a timeout."""
        proc.waiting = True
        proc.pattern = pattern
        proc.timed_out = False
        proc.wait_token += 1
        if timeout is not None and proc is not self.shell:  # the shell's wait has its own deadline
            heapq.heappush(self.timers, (self.clock + timeout, next(self._timer_seq),
                                         proc, proc.wait_token, timeout))
        if self.trace.enabled:
            if waiting_for is None and pattern is not None:
                waiting_for = reports.infer_waiting_for(self.trace, proc.pid, pattern)
            self.trace.record(self.clock, "block", proc.pid.number,
                              None if sleep is not None else pattern, timeout,
                              waiting_for and waiting_for.number, sleep)
        proc.waiting_for = waiting_for
        if waiting_for is not None:
            self._check_cycle(proc)

    def _check_cycle(self, proc: Process) -> None:
        """Warn (and trace) when `proc` closes a cycle of processes waiting for each other."""
        cycle = reports.find_cycle(proc, self.processes)
        if cycle is None:
            return
        if self.trace.enabled:
            self.trace.record(self.clock, "cycle", proc.pid.number,
                              tuple(p.pid.number for p in cycle))
        self._report(reports.cycle_warning(cycle, self.clock))

    def sleep(self, ms: float) -> None:
        """Wait `ms` of virtual time (the shell's sleep is `run_for`)."""
        _check_duration("sleep", ms)
        proc = self.current
        if proc is None:
            self.run_for(ms)
            return
        if not proc.alive:
            raise GreenletExit
        self._block(proc, _never, ms, None, sleep=ms)
        self.hub.switch()

    # -- the scheduler -----------------------------------------------------------

    def _run_until_idle(self) -> None:
        """Run processes, one at a time, until none is runnable at the current time."""
        run_queue = self.run_queue
        while True:
            if self.doomed:
                self._unwind_doomed()
            if not run_queue:
                return
            proc = run_queue.popleft() if self.random is None else self._pick_at_random()
            if not proc.alive:
                continue            # killed while it waited for its turn
            self._budget_steps += 1
            if self._budget_steps >= self._budget_next_check:
                self._check_budget()
            proc.runs += 1
            self.current = proc
            try:
                proc.greenlet.switch()
            except BaseException as interrupt:  # KeyboardInterrupt (or SystemExit) in a process
                self.current = None
                self._interrupted(proc, interrupt)
                raise
            self.current = None

    def _count_reduction(self) -> None:
        """Count a send or receive that did not block; every 1024, let others run.

        Without this, a process that keeps finding messages (say, ones it sends itself)
        would never give the scheduler back, and no budget could stop it. The BEAM does
        the same, counting "reductions". It is deterministic: it depends on counts only.
        """
        self._budget_steps += 1
        if self._budget_steps & 1023 == 0:
            self.run_queue.append(self.current)
            self.hub.switch()

    def _pick_at_random(self) -> Process:
        index = self.random.randrange(len(self.run_queue))
        self.run_queue.rotate(-index)
        proc = self.run_queue.popleft()
        self.run_queue.rotate(index)
        return proc

    def _unwind_doomed(self) -> None:
        """Unwind the greenlets of processes killed while suspended (their `finally`s run now)."""
        while self.doomed:
            proc = self.doomed.pop(0)
            if proc.greenlet:       # started and not finished
                self.current = proc
                try:
                    proc.greenlet.throw(GreenletExit)
                finally:
                    self.current = None

    def _check_budget(self) -> None:
        """Stop a shell action whose processes will not settle.

        Called every 4096 steps or so (reading the clock at every step would cost too much).
        """
        if self._budget_steps >= self.max_steps:
            raise RunawayError(reports.runaway_message(self, f"{self.max_steps:,} steps"))
        if time.perf_counter() - self._budget_started > self.max_seconds:
            raise RunawayError(reports.runaway_message(self, f"{self.max_seconds:g} s"))
        self._budget_next_check = min(self._budget_steps + 4096, self.max_steps)

    def _start_budget(self) -> None:
        self._budget_steps = 0
        self._budget_next_check = min(4096, self.max_steps)
        self._budget_started = time.perf_counter()

    def _settle(self) -> None:
        """End every runtime action: run what it made runnable, or end a killed caller.

        In a process nothing runs (the process goes on until it blocks), but if the action
        set off a signal that killed the process itself, it ends here. In the shell, every
        other process runs until none can, and a shell killed meanwhile is reported.
        """
        proc = self.current
        if proc is not None:
            if not proc.alive:
                raise GreenletExit  # user code does not catch this: the process just ends
            return
        self._enter_shell()
        self._run_until_idle()
        self._raise_shell_exit()

    def _enter_shell(self) -> None:
        # Another thread has its own greenlets: the check below catches threads too.
        if getcurrent() is not self.hub:
            raise BadArgument("this node was made in another thread or greenlet; use "
                              "actorlab from the thread that called reset()")
        self._start_budget()

    def _shell_wait(self, ready: Callable[[], bool], deadline: float | None,
                    receiving: bool = False) -> bool:
        """Let the node run, advancing virtual time, until `ready()` or `deadline`.

        Returns False if the deadline came first. Raises `DeadlockError` if nothing is
        runnable, no timer is pending and `ready()` is still false. `receiving` says the
        shell waits in `receive` (which settles ties with the processes' timers).
        """
        self._enter_shell()
        began = self.clock
        while True:
            self._run_until_idle()
            self._raise_shell_exit()
            if ready():
                return True
            when = self._next_timer()
            # At a tie, timers that the processes set at the moment the shell began to wait
            # for a message (woken by the shell's own send, say) come after the shell's
            # deadline: on the BEAM its receive follows its send at once, before they run.
            # `run_for` is not a receive: it lets everything due by its end happen.
            tie = receiving and deadline is not None and when == deadline
            if deadline is not None and (when is None or when > deadline or
                                         (tie and self._set_at(self.timers[0]) >= began)):
                self.clock = max(self.clock, deadline)
                return False
            if when is None:
                raise reports.deadlock_error(self)
            self._fire_timers(when, set_before=began if tie else None)

    def _next_timer(self) -> float | None:
        """When the next live timer fires; stale timers (their wait ended) are dropped."""
        timers = self.timers
        while timers:
            when, _, proc, token, _ = timers[0]
            if proc.alive and proc.waiting and proc.wait_token == token:
                return when
            heapq.heappop(timers)
        return None

    def _fire_timers(self, when: float, set_before: float | None = None) -> None:
        """Advance the clock to `when` and wake every process whose timer is due then
        (only those set before `set_before`, if given: the oldest come first in the heap)."""
        self.clock = when
        while self._next_timer() == when and (set_before is None or
                                              self._set_at(self.timers[0]) < set_before):
            _, _, proc, _, timeout = heapq.heappop(self.timers)
            proc.waiting = False
            proc.timed_out = True
            if self.trace.enabled:
                self.trace.record(self.clock, "timeout", proc.pid.number, timeout)
            self.run_queue.append(proc)

    @staticmethod
    def _set_at(timer: tuple) -> float:
        """When a timer was set: its due time less its timeout."""
        when, _, _, _, timeout = timer
        return when - timeout

    def now(self) -> float:
        """The node's virtual time, in ms since it started."""
        return self.clock

    def run_for(self, ms: float) -> None:
        """Shell only: let the node run for `ms` of virtual time, firing timers on the way."""
        _check_duration("run_for", ms)
        self._shell_only("run_for", "sleep(ms)")
        self._shell_wait(lambda: False, self.clock + ms)

    def _shell_only(self, what: str, instead: str) -> None:
        if self.current is not None:
            raise BadArgument(f"{what} is for the shell (a notebook cell); inside a process "
                              f"use {instead}")

    def _shell_receive(self, pattern: Any, timeout: float | None,
                       waiting_for: Pid | None) -> Any:
        shell = self.shell
        message = self._take(shell, pattern)
        if message is not _NOTHING:
            return message
        if timeout == 0:
            raise ReceiveTimeout(f"no message matching {describe_pattern(pattern)} "
                                 "is in the shell's mailbox")
        self._block(shell, pattern, timeout, waiting_for)
        deadline = None if timeout is None else self.clock + timeout
        try:
            arrived = self._shell_wait(lambda: not shell.waiting, deadline, receiving=True)
        finally:
            shell.waiting = False
        if not arrived:
            if self.trace.enabled:
                self.trace.record(self.clock, "timeout", shell.pid.number, timeout)
            raise ReceiveTimeout(f"no message matching {describe_pattern(pattern)} "
                                 f"arrived within {timeout:g} ms")
        return self._take(shell, pattern)

    # -- notes, checks and shutdown ---------------------------------------------------

    def log(self, text: str) -> None:
        """Print `text` where crash reports go (the node's `log`, stdout by default).

        For libraries built on the runtime, like Elixir's Logger: a GenServer's
        "terminating" report goes through here, so it shows in the cell that caused it.
        """
        self._report(str(text))

    def note(self, text: str, data: Any = None) -> None:
        """Write a note into the trace, from the calling process (shown in diagrams).

        `data` is any term for programs that read the trace back (the supervisors note
        each child they start, so views can draw the supervision tree).
        """
        if self.trace.enabled:
            self.trace.record(self.clock, "note", self._caller().pid.number, str(text), data)

    def _check_pid(self, pid: Any) -> None:
        if type(pid) is not Pid:
            raise BadArgument(f"expected a pid, got {short(pid)} ({type(pid).__name__})")
        if pid.node != self.serial:
            where = "a saved trace" if pid.node is None else "an earlier node (before reset())"
            raise BadArgument(f"{pid!r} comes from {where}, not from this node: pids do not "
                              "survive reset(). Spawn the process again and use its new pid.")

    def _report(self, text: str) -> None:
        if self.output is not None:
            self.output(text)

    def _trace_full(self, limit: int) -> None:
        self._report(f"[trace] the trace reached its limit of {limit:,} events at "
                     f"{self.clock:g} ms; recording stopped. Use reset(trace_limit=...) for "
                     "more, or reset(trace=False) for big runs.")

    def close(self) -> None:
        """End every process quietly (no signals, no reports): what reset() does to the old node."""
        for proc in list(self.processes.values()):
            proc.alive = False
            if proc.greenlet:
                self.doomed.append(proc)
        self.processes.clear()
        self.names.clear()
        self.run_queue.clear()
        self.timers.clear()
        self._unwind_doomed()


def _never(message: Any) -> bool:
    """The pattern of sleep(): no message ends it, only its timer."""
    return False


def _check_duration(what: str, value: Any, allow_none: bool = True) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise BadArgument(f"{what} must be a number of milliseconds"
                          f"{' or None' if allow_none else ''}, not {short(value)}")
    if math.isnan(value) or value < 0 or math.isinf(value):
        raise BadArgument(f"{what} must be 0 or more milliseconds, not {value!r}"
                          + (" (use None to wait forever)" if allow_none else ""))


def _check_count(what: str, value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise BadArgument(f"{what} must be a whole number of at least 1, not {short(value)}")
