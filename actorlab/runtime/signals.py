"""Links, monitors and exits: how the death of one process reaches others.

A mixin of `Node` (node.py holds the scheduler; this file, what happens when a process
ends). The rules follow Erlang, and each was checked on a real BEAM:

* A process ends with a *reason*: "normal", or anything else (an exception, "killed", ...).
* Links are two-way. When a process ends, each linked process gets an *exit signal*: a
  process that traps exits turns it into a message `("EXIT", pid, reason)`; one that does
  not ignores "normal" and dies of any other reason, passing it on along its own links.
* `exit(pid, "kill")` cannot be trapped: the target dies with "killed". A process that
  *exits* with reason "kill" sends its links an ordinary, trappable "kill".
* Monitors are one-way: the watcher gets `("DOWN", ref, "process", pid, reason)`.
"""
from __future__ import annotations

from functools import partial
from typing import Any

from ..trace import ANY, Pid, Ref, short
from .errors import BadArgument, Exit
from .names import check_name
from .patterns import matches
from .process import Process

NODE_NAME = "nonode@nohost"     # Erlang's name for a node that is not part of a cluster


class Signals:
    """The link, monitor and exit operations of `Node`."""

    def link(self, pid: Pid) -> None:
        """Link the caller and `pid`: when one exits abnormally, the other gets the signal.

        Linking to a dead process delivers `("EXIT", pid, "noproc")` to a caller that traps
        exits, and ends a caller that does not with reason "noproc", as in Erlang.
        """
        me = self._caller()
        self._check_pid(pid)
        target = self.processes.get(pid.number)
        if target is me:
            return
        if target is None:
            self._signal(pid, me, "noproc", from_link=True)
        else:
            self._add_link(me, target)
        self._settle()

    def _add_link(self, a: Process, b: Process) -> None:
        if b.pid in a.links:
            return
        a.links[b.pid] = None
        b.links[a.pid] = None
        if self.trace.enabled:
            self.trace.record(self.clock, "link", a.pid.number, b.pid.number)

    def unlink(self, pid: Pid) -> None:
        """Remove the link between the caller and `pid`, if there is one."""
        me = self._caller()
        self._check_pid(pid)
        if pid not in me.links:
            return
        del me.links[pid]
        other = self.processes.get(pid.number)
        if other is not None:
            other.links.pop(me.pid, None)
        if self.trace.enabled:
            self.trace.record(self.clock, "unlink", me.pid.number, pid.number)

    def monitor(self, target: Pid | str, *, alias: bool = False) -> Ref:
        """Watch `target` (a pid or registered name); get `("DOWN", ref, "process", pid, reason)`
        when it exits. A dead or unknown target gives reason "noproc" at once. As in Erlang,
        a monitor made by name names the process in its DOWN as `(name, "nonode@nohost")`.

        `alias=True` makes the ref an alias of the caller too (see `alias()`), deactivated
        when the monitor ends, by `demonitor` or by the DOWN message: what a call uses.
        """
        me = self._caller()
        ref = self._new_alias() if alias else self.make_ref()
        proc: Process | None
        if type(target) is Pid:
            self._check_pid(target)
            proc = self.processes.get(target.number)
            named = None
        else:
            check_name(target, "monitor")
            proc = self.names.get(target)
            named = (target, NODE_NAME)
        if self.trace.enabled:
            watched = target if type(target) is Pid else proc.pid if proc else None
            self.trace.record(self.clock, "monitor", me.pid.number,
                              watched.number if watched else None, ref.number,
                              target if type(target) is str else None, alias)
        if proc is None:
            self._message_signal(me.pid if named else target, me,
                                 ("DOWN", ref, "process", named or target, "noproc"), "down")
            self.aliases.discard(ref.number)
        else:
            self._add_monitor(me, proc, ref)
            if named:
                self.named_monitors[ref] = named
        self._settle()
        return ref

    def _add_monitor(self, watcher: Process, proc: Process, ref: Ref | None = None) -> Ref:
        ref = ref or self.make_ref()
        proc.monitored_by[ref] = watcher.pid
        watcher.monitoring[ref] = proc.pid
        return ref

    def demonitor(self, ref: Ref, *, flush: bool = False) -> bool:
        """Stop a monitor. `flush=True` also removes its DOWN message if one already came."""
        if type(ref) is not Ref:
            raise BadArgument(f"demonitor takes the ref that monitor() returned, not {short(ref)}")
        me = self._caller()
        target = me.monitoring.pop(ref, None)
        self.named_monitors.pop(ref, None)
        if target is not None:
            self.aliases.discard(ref.number)     # a monitor's alias ends with the monitor
            proc = self.processes.get(target.number)
            if proc is not None:
                proc.monitored_by.pop(ref, None)
        if self.trace.enabled:
            self.trace.record(self.clock, "demonitor", me.pid.number, ref.number)
        if flush:
            down = ("DOWN", ref, ANY, ANY, ANY)
            me.mailbox = type(me.mailbox)(
                entry for entry in me.mailbox if not matches(down, entry[0]))
        return True

    def trap_exit(self, flag: bool) -> bool:
        """Turn exit signals into `("EXIT", pid, reason)` messages; returns the previous flag."""
        if not isinstance(flag, bool):
            raise BadArgument(f"trap_exit takes True or False, not {short(flag)}")
        me = self._caller()
        previous, me.trap_exit = me.trap_exit, flag
        return previous

    def exit(self, *args: Any) -> None:
        """`exit(reason)` ends the caller; `exit(pid, reason)` sends `pid` an exit signal.

        The signal's effect follows Erlang: "kill" cannot be trapped and ends the target
        with reason "killed"; a trapping target gets `("EXIT", sender, reason)`; "normal"
        is ignored by a non-trapping target, except that `exit(self_pid(), "normal")` ends
        the caller.
        """
        me = self._caller()
        if len(args) == 1:
            # An exception, as in Erlang: whoever catches it lives on. The shell ends only
            # if the exit leaves the cell uncaught (see `_uncaught_shell_exit`).
            ends_shell = partial(self._uncaught_shell_exit, me.pid, args[0])
            raise Exit(args[0], on_uncaught=ends_shell if me is self.shell else None)
        if len(args) != 2:
            raise BadArgument("exit takes (reason) to end this process, or (pid, reason) to "
                              f"signal another; got {len(args)} arguments")
        pid, reason = args
        self._check_pid(pid)
        target = self.processes.get(pid.number)
        if target is None:
            return              # signals to dead processes vanish, as in Erlang
        if target is me and reason == "normal" and not me.trap_exit:
            self._kill(me, "normal")
        else:
            self._signal(me.pid, target, reason, from_link=False)
        self._settle()

    def _signal(self, sender: Pid, target: Process, reason: Any, *, from_link: bool) -> None:
        """Deliver an exit signal from `sender` (a link, or exit/2) to `target`."""
        if reason == "kill" and not from_link:
            outcome = "killed"
        elif target.trap_exit:
            outcome = "message"
        elif reason == "normal":
            outcome = "ignored"
        else:
            outcome = "killed"
        if outcome == "message":
            self._message_signal(sender, target, ("EXIT", sender, reason), outcome, reason)
            return
        if self.trace.enabled:
            self.trace.record(self.clock, "signal", sender.number, target.pid.number, reason,
                              outcome, None)
        if outcome == "killed":
            self._kill(target, "killed" if reason == "kill" and not from_link else reason,
                       sender)

    def _message_signal(self, sender: Pid, target: Process, message: tuple, outcome: str,
                        reason: Any = None) -> None:
        """Deliver an EXIT or DOWN message, traced as a signal from `sender`."""
        sent = None
        if self.trace.enabled:
            reason = reason if outcome == "message" else message[4]
            sent = self.trace.record(self.clock, "signal", sender.number, target.pid.number,
                                     reason, outcome, message)
        self._deliver(target, message, sent)

    def _kill(self, proc: Process, reason: Any, by: Pid | None = None) -> None:
        """End `proc` now with `reason`, whatever it is doing.

        A suspended process's greenlet is unwound by the scheduler; the running process
        ends when its current action returns (`_settle`); the shell is replaced.
        """
        self._terminate(proc, reason)
        if proc is self.shell:
            self._restart_shell(reason, by)
        elif proc is not self.current:
            self.doomed.append(proc)

    def _terminate(self, proc: Process, reason: Any, where: str | None = None, *,
                   crash: bool = False) -> None:
        """Record `proc`'s exit and tell its links, monitors and name registry.

        `crash` says the process raised an exception itself (not killed by a signal).
        """
        proc.alive = False
        proc.waiting = False
        proc.exit_reason = reason
        del self.processes[proc.pid.number]
        if self.trace.enabled:
            self.trace.record(self.clock, "exit", proc.pid.number, reason, crash, where)
        if proc.name is not None:
            del self.names[proc.name]
        for ref, target in proc.monitoring.items():
            self.named_monitors.pop(ref, None)
            watched = self.processes.get(target.number)
            if watched is not None:
                watched.monitored_by.pop(ref, None)
        for peer_pid in list(proc.links):
            peer = self.processes.get(peer_pid.number)
            if peer is not None and peer.alive:
                peer.links.pop(proc.pid, None)
                self._signal(proc.pid, peer, reason, from_link=True)
        for ref, watcher_pid in list(proc.monitored_by.items()):
            watcher = self.processes.get(watcher_pid.number)
            self.aliases.discard(ref.number)
            if watcher is not None:
                watcher.monitoring.pop(ref, None)
                down = ("DOWN", ref, "process", self.named_monitors.pop(ref, proc.pid), reason)
                self._message_signal(proc.pid, watcher, down, "down")

    def _restart_shell(self, reason: Any, by: Pid | None) -> None:
        """The shell was killed: like iex, start a new one (with a new pid) and say why."""
        old = self.shell
        self.shell = self._new_shell()
        if by is None or by == old.pid:
            message = f"** (exit) {short(reason, 200)}"
            cause = ""
        else:
            # IEx's own words; "EXIT from" names the shell that exited, not the killer.
            message = (f"** (EXIT from {old.pid!r}) shell process exited with reason: "
                       f"{short(reason, 200)}")
            killer = self.processes.get(by.number)
            cause = f"killed by the exit signal from {killer or by!r}; "
        self._shell_exit = Exit(reason, f"{message}\n   ({cause}the shell is now "
                                        f"{self.shell.pid!r})")

    def _uncaught_shell_exit(self, pid: Pid, reason: Any) -> str | None:
        """The shell's `exit(reason)` left a cell uncaught: as in iex, the shell process
        ends (its links and monitors hear of it) and a new shell starts. Returns what to
        tell the learner, or None if that shell is gone already."""
        if self.shell.pid != pid:
            return None
        self._kill(self.shell, reason)
        exit_, self._shell_exit = self._shell_exit, None
        self._enter_shell()
        self._run_until_idle()
        return str(exit_)

    def _raise_shell_exit(self) -> None:
        if self._shell_exit is not None:
            exit_, self._shell_exit = self._shell_exit, None
            raise exit_

    def _interrupted(self, proc: Process, interrupt: BaseException) -> None:
        """A KeyboardInterrupt hit a running process: end it, keep the node usable."""
        if proc.alive:
            self._terminate(proc, "interrupted")
        self._report(f"[interrupted] {proc!r} was running and has been stopped "
                     "(reason \"interrupted\"); the other processes are paused where they "
                     "were. Carry on, or call reset() for a fresh node.")
