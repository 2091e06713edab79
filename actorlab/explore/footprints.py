"""When does the order of two operations matter? The dependency relation of `explore()`.

`explore()` runs a scenario in every interleaving that can give a different result. It need
not run them all: if two processes do operations that do not touch anything in common,
doing them in either order leads to the same state, so one order is enough. Two
operations of different processes are *dependent* when their order can change what
happens; everything else *commutes*.

Each step of a process (a *transition*: one visible operation, and the plain Python after
it up to the next one) gets a *footprint*: the parts of the node's state it reads and
writes. Two transitions are dependent when one writes what the other reads or writes:

=================  ===========================================================
state              who reads (R) or writes (W) it
=================  ===========================================================
P's mailbox        a send to P (or an EXIT or DOWN message to P) adds to it. Two
                   sends to the same process are dependent unless their messages
                   are equal: the mailbox order may change which message a
                   (selective) receive takes. A receive with `timeout=0` (a
                   *poll*) depends on every send of a message it could take: before
                   the send it finds nothing. Any other receive commutes with
                   sends: one that takes a message takes an older one, and one that
                   blocks is woken later and takes the same.
("alive", P)       R every transition of P itself; a send, link, unlink, monitor,
                   demonitor, register, is_alive of P; the exit of a process P
                   links to or monitors; W P's exit, whoever causes it (P ends, or a
                   signal kills it). So a link or a monitor and the exit of its
                   process are dependent (EXIT or DOWN, or not), and so are the
                   exits of two linked or monitoring processes.
("link", P, Q)     W link and unlink between P and Q.
("trap", P)        W P's trap_exit; R an exit signal to P (trapped or not).
("name", N)        W register and unregister of N, and the exit of the process
                   holding N; R send, whereis and monitor by the name N.
("alias", R)       W alias, unalias and demonitor of R; R a send to the alias R.
("pids",)          W spawn: pids are numbered in the order processes start.
=================  ===========================================================

An exit signal sent with `exit(pid, reason)` may end a chain of linked processes; before
it happens nobody knows how far, so until then it counts as dependent on everything.

Some order is not a choice at all: a process receives a message only after it was sent,
and runs only after it was spawned (*happens-before*). What the shell does comes between
the processes' turns (it runs when they cannot), and so do timers (they fire when
nothing can run): `explore()` treats each as a fence that nothing moves across. So a
receive timeout never races with a message another process could still send; Concuerror
explores that race by default (its `--after_timeout` option makes timeouts fire only
when nothing else can, as here).

Refs are numbered in the order they are made; that order is left out, so a scenario's
outcome should not depend on a ref's number. Processes must share nothing but messages
(as on the BEAM): a Python object two processes both change is invisible here.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..runtime import Node, Pid, Ref, matches
from ..runtime.process import Process

EVERY_MESSAGE = object()
"""A message not yet known (a DOWN whose reason is still to come): it may match anything."""


@dataclass
class Footprint:
    """What one transition reads and writes (see the module docstring)."""

    reads: set = field(default_factory=set)
    writes: set = field(default_factory=set)
    sends: list = field(default_factory=list)    # (pid number, message) put in a mailbox
    polls: list = field(default_factory=list)    # (pid number, pattern) a poll found empty
    everything: bool = False                     # depends on every other transition

    def conflicts(self, other: Footprint) -> bool:
        """True if the order of the two transitions can matter."""
        if self.everything or other.everything:
            return True
        if self.writes & (other.writes | other.reads) or other.writes & self.reads:
            return True
        return (_fills(self.sends, other.polls) or _fills(other.sends, self.polls)
                or _reorder(self.sends, other.sends))


def _reorder(sends: list, others: list) -> bool:
    """Do two lists of sends put different messages in one mailbox (so order matters)?"""
    for to, message in sends:
        for other_to, other in others:
            if to == other_to and _differ(message, other):
                return True
    return False


def _differ(message: Any, other: Any) -> bool:
    if message is EVERY_MESSAGE or other is EVERY_MESSAGE:
        return True
    try:
        return bool(message != other)
    except Exception:               # a term that will not compare: assume they differ
        return True


def _fills(sends: list, polls: list) -> bool:
    """Would one of `sends` have given one of `polls` a message?"""
    for number, pattern in polls:
        for to, message in sends:
            if to == number and (pattern is None or message is EVERY_MESSAGE
                                 or matches(pattern, message)):
                return True
    return False


# -- the footprint of a transition that has happened --------------------------------------

class Reader:
    """Reads the footprints of one run's transitions from its trace events, in order,
    keeping what later events need: who holds which name, which ref monitors whom."""

    def __init__(self) -> None:
        self.names: dict[int, str] = {}          # pid number -> its registered name
        self.monitors: dict[int, int] = {}       # ref number -> the watched pid number
        # pid number -> every process that linked to it or monitored it: whether its exit
        # tells them depends on whether they are still alive.
        self.watchers: dict[int, set[int]] = {}

    def footprint(self, actor: int | None, operation: tuple, events: list) -> Footprint:
        """The footprint of `actor`'s transition from `operation` (what it was about to
        do), made of `events`; `actor` None: a fence (the shell, timers)."""
        print_ = Footprint()
        if actor is None:
            print_.everything = True
        else:
            print_.reads.add(("alive", actor))
            self._operation(print_, actor, operation, events)
        for event in events:
            self._event(print_, event)
        return print_

    @staticmethod
    def _operation(print_: Footprint, actor: int, operation: tuple, events: list) -> None:
        """What an operation does that leaves no trace event: whereis, trap_exit, ..."""
        kind = operation[0]
        if kind == "receive" and operation[2] == 0:
            print_.polls.append((actor, operation[1]))  # a poll: it would have found less
        elif kind == "whereis":
            print_.reads.add(("name", operation[1]))
        elif kind == "trap_exit":
            print_.writes.add(("trap", actor))
        elif kind in ("is_alive", "process_info"):
            print_.reads.add(("alive", operation[1].number))
            if kind == "process_info":
                print_.polls.append((operation[1].number, None))   # it reads the mailbox
        elif kind in ("link", "unlink"):      # whether or not it changed anything
            peer = operation[1].number
            print_.writes.add(("link", min(actor, peer), max(actor, peer)))
            print_.reads.add(("alive", peer))
        elif kind == "exit" and not events:
            print_.reads.add(("alive", operation[1].number))       # it found it dead
        elif kind in ("register", "unregister") and not events:
            print_.reads.add(("name", operation[1]))               # it found it taken

    def _event(self, print_: Footprint, event: Any) -> None:
        kind, d, pid = event.kind, event.data, event.pid.number
        if kind in ("send", "timer_fired"):
            if d.get("name"):
                print_.reads.add(("name", d["name"]))
            if d.get("alias") is not None:
                print_.reads.add(("alias", d["alias"].number))
            if d["to"] is not None:
                to = d["to"].number
                print_.reads.add(("alive", to))
                if d["delivered"]:
                    print_.sends.append((to, d["msg"]))
        elif kind == "spawn":
            print_.writes.add(("pids",))
        elif kind in ("link", "unlink"):
            peer = d["peer"].number
            print_.writes.add(("link", min(pid, peer), max(pid, peer)))
            print_.reads.add(("alive", peer))
            self.watchers.setdefault(peer, set()).add(pid)
            self.watchers.setdefault(pid, set()).add(peer)
        elif kind == "monitor":
            if d["target"] is not None:
                self.monitors[d["ref"].number] = d["target"].number
                print_.reads.add(("alive", d["target"].number))
                self.watchers.setdefault(d["target"].number, set()).add(pid)
            if d["name"] is not None:
                print_.reads.add(("name", d["name"]))
            if d["aliased"]:
                print_.writes.add(("alias", d["ref"].number))
        elif kind in ("demonitor", "alias", "unalias"):
            ref = d["ref"].number
            print_.writes.add(("alias", ref))
            if ref in self.monitors:
                print_.reads.add(("alive", self.monitors[ref]))
        elif kind == "signal":
            to = d["to"].number
            print_.reads |= {("trap", to), ("alive", to)}
            if d["outcome"] in ("message", "down"):
                print_.sends.append((to, d["msg"]))
        elif kind == "exit":
            print_.writes.add(("alive", pid))
            print_.reads |= {("alive", watcher) for watcher in self.watchers.get(pid, ())}
            if pid in self.names:
                print_.writes.add(("name", self.names.pop(pid)))
        elif kind == "register":
            self.names[pid] = d["name"]
            print_.writes.add(("name", d["name"]))
            print_.reads.add(("alive", pid))
        elif kind == "unregister":
            self.names.pop(pid, None)
            print_.writes.add(("name", d["name"]))


# -- the footprint of what a process is about to do ----------------------------------------

def predicted(node: Node, proc: Process) -> Footprint:
    """The footprint of `proc`'s next transition, from the operation it waits to do and
    the node as it is now (for sleep sets: can it stay asleep while others move?).
    Where it cannot know, it says "everything", which is always safe."""
    print_ = Footprint(reads={("alive", proc.pid.number)})
    kind, *args = proc.pending
    me = proc.pid.number
    if kind == "send":
        target = _whom(node, args[0], print_)
        if target is not None:
            print_.reads.add(("alive", target))
            print_.sends.append((target, args[1]))
    elif kind == "receive":
        pattern, timeout = args
        if not any(pattern is None or matches(pattern, m) for m, _ in proc.mailbox):
            if timeout == 0:
                print_.polls.append((me, pattern))
    elif kind == "spawn":
        print_.writes.add(("pids",))
    elif kind in ("link", "unlink"):
        peer = args[0].number
        print_.writes.add(("link", min(me, peer), max(me, peer)))
        print_.reads.add(("alive", peer))
    elif kind == "monitor":
        target = _whom(node, args[0], print_)
        if target is not None:
            print_.reads.add(("alive", target))
    elif kind == "demonitor":
        print_.writes.add(("alias", args[0].number))
        if args[0] in proc.monitoring:
            print_.reads.add(("alive", proc.monitoring[args[0]].number))
    elif kind in ("register", "unregister"):
        print_.writes.add(("name", args[0]))
    elif kind == "whereis":
        print_.reads.add(("name", args[0]))
    elif kind == "trap_exit":
        print_.writes.add(("trap", me))
    elif kind == "unalias":
        print_.writes.add(("alias", args[0].number))
    elif kind in ("is_alive", "process_info"):
        print_.reads.add(("alive", args[0].number))
        if kind == "process_info":
            print_.polls.append((args[0].number, None))
    elif kind == "exit":
        _predict_exit(node, proc, args[0], args[1], print_)
    elif kind == "end":
        _predict_end(node, proc, args[0], print_)
    return print_


def _whom(node: Node, dest: Any, print_: Footprint) -> int | None:
    """The pid number a send or monitor reaches (a name or alias is read, too)."""
    if type(dest) is Pid:
        return dest.number
    if type(dest) is Ref:
        print_.reads.add(("alias", dest.number))
        return dest.owner.number if dest.owner is not None else None
    name = dest[0] if type(dest) is tuple else dest
    print_.reads.add(("name", name))
    holder = node.names.whereis(name) if isinstance(name, str) else None
    return holder.pid.number if holder is not None else None


def _predict_exit(node: Node, sender: Process, pid: Pid, reason: Any,
                  print_: Footprint) -> None:
    """What `exit(pid, reason)` from `sender` will do: as signals.py decides."""
    print_.reads |= {("alive", pid.number), ("trap", pid.number)}
    target = node.processes.get(pid.number)
    if target is None:
        return
    if reason == "kill":
        _predict_end(node, target, "killed", print_)
    elif target.trap_exit:
        print_.sends.append((pid.number, ("EXIT", sender.pid, reason)))
    elif reason != "normal" or target is sender:
        _predict_end(node, target, reason, print_)


def _predict_end(node: Node, proc: Process, reason: Any, print_: Footprint) -> None:
    """What `proc`'s end (with `reason`) will do: the exit signal to each linked process
    is a message if it traps exits, nothing if the reason is normal, else its end too,
    which may run on down a chain of links (then: everything)."""
    me = proc.pid.number
    print_.writes.add(("alive", me))
    if proc.name is not None:
        print_.writes.add(("name", proc.name))
    for watcher in proc.monitored_by.values():
        print_.reads.add(("alive", watcher.number))
        print_.sends.append((watcher.number, EVERY_MESSAGE))
    for linked in proc.links:
        peer = node.processes.get(linked.number)
        print_.reads |= {("alive", linked.number), ("trap", linked.number)}
        if peer is not None and peer.trap_exit:
            print_.sends.append((linked.number, ("EXIT", proc.pid, reason)))
        elif reason != "normal":
            print_.everything = True
