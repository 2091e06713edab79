"""Links, monitors and exits: how the death of one process reaches others.

The node's public methods (`link`, `monitor`, `exit`, ...) check their arguments and call
this part; it keeps the monitors made by name, and uses the node for the rest: its live
processes, its trace, delivering messages and refs. The rules follow Erlang, and each was
checked on a real BEAM:

* A process ends with a *reason*: "normal", or anything else (an exception, "killed", ...).
* Links are two-way. When a process ends, each linked process gets an *exit signal*: a
  process that traps exits turns it into a message `("EXIT", pid, reason)`; one that does
  not ignores "normal" and dies of any other reason, passing it on along its own links.
* `exit(pid, "kill")` cannot be trapped: the target dies with "killed". A process that
  *exits* with reason "kill" sends its links an ordinary, trappable "kill".
* Monitors are one-way: the watcher gets `("DOWN", ref, "process", pid, reason)`.
* A monitor's ref may also be an alias of the watcher (`monitor(pid, alias=MODE)`): with
  "demonitor" the alias ends with the monitor; with "explicit_unalias" it lives on until
  `unalias`; with "reply_demonitor" the first message through it also ends the monitor
  (so no DOWN comes) and the alias (so later messages are dropped).
"""
from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from greenlet import getcurrent

from ..trace import ANY, Pid, Ref, short
from . import faults as fault_plan
from .errors import BadArgument, Exit
from .names import NODE_NAME
from .patterns import matches
from .process import Process

if TYPE_CHECKING:
    from .node import Node

ALIAS_MODES = ("demonitor", "explicit_unalias", "reply_demonitor")  # OTP's, for monitor()


def alias_mode(alias: Any) -> str | None:
    """How the alias of a monitor made with `alias=alias` ends (None: no alias).

    >>> alias_mode(True), alias_mode(False), alias_mode("reply_demonitor")
    ('demonitor', None, 'reply_demonitor')
    """
    if alias is True or alias is False:
        return "demonitor" if alias else None
    if type(alias) is not str or alias not in ALIAS_MODES:
        raise BadArgument(f"monitor: alias={short(alias)} is not an alias mode; use "
                          f"alias=True (the same as \"demonitor\") or one of "
                          f"{', '.join(map(repr, ALIAS_MODES))}")
    return alias


