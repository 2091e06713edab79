"""The node: a little world of processes, and every runtime operation on it.

How it works, in one paragraph. Every process is a greenlet with a mailbox, and one runs
at a time. The notebook cell (or test) that calls into the node is itself a process, the
*shell*, with a pid and a mailbox. A process runs until it waits in `receive` (or
`sleep`); the scheduler (scheduler.py) then runs the next runnable one. The shell, after
each of its actions, lets every other process run until none can, so what a cell sets off
has happened when the cell goes on. When nothing can run, virtual time jumps to the next
timer; if there is none and the shell waits, nothing can ever happen again, and the shell
gets a `DeadlockError` instead of hanging.

Every runtime operation is a method here, written in three steps: check the arguments
(a bad one raises `BadArgument` and changes nothing), do the operation and record it in
the trace, then end the action (`_acted`: the shell steps aside; a process goes on).
Links, monitors and exits are carried out by `signals.py`, names by `names.py`.

Because the run queue is first come, first served and time is virtual, the same program
always gives the same interleaving, pids and trace. `Node(seed=...)` chooses among
runnable processes at random instead, reproducibly; `node.schedule` records the choices
of any run, and `Node(schedule=...)` replays them.

>>> node = Node(log=None)
>>> pid = node.spawn(lambda: node.send(node.receive()[0], "pong"))
>>> node.send(pid, (node.self_pid(), "ping"))
(#PID<0.0.0>, 'ping')
>>> node.receive()
'pong'
"""
from __future__ import annotations

import itertools
import math
from functools import partial
from typing import Any, Callable

from greenlet import GreenletExit, greenlet

from ..trace import DEFAULT_LIMIT, Pid, Ref, Trace, callable_name, describe_pattern, short
from ..trace.protocol import CONTAINERS, refs_in
from . import faults as fault_plan
from . import reports, watchdog
from .errors import BadArgument, ErlangError, Exit, PatternError, ReceiveTimeout
from .names import NODE_NAME, NameTable, check_name
from .patterns import check_pattern, matches
from .policies import Policy, policy_for
from .process import EXITED, RUNNING, WAITING, Process, asleep
from .scheduler import REDUCTIONS, Scheduler
from .signals import Signals, alias_mode
from .timers import MessageTimer, MessageTimers

_NOTHING = object()           # "no message matched": messages themselves may be None
_serials = itertools.count(1)  # each node's serial number, stamped on its pids and refs


class Node:
    """An isolated world of processes: its own pids, clock, names, trace and scheduler.

    Options: `seed` (None: first come, first served; an int: a reproducible random
    order), `schedule` (replay the choices of a recorded run, `node.schedule`), `trace`
    (record events), `trace_limit` (events kept before recording stops), `max_steps` and
    `max_seconds` (the budget one shell action may use before a `RunawayError`; also how
    long one process may hold the thread before the watchdog stops it), `log` (where
    crash reports and warnings go; None silences them). For `explore()`: `policy` (a
    scheduling policy object, see policies.py) and `preemptive` (every process stops
    before each visible operation; a schedule recorded so, "p:...", implies it).
    `faults`: faults to inject (see faults.py: kill, drop, delay, partition).
    """

    def __init__(self, *, seed: int | None = None, schedule: str | None = None,
                 trace: bool = True, trace_limit: int = DEFAULT_LIMIT,
                 max_steps: int = 5_000_000, max_seconds: float = 10.0,
                 log: Callable[[str], None] | None = print, policy: Policy | None = None,
                 preemptive: bool = False, faults: Any = None) -> None:
        _check_count("trace_limit", trace_limit)
        _check_count("max_steps", max_steps)
        _check_seconds("max_seconds", max_seconds)
        self.serial = next(_serials)
        self.seed = seed
        self.output = log                      # where reports go (the `log()` method writes)
        self.trace = Trace(enabled=trace, limit=trace_limit, on_full=self._trace_full,
                           node=self.serial)
        self.processes: dict[int, Process] = {}  # live processes by pid number
        self.names = NameTable()
        self.aliases: dict[int, str] = {}      # active aliases: number -> how it ends
        self.signals = Signals(self)
        self.message_timers = MessageTimers(self)
        policy = policy or policy_for(seed, schedule)
        preemptive = preemptive or getattr(policy, "preemptive", False)
        self.scheduler = Scheduler(self, policy, max_steps, max_seconds, preemptive)
        self.watchdog = watchdog.available()   # see watchdog.py
        self._pids = itertools.count(0)
        self._refs = itertools.count(1)
        self.shell: Process = self.new_shell(running=True)
        self.faults = fault_plan.injector(faults, seed)
        if self.faults is not None:
            fault_plan.start(self)

    def __repr__(self) -> str:
        return (f"<Node {len(self.processes)} processes, {self.clock:g} ms, "
                f"{len(self.trace)} events>")

    @property
    def clock(self) -> float:
        """Virtual time, in ms since the node started."""
        return self.scheduler.clock

    @property
    def current(self) -> Process:
        """The process running now (the shell's, while a cell runs)."""
        return self.scheduler.current

    @property
    def schedule(self) -> str:
        """Every scheduling choice so far, as text: `Node(schedule=...)` replays the run.

        >>> node = Node(log=None)
        >>> for letter in "ab":
        ...     _ = node.spawn(print, letter, label=letter)
        a
        b
        >>> node.schedule       # each process ran alone: there was nothing to choose
        ''
        """
        return self.scheduler.schedule

    # -- processes ---------------------------------------------------------------------

    def new_shell(self, running: bool) -> Process:
        """A shell process, at the start or when the last one was killed (like iex's)."""
        scheduler = self.scheduler
        shell = Process(Pid(next(self._pids), self.serial), None, (), "shell")
        shell.greenlet = scheduler.shell_greenlet
        shell.status = RUNNING if running else shell.status
        self.processes[shell.pid.number] = shell
        self.shell = scheduler.shell = shell
        if running:
            scheduler.current = shell
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
        parent = self._visible("spawn")
        fn_name = callable_name(fn)
        proc = Process(Pid(next(self._pids), self.serial), fn, args, label or fn_name)
        proc.greenlet = greenlet(self._body, parent=self.scheduler.hub)
        self.processes[proc.pid.number] = proc
        self.scheduler.make_runnable(proc)
        if self.faults is not None:
            fault_plan.spawned(self, parent, proc)
        self.record("spawn", parent.pid.number, proc.pid.number, fn_name, args, label, link)
        if link:
            self.signals.add_link(parent, proc)
        ref = self.make_ref() if monitor else None
        if ref is not None:
            self.signals.monitor(parent, proc, proc.pid, ref)      # traced, as monitor() is
        self._acted(parent)
        return proc.pid, ref

    def _body(self) -> None:
        """What every process greenlet runs: the initial call, then a proper exit."""
        scheduler = self.scheduler
        proc = scheduler.current
        crashed: Exception | None = None
        try:
            proc.fn(*proc.args)
            reason: Any = "normal"
        except GreenletExit:
            return                  # killed mid-run: already terminated, just unwind
        except Exit as exit_:       # exit(reason), or a GenServer ending on an exception
            reason = exit_.reason
        except Exception as error:
            reason = crashed = error
        except BaseException as interrupt:  # Ctrl-C, or the watchdog, while it ran
            self._interrupted(proc, interrupt)
            return
        if proc.status is EXITED:   # killed, and its code caught the GreenletExit: it has
            return                  # already ended, with the kill's reason
        if scheduler.preemptive:
            scheduler.preempt(proc, ("end", reason))    # its end is visible to others too
        if crashed is not None:
            where = reports.where(crashed)
            step = self.trace.next_step
            self._report(reports.crash_report(proc, crashed, where, self.clock, step))
            self.signals.terminate(proc, crashed, where, crash=True)
        else:
            self.signals.terminate(proc, reason, crash=isinstance(reason, BaseException))

    def _acted(self, me: Process) -> None:
        """End a runtime action: the shell steps aside so the others run (the shell's
        rule); a process goes on, unless the action's signals killed it."""
        if me.greenlet is self.scheduler.shell_greenlet:
            self.scheduler.shell_steps_aside()
        elif me.status is EXITED:
            raise GreenletExit      # user code does not catch this: the process just ends

    def _visible(self, *operation: Any) -> Process:
        """The caller, about to do a visible `operation`: in a preemptive node a process
        stops here and the policy chooses who goes on (see explore/footprints.py).

        A process killed while it ran, whose code caught the kill (a bare `except:`) or is
        in a `finally` block, acts on nothing: on the BEAM it would run no more code. And
        each operation is a reduction, so a process that polls (`while is_alive(pid)`)
        steps aside now and then, as one that sends does."""
        scheduler = self.scheduler
        me = scheduler.current
        if me is not scheduler.shell:
            if me.status is EXITED:
                raise GreenletExit
            if scheduler.preemptive:
                scheduler.preempt(me, operation)
            scheduler.steps += 1
            if scheduler.steps % REDUCTIONS == 0:
                scheduler.step_aside(me)
        return me

    def self_pid(self) -> Pid:
        """The pid of the process calling it (the shell's pid in a notebook cell)."""
        return self.scheduler.current.pid

    def is_alive(self, pid: Pid) -> bool:
        """True while the process runs or waits; False once it has exited."""
        self._check_pid(pid)
        self._visible("is_alive", pid)
        return pid.number in self.processes

    def make_ref(self) -> Ref:
        """A new reference, unique in this node: `#Ref<0.N>`."""
        return Ref(next(self._refs), self.serial)

    def alias(self, *options: Any) -> Ref:
        """A new ref that is also an *alias* of the caller: `send(alias, msg)` reaches the
        caller until `unalias(alias)`; after that, such messages are dropped. (Erlang's
        `alias([reply])`, which ends with the first message, has no counterpart: the
        options are refused.)

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
        if options:
            raise BadArgument(f"alias() takes no options here, not {short(options[0])}: an "
                              "alias lives until unalias(ref). For one that a reply ends, "
                              "use monitor(pid, alias=\"reply_demonitor\")")
        self._visible("alias")
        ref = self._new_alias("explicit_unalias")
        self.record("alias", ref.owner.number, ref.number)
        return ref

    def _new_alias(self, mode: str) -> Ref:
        """A ref that is an alias of the caller; `mode` says how it ends (signals.py)."""
        ref = Ref(next(self._refs), self.serial, self.scheduler.current.pid)
        self.aliases[ref.number] = mode
        return ref

    def unalias(self, ref: Ref) -> bool:
        """Deactivate an alias the caller made; True if it was active."""
        self._alias_owner(ref, "unalias")
        me = self._visible("unalias", ref)
        if ref.owner != me.pid or ref.number not in self.aliases:
            return False
        del self.aliases[ref.number]
        self.record("unalias", me.pid.number, ref.number)
        return True

    def _alias_owner(self, ref: Any, action: str) -> Pid:
        """The process an alias stands for; anything else is refused, in words that fit
        `action` ("send" or "unalias")."""
        if type(ref) is not Ref or ref.owner is None:
            if action == "send":
                raise BadArgument(f"send: {short(ref)} is a ref, not an address: send to a pid "
                                  "or a registered name (a ref is an address only when "
                                  "alias() or monitor(pid, alias=True) made it)")
            raise BadArgument(f"{action}: {short(ref)} is not an alias: {action} takes a ref "
                              "made by alias() or monitor(pid, alias=True)")
        if ref.node != self.serial:
            self._check_pid(ref.owner)
        return ref.owner

    def processes_alive(self) -> list[Pid]:
        """The pids of every live process, shell included, oldest first."""
        return [proc.pid for proc in self.processes.values()]

    def process_info(self, pid: Pid) -> dict[str, Any] | None:
        """What a live process is doing, like Erlang's `process_info`; None if it is dead.

        Keys: name, label, status ("running", "runnable", "waiting" or, after a runaway,
        "suspended"), waiting_for (the pattern of the receive it waits in, described;
        else None), sleeping (whether it waits in `sleep`, which no message ends),
        messages (its mailbox), links, monitors, trap_exit.
        """
        self._check_pid(pid)
        self._visible("process_info", pid)
        proc = self.processes.get(pid.number)
        if proc is None:
            return None
        waiting = proc.status is WAITING
        sleeping = waiting and proc.pattern is asleep
        return {"name": proc.name, "label": proc.label, "status": proc.status,
                "waiting_for": describe_pattern(proc.pattern) if waiting and not sleeping
                else None,
                "sleeping": sleeping,
                "messages": [message for message, _ in proc.mailbox],
                "links": list(proc.links), "monitors": list(proc.monitoring.values()),
                "trap_exit": proc.trap_exit}

    # -- sending -----------------------------------------------------------------------

    def send(self, dest: Pid | str, message: Any) -> Any:
        """Put `message` in the mailbox of `dest` (a pid, a registered name or an alias).

        Returns the message. Sending never blocks and never fails for a pid: a message to a
        dead process, or to an alias no longer active, is dropped (the trace shows it).
        Sending to a name nobody registered raises.
        """
        scheduler = self.scheduler
        me = scheduler.current
        if me.status is EXITED:
            raise GreenletExit      # killed, in a `finally` or a bare `except:` (see _visible)
        if scheduler.preemptive and me is not scheduler.shell:
            scheduler.preempt(me, ("send", dest, message))
        alias = name = None
        if type(dest) is Pid:
            if dest.node != self.serial:
                self._check_pid(dest)
            target = self.processes.get(dest.number)
            to = dest
        elif type(dest) is Ref:
            to, alias = self._alias_owner(dest, "send"), dest.number
            target = self.processes.get(to.number) if alias in self.aliases else None
            if target is not None and self.faults is None:    # it arrives now
                self.signals.reply_received(target, alias)
        else:
            target, name = self._by_name(dest)
            to = target.pid if target is not None else None
        if type(message) in CONTAINERS and to is not None:
            refs = refs_in(message)
            if refs:
                me.remember_refs(refs, to)
        trace = self.trace
        if self.faults is not None and target is not None:
            fault_plan.send(self, me, target, message, name, alias)
        elif not trace.enabled:
            if target is not None:
                self.deliver(target, message, None)
        else:
            woke = target is not None and self.deliver(target, message, trace.next_step)
            trace.record((scheduler.clock, "send", me.pid.number, to and to.number, message,
                          target is not None, name, alias, woke))
        if me is scheduler.shell:
            scheduler.shell_steps_aside()
        else:
            scheduler.steps += 1
            if scheduler.steps % REDUCTIONS == 0:
                scheduler.step_aside(me)
        return message

    def _by_name(self, dest: Any) -> tuple[Process | None, str]:
        """Whom a send to a name reaches. A bare name nobody has is an error, as in Erlang;
        `(name, node)` for a name nobody has, or for another node, reaches nobody."""
        if type(dest) is tuple and len(dest) == 2 and isinstance(dest[1], str):
            if dest[1] != NODE_NAME:
                return None, short(dest)       # no other node to reach: dropped, as in Erlang
            name = check_name(dest, "send", on_this_node=True)
            return self.names.whereis(name), name
        name = check_name(dest, "send")
        return self.names.lookup(name, "send"), name

    def deliver(self, proc: Process, message: Any, sent: int | None) -> bool:
        """Append to a mailbox, and wake the owner if it waits for such a message.

        Every message, from `send`, an exit signal or a monitor, arrives through here:
        `sent` is the step of the event that sends it. Returns True if it woke the owner.
        """
        proc.mailbox.append((message, sent))
        if proc.status is WAITING and (proc.pattern is None or self._wants(proc, message)):
            self.scheduler.wake(proc)
            return True
        return False

    def _wants(self, proc: Process, message: Any) -> bool:
        """Whether the waiting `proc`'s pattern takes `message`, judged as `proc` would: a
        predicate in it that calls self_pid() gets `proc`'s pid, not the sender's. One that
        raises wakes `proc`, so that its receive raises in its own process."""
        scheduler = self.scheduler
        sender, scheduler.current = scheduler.current, proc
        try:
            return matches(proc.pattern, message)
        except PatternError:
            return True
        finally:
            scheduler.current = sender

    # -- receiving ---------------------------------------------------------------------

    def receive(self, pattern: Any = None, *, timeout: int | None = None,
                waiting_for: Pid | None = None) -> Any:
        """Take the oldest message matching `pattern` out of the mailbox, waiting if needed.

        Messages that do not match stay where they are. `timeout` (ms of virtual time)
        raises `ReceiveTimeout` when nothing matching arrives in time; `timeout=0` only
        looks. `waiting_for` names the pid whose reply this is (for calls); it lets the
        node report call cycles. When omitted and the pattern holds a ref, the node
        works it out: the pid this process last sent that ref to.

        >>> from actorlab import ANY, Node
        >>> node = Node(log=None)
        >>> _ = node.send(node.self_pid(), ("b", 2)); _ = node.send(node.self_pid(), ("a", 1))
        >>> node.receive(("a", ANY))
        ('a', 1)
        """
        if pattern is not None:
            check_pattern(pattern)
        if type(timeout) is str and timeout == "infinity":
            timeout = None          # Erlang's `after infinity`: wait forever, as None does
        if timeout is not None:
            _check_ms("timeout", "receive(..., timeout={})", timeout, forever=True,
                      reason="timeout_value")
        scheduler = self.scheduler
        proc = scheduler.current
        if proc.status is EXITED:
            raise GreenletExit      # a killed process unwinding: it may not wait again
        if scheduler.preemptive and proc is not scheduler.shell:
            scheduler.preempt(proc, ("receive", pattern, timeout))
        message = self._take(proc, pattern) if proc.mailbox else _NOTHING
        if message is _NOTHING:
            if timeout == 0:
                if proc is not scheduler.shell:     # a reduction: a polling loop steps aside
                    scheduler.steps += 1
                    if scheduler.steps % REDUCTIONS == 0:
                        scheduler.step_aside(proc)
                where = "is in the shell's mailbox" if proc is scheduler.shell else "(timeout 0)"
                raise ReceiveTimeout(f"no message matching {describe_pattern(pattern)} {where}")
            self._block(proc, pattern, timeout, waiting_for)
            scheduler.switch_from(proc)     # the others run until a message or timer wakes it
            if proc.timed_out:
                raise ReceiveTimeout(f"no message matching {describe_pattern(pattern)} "
                                     f"arrived within {timeout:g} ms")
            message = self._take(proc, pattern)
        elif proc is not scheduler.shell:
            scheduler.steps += 1
            if scheduler.steps % REDUCTIONS == 0:
                scheduler.step_aside(proc)
        if pattern is not None and proc.sent_refs:
            for ref in refs_in(pattern):    # its reply has come: no longer a call in flight
                proc.sent_refs.pop(ref, None)
        if self.faults is not None and fault_plan.after_take(self, proc, message):
            self._acted(proc)               # a fault ended it: it goes no further
        return message

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
            self.trace.record((self.scheduler.clock, "receive", proc.pid.number, message, sent))
        return message

    def _block(self, proc: Process, pattern: Any, timeout: float | None,
               waiting_for: Pid | None, sleep: float | None = None) -> None:
        """Mark `proc` as waiting for `pattern`, with a timer if it has a timeout."""
        if waiting_for is None and pattern is not None and proc.sent_refs:
            waiting_for = next((proc.sent_refs[ref] for ref in refs_in(pattern)
                                if ref in proc.sent_refs), None)
        proc.status = WAITING
        proc.pattern = pattern
        proc.waiting_for = waiting_for
        if timeout is not None:
            last = sleep is not None and proc is self.shell    # run_for: see scheduler.py
            self.scheduler.set_timer(proc, timeout, last=last)
        if self.trace.enabled:
            self.trace.record((self.scheduler.clock, "block", proc.pid.number,
                               None if sleep is not None else pattern, timeout,
                               waiting_for and waiting_for.number, sleep))
        if waiting_for is not None:
            self._check_cycle(proc)

    def _check_cycle(self, proc: Process) -> None:
        """Warn (and trace) when `proc` closes a cycle of processes waiting for each other."""
        cycle = reports.find_cycle(proc, self.processes)
        if cycle is None:
            return
        self.record("cycle", proc.pid.number, tuple(p.pid.number for p in cycle))
        self._report(reports.cycle_warning(cycle, self.clock))

    # -- time --------------------------------------------------------------------------

    def sleep(self, ms: int | str) -> str:
        """Wait `ms` of virtual time (in the shell, the same as `run_for(ms)`); "ok", as
        Elixir's Process.sleep answers. `sleep("infinity")` never ends, as
        `Process.sleep(:infinity)`: a process that only has to stay alive (to hold a name,
        say) waits like that; only an exit signal ends it."""
        forever = type(ms) is str and ms == "infinity"
        if not forever:
            _check_ms("sleep's time", "sleep({})", ms, infinity=True)
        proc = self.scheduler.current
        if proc.status is EXITED:
            raise GreenletExit
        self._block(proc, asleep, None if forever else ms, None, sleep=ms)
        self.scheduler.switch_from(proc)
        return "ok"

    def run_for(self, ms: int) -> None:
        """Shell only: let the node run for `ms` of virtual time, firing timers on the way.

        Everything due by its end happens within it.
        """
        _check_ms("run_for's time", "run_for({})", ms)
        if self.scheduler.current is not self.shell:
            raise BadArgument("run_for is for the shell (a notebook cell); inside a process "
                              "use sleep(ms)")
        self.sleep(ms)
        return None

    def now(self) -> float:
        """The node's virtual time, in ms since it started."""
        return self.scheduler.clock

    def timer_due(self, owner: Any, after: float) -> None:
        """A timer fired (the scheduler calls this): a receive timed out or a sleep ended,
        a `send_after` timer sends its message, or an injected fault is due."""
        if type(owner) is MessageTimer:
            self.message_timers.fire(owner)
        elif type(owner) is fault_plan.FaultTimer:
            owner.act()
        else:
            self.scheduler.wake(owner, timed_out=True)
            self.record("timeout", owner.pid.number, after)

    def send_after(self, dest: Pid | str, message: Any, ms: int) -> Ref:
        """Send `message` to `dest` (a pid or a name) after `ms` of virtual time, from a
        timer; returns the timer's ref, for `cancel_timer` and `read_timer`. As Erlang's
        `erlang:send_after` (see timers.py).

        >>> node = Node(log=None)
        >>> ref = node.send_after(node.self_pid(), "ding", 500)
        >>> node.read_timer(ref)
        500
        >>> node.receive(), node.now()
        ('ding', 500)
        """
        _check_ms("send_after's time", "send_after(dest, message, {})", ms)
        if type(dest) is Pid:
            self._check_pid(dest)
        elif type(dest) is tuple:
            raise BadArgument(f"send_after takes a pid or a registered name, not {short(dest)}: "
                              "send accepts (name, node), send_after does not (as in Erlang)."
                              " Pass the name alone.")
        else:
            dest = check_name(dest, "send_after")
        return self.message_timers.start(self.scheduler.current.pid, dest, message, ms)

    def cancel_timer(self, ref: Ref) -> float | bool:
        """Stop a `send_after` timer: the ms it had left, or False if it has fired, was
        cancelled, or its process exited."""
        left = self.message_timers.cancel(self._timer_ref(ref, "cancel_timer"))
        self.record("cancel_timer", self.scheduler.current.pid.number, ref.number, left)
        return left

    def read_timer(self, ref: Ref) -> float | bool:
        """The ms a `send_after` timer has left, or False if it is no longer running."""
        return self.message_timers.left(self._timer_ref(ref, "read_timer"))

    @staticmethod
    def _timer_ref(ref: Any, action: str) -> Ref:
        if type(ref) is not Ref:
            raise BadArgument(f"{action} takes the ref that send_after returned, not {short(ref)}")
        return ref

    # -- links, monitors and exits (carried out by signals.py) ---------------------------

    def link(self, pid: Pid) -> bool:
        """Link the caller and `pid`: when one exits abnormally, the other gets the signal.
        Returns True, as Erlang's does.

        Linking to a dead process raises `ErlangError` with reason "noproc" in a caller that
        does not trap exits (catch it, or the process crashes); a caller that traps exits
        gets True and an `("EXIT", pid, "noproc")` message, as on OTP 25.
        """
        self._check_pid(pid)
        me = self._visible("link", pid)
        peer = self.processes.get(pid.number)
        if peer is not None and self.faults is not None and \
                fault_plan.across(self.faults, me, peer):
            self.signals.signal(pid, me, "noconnection", from_link=True, in_order=False)
            self._acted(me)
            return True
        # A link already there (to a process whose EXIT a fault still holds back) stays as
        # it is, as OTP's does: no noproc.
        if peer is None and not me.trap_exit and pid not in me.links:
            raise ErlangError("noproc", f"link({pid!r}): noproc, the process is not alive "
                                        "(trap exits to get an EXIT message instead)")
        self.signals.link(me, pid)
        self._acted(me)
        return True

    def unlink(self, pid: Pid) -> bool:
        """Remove the link between the caller and `pid`, if there is one; True."""
        self._check_pid(pid)
        self.signals.unlink(self._visible("unlink", pid), pid)
        return True

    def monitor(self, target: Pid | str, *, alias: bool | str = False) -> Ref:
        """Watch `target` (a pid or registered name); get `("DOWN", ref, "process", pid, reason)`
        when it exits. A dead or unknown target gives reason "noproc" at once. As in Erlang,
        a monitor made by name names the process in its DOWN as `(name, "nonode@nohost")`.

        `alias` makes the ref an alias of the caller too (see `alias()`); its value, as
        OTP's alias option, says when the alias ends. "demonitor" (or True): with the
        monitor, by `demonitor` or the DOWN message; what a call uses. "explicit_unalias":
        only by `unalias`, so it outlives the monitor. "reply_demonitor": like "demonitor",
        and the first message through the alias ends the monitor (no DOWN comes) and the
        alias (later messages are dropped).
        """
        mode = alias_mode(alias)
        if type(target) is Pid:
            self._check_pid(target)
        else:
            target = check_name(target, "monitor", on_this_node=True)
        me = self._visible("monitor", target)
        proc = self.processes.get(target.number) if type(target) is Pid else \
            self.names.whereis(target)
        ref = self._new_alias(mode) if mode else self.make_ref()
        if proc is not None and self.faults is not None and \
                fault_plan.across(self.faults, me, proc):
            self.signals.monitor(me, None, target, ref, unreachable="noconnection")
        else:
            self.signals.monitor(me, proc, target, ref)
        self._acted(me)
        return ref

    def demonitor(self, ref: Ref, *, flush: bool = False, info: bool = False) -> bool:
        """Stop a monitor; True. `flush=True` also removes its DOWN message if one already
        came: as OTP 25, the oldest message shaped `(_, ref, _, _, _)`, only if the
        monitor had ended (see `Signals.demonitor`). `info=True` answers instead whether
        the monitor was still on (so no DOWN will come), as `demonitor(Ref, [info])`."""
        if type(ref) is not Ref:
            raise BadArgument(f"demonitor takes the ref that monitor() returned, not {short(ref)}")
        active = self.signals.demonitor(self._visible("demonitor", ref), ref, flush)
        return active if info else True

    def trap_exit(self, flag: bool) -> bool:
        """Turn exit signals into `("EXIT", pid, reason)` messages; returns the previous flag."""
        if not isinstance(flag, bool):
            raise BadArgument(f"trap_exit takes True or False, not {short(flag)}")
        me = self._visible("trap_exit", flag)
        previous, me.trap_exit = me.trap_exit, flag
        return previous

    def exit(self, *args: Any) -> bool:
        """`exit(reason)` ends the caller; `exit(pid, reason)` sends `pid` an exit signal
        and returns True.

        The signal's effect follows Erlang: "kill" cannot be trapped and ends the target
        with reason "killed"; a trapping target gets `("EXIT", sender, reason)`; "normal"
        is ignored by a non-trapping target, except that `exit(self_pid(), "normal")` ends
        the caller.
        """
        if len(args) == 1:
            me = self.scheduler.current
            # An exception, as in Erlang: whoever catches it lives on. The shell ends only
            # if the exit leaves the cell uncaught (see `Signals.uncaught_shell_exit`).
            ends_shell = partial(self.signals.uncaught_shell_exit, me.pid, args[0])
            raise Exit(args[0], on_uncaught=ends_shell if me is self.shell else None)
        if len(args) != 2:
            raise BadArgument("exit takes (reason) to end this process, or (pid, reason) to "
                              f"signal another; got {len(args)} arguments")
        pid, reason = args
        self._check_pid(pid)
        me = self._visible("exit", pid, reason)
        target = self.processes.get(pid.number)
        if target is None:
            return True         # signals to dead processes vanish, as in Erlang
        if target is me and reason == "normal" and not me.trap_exit:
            self.signals.kill(me, "normal")
        elif self.faults is not None and fault_plan.across(self.faults, me, target):
            self.record("fault", me.pid.number, "cut", pid.number, reason, None, False,
                        "an exit signal lost across a partition")
        else:
            self.signals.signal(me.pid, target, reason, from_link=False)
        self._acted(me)
        return True

    # -- names (kept by names.py) --------------------------------------------------------

    def register(self, name: str, pid: Pid) -> bool:
        """Give a live process a name that `send`, `whereis` and `monitor` accept; True.

        Fails, as Erlang's register does, if the process is dead, the name is taken or is
        "undefined", or the process already has a name.
        """
        name = check_name(name, "register")
        self._check_pid(pid)
        self._visible("register", name, pid)
        proc = self.processes.get(pid.number)
        if proc is None:
            raise BadArgument(f"cannot register {name!r}: {pid!r} is not alive")
        self.names.register(name, proc)
        self.record("register", pid.number, name, self.scheduler.current.pid.number)
        return True

    def unregister(self, name: str) -> bool:
        """Remove a registered name (the process keeps running); True."""
        name = check_name(name, "unregister")
        self._visible("unregister", name)
        proc = self.names.unregister(name)
        self.record("unregister", proc.pid.number, name, self.scheduler.current.pid.number)
        return True

    def whereis(self, name: str) -> Pid | None:
        """The pid registered under `name`, or None."""
        name = check_name(name, "whereis")
        self._visible("whereis", name)
        proc = self.names.whereis(name)
        return proc.pid if proc else None

    # -- what the node says ------------------------------------------------------------

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
        self.record("note", self.scheduler.current.pid.number, str(text), data)

    def record(self, kind: str, pid: int, *values: Any) -> int | None:
        """Record an event at the current time; its step, or None if the trace is off.

        Every operation records what happened after doing it, so the trace replays every
        process's status exactly (views/state.py)."""
        if self.trace.enabled:
            return self.trace.record((self.scheduler.clock, kind, pid, *values))
        return None

    def deadlock(self) -> BaseException:
        """The error for a shell that waits when nothing can ever wake it (and trace it)."""
        waiting = sorted((p for p in self.processes.values() if p.status is WAITING),
                         key=lambda p: (p is not self.shell, p.pid.number))
        error = reports.deadlock_error(self.clock, waiting, self.processes,
                                       fault_plan.report(self) if self.faults else [])
        self.scheduler.wake(self.shell)             # its wait ends, with this error
        self.record("deadlock", self.shell.pid.number, tuple(p.pid.number for p in waiting))
        return error

    def runaway(self, budget: str) -> BaseException:
        """The error for a shell action whose processes would not settle; the processes
        about to run are suspended (else the next shell action would run away again)."""
        error = reports.runaway_error(self.clock, list(self.processes.values()), self.shell,
                                      budget)
        suspended = self.scheduler.suspend_runnable()
        self.record("runaway", self.shell.pid.number, tuple(p.pid.number for p in suspended))
        return error

    def _interrupted(self, proc: Process, interrupt: BaseException) -> None:
        """Ctrl-C hit a running process, or the watchdog stopped one that held the thread:
        end it, say so, and keep the node usable."""
        scheduler = self.scheduler
        stuck, scheduler.stuck = scheduler.stuck is proc, None
        if proc.status is not EXITED:
            self.signals.terminate(proc, "interrupted")
        if stuck:
            self._report(reports.stuck_report(proc, interrupt, scheduler.max_seconds))
        else:
            self._report(reports.interrupted_report(proc))
            scheduler.interrupt = interrupt         # the cell is interrupted too

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
        scheduler = self.scheduler
        for proc in list(self.processes.values()):
            if proc is not self.shell and proc.greenlet:
                scheduler.doomed.append(proc)
            proc.status = EXITED
        self.processes.clear()
        self.names.clear()
        self.message_timers.running.clear()
        scheduler.close()