class Signals:
    """The links, monitors and exit signals of one node."""

    def __init__(self, node: Node) -> None:
        self.node = node
        self.named_monitors: dict[Ref, tuple[str, str]] = {}  # by name: what DOWN says
        # While a process terminates, the links it kills wait here: each dies after the
        # one before has sent all its signals, so DOWNs come in the order of cause and
        # effect, as on the BEAM (a linked process dies only once it has the signal).
        self.dying: list[tuple[Process, Any, Pid]] | None = None

    # -- links -----------------------------------------------------------------------

    def link(self, me: Process, pid: Pid) -> None:
        target = self.node.processes.get(pid.number)
        if target is me or pid in me.links:    # linked already (to a dead one: its EXIT is late)
            return
        if target is None:
            self.node.record("link", me.pid.number, pid.number)
            # The dead process answers "noproc" behind what a fault still holds back from
            # it; the link is on until then, so an unlink before it comes drops it.
            me.links[pid] = None
            self.signal(pid, me, "noproc", from_link=True, unlinks=True)
        else:
            self.add_link(me, target)

    def add_link(self, a: Process, b: Process) -> None:
        if b.pid in a.links:
            return
        a.links[b.pid] = None
        b.links[a.pid] = None
        self.node.record("link", a.pid.number, b.pid.number)

    def unlink(self, me: Process, pid: Pid) -> None:
        if pid not in me.links:
            return
        del me.links[pid]
        other = self.node.processes.get(pid.number)
        if other is not None:
            other.links.pop(me.pid, None)
        self.node.record("unlink", me.pid.number, pid.number)

    # -- monitors --------------------------------------------------------------------

    def monitor(self, me: Process, proc: Process | None, target: Pid | str,
                ref: Ref, unreachable: str = "noproc") -> None:
        """`me` watches `proc` (None: `target` is dead or unknown, or `unreachable` across
        a partition, so DOWN comes with that reason: at once, or for a dead pid behind
        what a fault still holds back from it)."""
        named = (target, NODE_NAME) if type(target) is str else None
        watched = target if type(target) is Pid else proc.pid if proc else None
        self.node.record("monitor", me.pid.number, watched.number if watched else None,
                         ref.number, target if named else None, ref.owner is not None)
        if proc is None and unreachable == "noproc" and type(target) is Pid:
            # The dead process answers, behind what a fault still holds back from it; the
            # monitor is on until then, so a demonitor before it comes drops the DOWN.
            me.monitoring[ref] = target
            self.send_down(target, me, ref, "noproc")
        elif proc is None:
            sender = me.pid if named else target
            self._overtaken(sender, me)
            self.message_signal(sender, me, ("DOWN", ref, "process", named or target,
                                             unreachable), "down")
            self.end_alias(ref)
        else:
            self.add_monitor(me, proc, ref)
            if named:
                self.named_monitors[ref] = named

    def add_monitor(self, watcher: Process, proc: Process, ref: Ref) -> None:
        proc.monitored_by[ref] = watcher.pid
        watcher.monitoring[ref] = proc.pid

    def demonitor(self, me: Process, ref: Ref, flush: bool) -> bool:
        """End `me`'s monitor `ref`; whether it was still on. With `flush`, if the monitor
        had already ended (its DOWN may be in the mailbox), take out the oldest message
        shaped like a DOWN for `ref`, whatever its tag: OTP 25 takes at most one, and none
        from a monitor that was still active (no DOWN can have come)."""
        active = self.drop_monitor(me, ref)
        self.node.record("demonitor", me.pid.number, ref.number)
        if flush and not active:
            shape = (ANY, ref, ANY, ANY, ANY)
            for index, (message, _) in enumerate(me.mailbox):
                if matches(shape, message):
                    del me.mailbox[index]
                    break
        return active

    def drop_monitor(self, me: Process, ref: Ref) -> bool:
        """Remove `me`'s monitor `ref`, and its alias as its mode says; True if it was
        active. Untraced: `demonitor` traces it, and a reply through a "reply_demonitor"
        alias is traced as that send."""
        target = me.monitoring.pop(ref, None)
        self.named_monitors.pop(ref, None)
        if target is None:
            return False
        self.end_alias(ref)
        proc = self.node.processes.get(target.number)
        if proc is not None:
            proc.monitored_by.pop(ref, None)
        return True

    def reply_received(self, proc: Process, alias: int) -> None:
        """A message reached `proc` through its alias (numbered) `alias`: if the alias is
        a monitor's "reply_demonitor" one, that ends the monitor and the alias, so no DOWN
        comes after the reply, as OTP ends them when the reply is received."""
        if self.node.aliases.get(alias) == "reply_demonitor":
            ref = next((ref for ref in proc.monitoring if ref.number == alias), None)
            if ref is not None:
                self.drop_monitor(proc, ref)

    def end_alias(self, ref: Ref) -> None:
        """The monitor `ref` ended: so does its alias, unless made "explicit_unalias"
        (or by alias(), which is the same: only unalias ends it)."""
        if self.node.aliases.get(ref.number, "explicit_unalias") != "explicit_unalias":
            del self.node.aliases[ref.number]

    def down(self, watcher: Process, ref: Ref, watched: Process, reason: Any) -> None:
        """End `watcher`'s monitor `ref` of `watched` at once, with `reason` in its DOWN
        (a partition's "noconnection")."""
        del watcher.monitoring[ref]
        watched.monitored_by.pop(ref, None)
        self.end_alias(ref)
        named = self.named_monitors.pop(ref, watched.pid)
        self._overtaken(watched.pid, watcher)
        self.message_signal(watched.pid, watcher, ("DOWN", ref, "process", named, reason),
                            "down")

    def send_down(self, watched: Pid, watcher: Process, ref: Ref, reason: Any) -> None:
        """`watched` has exited: the DOWN of `watcher`'s monitor `ref` leaves now. It
        travels behind any messages a fault still holds back from `watched` to `watcher`;
        until it arrives the monitor is on, so a `demonitor` meanwhile (a call or an await
        that timed out) means it never comes, as on the BEAM."""
        down = ("DOWN", ref, "process", self.named_monitors.get(ref, watched), reason)
        arrive = partial(self._down_arrives, watched, watcher, ref, down)
        if self.node.faults is None or not fault_plan.hold_signal(self.node, watched, watcher,
                                                                 arrive, down):
            arrive()

    def _down_arrives(self, watched: Pid, watcher: Process, ref: Ref, down: tuple) -> str | None:
        """The DOWN reaches `watcher`, if the monitor is still on: returns why not, if not.
        The monitor, and its alias, end now, after a reply held back with it came first."""
        if ref not in watcher.monitoring:
            self.end_alias(ref)
            return "a late DOWN, for a monitor removed meanwhile: dropped"
        del watcher.monitoring[ref]
        self.named_monitors.pop(ref, None)
        self.end_alias(ref)
        self.message_signal(watched, watcher, down, "down")
        return None

    # -- exit signals ----------------------------------------------------------------

    def signal(self, sender: Pid, target: Process, reason: Any, *, from_link: bool,
               in_order: bool = True, unlinks: bool = False) -> None:
        """Send an exit signal from `sender` (a link, or exit/2) to `target`.

        `in_order`: it travels behind the messages a fault still holds back from `sender`
        to `target` (nothing overtakes a message between a pair), and arrives after them.
        False for a signal the runtime makes up (a partition's "noconnection"): the held
        messages arrive first, at once. `unlinks`: it is the signal of a link that ends
        as it arrives (`sender` exited); a target that unlinked meanwhile ignores it, as
        OTP 23+'s unlink protocol does."""
        arrive = partial(self._exit_arrives, sender, target, reason, from_link, unlinks)
        if self.node.faults is None:
            arrive()
        elif not in_order:
            self._overtaken(sender, target)
            arrive()
        elif not fault_plan.hold_signal(self.node, sender, target, arrive,
                                        ("EXIT", sender, reason)):
            arrive()

    def _exit_arrives(self, sender: Pid, target: Process, reason: Any, from_link: bool,
                      unlinks: bool) -> str | None:
        """The exit signal reaches `target`: returns why it is ignored, if it is."""
        if unlinks:
            if sender not in target.links:
                return "a late exit signal, after an unlink: ignored"
            del target.links[sender]
        if reason == "kill" and not from_link:
            outcome = "killed"
        elif target.trap_exit:
            outcome = "message"
        elif reason == "normal":
            outcome = "ignored"
        else:
            outcome = "killed"
        if outcome == "message":
            self.message_signal(sender, target, ("EXIT", sender, reason), outcome, reason)
            return None
        self.node.record("signal", sender.number, target.pid.number, reason, outcome, None,
                         False)
        if outcome == "killed":
            why = "killed" if reason == "kill" and not from_link else reason
            if from_link and self.dying is not None:
                self.dying.append((target, why, sender))
            else:
                self.kill(target, why, sender)
        return None

    def _overtaken(self, sender: Pid, target: Process) -> None:
        """A signal the runtime makes up is about to reach `target`: what a fault holds
        back from `sender` comes first."""
        if self.node.faults is not None:
            fault_plan.overtaken(self.node, sender, target)

    def message_signal(self, sender: Pid, target: Process, message: tuple, outcome: str,
                       reason: Any = None) -> None:
        """Deliver an EXIT or DOWN message, traced as a signal from `sender`."""
        node = self.node
        woke = node.deliver(target, message, node.trace.next_step)
        reason = reason if outcome == "message" else message[4]
        node.record("signal", sender.number, target.pid.number, reason, outcome, message, woke)

    def kill(self, proc: Process, reason: Any, by: Pid | None = None) -> None:
        """End `proc` now with `reason`, whatever it is doing; a killed shell is replaced."""
        self.terminate(proc, reason)
        if proc is self.node.shell:
            self.restart_shell(reason, by)

    def terminate(self, proc: Process, reason: Any, where: str | None = None, *,
                  crash: bool = False) -> None:
        """Record `proc`'s exit and tell its links, monitors and the name table.

        `crash` says the process raised an exception itself (not killed by a signal).
        The linked processes it kills die after it has told everyone (see `dying`).
        """
        if self.dying is not None:
            self._tell(proc, reason, where, crash)
            return
        self.dying = []
        try:
            self._tell(proc, reason, where, crash)
            while self.dying:
                target, why, by = self.dying.pop(0)
                if target.pid.number in self.node.processes:    # not dead meanwhile
                    self.kill(target, why, by)
        finally:
            self.dying = None

    def _tell(self, proc: Process, reason: Any, where: str | None, crash: bool) -> None:
        """`proc` exits: record it, and signal its links, monitors and the name table."""
        node = self.node
        node.scheduler.forget(proc)
        proc.exit_reason = reason
        node.record("exit", proc.pid.number, reason, crash, where)
        del node.processes[proc.pid.number]
        node.names.release(proc)
        node.message_timers.end_to(proc.pid)
        for ref, target in proc.monitoring.items():
            self.named_monitors.pop(ref, None)
            watched = node.processes.get(target.number)
            if watched is not None:
                watched.monitored_by.pop(ref, None)
        for peer_pid in list(proc.links):
            peer = node.processes.get(peer_pid.number)
            if peer is not None:        # the peer holds the link until the signal arrives
                self.signal(proc.pid, peer, reason, from_link=True, unlinks=True)
        for ref, watcher_pid in list(proc.monitored_by.items()):
            watcher = node.processes.get(watcher_pid.number)
            if watcher is not None:
                self.send_down(proc.pid, watcher, ref, reason)
            else:
                self.end_alias(ref)

    # -- the shell's own exits ---------------------------------------------------------

    def restart_shell(self, reason: Any, by: Pid | None) -> None:
        """The shell was killed: like iex, start a new one (with a new pid) and say why."""
        node = self.node
        old = node.shell
        # The new shell runs now if the old one killed itself; killed by another process
        # or by a fault's timer (in the hub), it waits to be run, and then hears why.
        node.new_shell(running=getcurrent() is node.scheduler.shell_greenlet)
        if by is None or by == old.pid:
            message = f"** (exit) {short(reason, 200)}"
            cause = ""
        else:
            # IEx's own words; "EXIT from" names the shell that exited, not the killer.
            message = (f"** (EXIT from {old.pid!r}) shell process exited with reason: "
                       f"{short(reason, 200)}")
            killer = node.processes.get(by.number)
            cause = f"killed by the exit signal from {killer or by!r}; "
        node.scheduler.shell_exit = Exit(reason, f"{message}\n   ({cause}the shell is now "
                                                 f"{node.shell.pid!r})")

    def uncaught_shell_exit(self, pid: Pid, reason: Any) -> str | None:
        """The shell's `exit(reason)` left a cell uncaught: as in iex, the shell process
        ends (its links and monitors hear of it) and a new shell starts. Returns what to
        tell the learner, or None if that shell is gone already."""
        node = self.node
        if node.shell.pid != pid:
            return None
        self.kill(node.shell, reason)
        told, node.scheduler.shell_exit = node.scheduler.shell_exit, None
        node.scheduler.shell_steps_aside()
        return str(told)