def _check_ms(what: str, call: str, value: Any, *, forever: bool = False,
              infinity: bool = False, reason: str | None = None) -> None:
    """Refuse a time that is not a whole number of milliseconds, 0 or more, as Erlang does.

    `call` shows the call with `{}` for the time, e.g. "sleep({})"; `forever` says the
    caller also takes None or "infinity" (wait forever), `infinity` only "infinity" (the
    error says so); `reason` is Erlang's error reason, if not badarg. A float is refused
    even when whole (500.0): Erlang's times are integers, and a float here is often
    seconds, which is how Python's own time.sleep counts.

    >>> _check_ms("sleep's time", "sleep({})", 0.5)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    actorlab.runtime.errors.BadArgument: sleep's time must be whole ... 0.5 seconds is sleep(500)
    """
    if isinstance(value, float) and math.isfinite(value):
        fix = (f"{call.format(int(value))} if you mean {int(value)} ms (a float often comes "
               f"from `/`, where `//` keeps an int, or from a time in seconds)"
               if value.is_integer() else
               f"{call.format(value)} looks like seconds: {value:g} seconds is "
               f"{call.format(round(value * 1000))}")
        raise BadArgument(f"{what} must be whole milliseconds (an int, as in Erlang), not "
                          f"{value!r}: {fix}", reason)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        none = (' (or None or "infinity" to wait forever)' if forever else
                ' (or "infinity" to wait forever)' if infinity else "")
        raise BadArgument(f"{what} must be whole milliseconds, 0 or more{none}, not "
                          f"{short(value)}", reason)


def _check_seconds(what: str, value: Any) -> None:
    """Refuse a time in seconds (a Node option: a float is fine) that is not 0 or more."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or \
            not 0 <= value < math.inf:
        raise BadArgument(f"{what} must be a number of seconds, 0 or more, not {short(value)}")


def _check_count(what: str, value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise BadArgument(f"{what} must be a whole number of at least 1, not {short(value)}")
