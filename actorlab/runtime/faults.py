"""Faults, injected on purpose: kill a process, drop or delay a message, partition.

Real local Erlang can produce only one of these: a process can be killed at any moment
(`exit(pid, "kill")`, a crash, an out-of-memory kill). The BEAM never loses, delays or
reorders a message between two live processes on one node. Dropped, delayed and
partitioned messages are what distribution brings (other nodes, networks): Erlang's
guarantees between nodes are weaker, and a node that loses its connection to another
sees `noconnection`. Injecting them here shows why refs, monitors, timeouts and
supervisors exist, in the style of FoundationDB's simulation testing and Jepsen.

>>> from actorlab import ANY, Node
>>> node = Node(log=None, faults=[drop(("ping", ANY))])
>>> _ = node.send(node.self_pid(), ("ping", 1))
>>> node.process_info(node.self_pid())["messages"]
[]

A fault fires where it says (`after` a process's n-th receive, `on` a message it
receives, `at` a virtual time), or with a `chance` (0 to 1) drawn from the node's seeded
random generator, so the same seed injects the same faults every run. Each fault is a
trace event, drawn in diagrams, and named in deadlock reports.
"""
from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable

from ..trace import Pid, describe_pattern, short
from .errors import BadArgument
from .patterns import check_pattern, matches
from .process import EXITED, Process

if TYPE_CHECKING:
    from .node import Node

Target = Any
"""A process, as a fault names it: a pid, a registered name or a label."""


# -- what can be injected -------------------------------------------------------------------

def _call(name: str, positional: tuple, keywords: dict, defaults: dict) -> str:
    """`kill('accounts', after=2)`: how to write a fault, its defaults left out."""
    parts = [repr(v) for v in positional]
    parts += [f"{key}={value!r}" for key, value in keywords.items()
              if value != defaults.get(key)]
    return f"faults.{name}({', '.join(parts)})"


@dataclass(frozen=True, repr=False)
class Kill:
    """End `target` with `reason`: right after its `after`-th receive, or when it
    receives a message matching `on`, or at virtual time `at` (ms). Fires once.

    The process ends at once, as if it had exited there itself (a crash at that point):
    `trap_exit` cannot stop it, and a GenServer's `terminate` does not run. Its links and
    monitors hear `reason`. The default, "killed", is what `exit(pid, "kill")` leaves;
    "normal" ends it quietly (links ignore it); any other reason is a crash there."""

    target: Target
    reason: Any = "killed"
    after: int | None = None
    on: Any = None
    at: int | None = None
    chance: float = 1.0

    def __repr__(self) -> str:
        return _call("kill", (self.target,), {"reason": self.reason, "after": self.after,
                                              "on": self.on, "at": self.at,
                                              "chance": self.chance},
                     {"reason": "killed", "after": None, "on": None, "at": None, "chance": 1})

    def __str__(self) -> str:
        when = (f"after its receive #{self.after}" if self.after is not None else
                f"when it receives {describe_pattern(self.on)}" if self.on is not None else
                f"at {self.at:g} ms" if self.at is not None else "")
        return f"kill {_named(self.target)} {when}".strip()


@dataclass(frozen=True, repr=False)
class Drop:
    """Lose the messages matching `pattern` (only from `sender` / to `to`, if given).
    `nth`: only the nth such message (from 1)."""

    pattern: Any = None
    sender: Target = None
    to: Target = None
    nth: int | None = None
    chance: float = 1.0

    def __repr__(self) -> str:
        return _call("drop", (self.pattern,), {"sender": self.sender, "to": self.to,
                                               "nth": self.nth, "chance": self.chance},
                     {"sender": None, "to": None, "nth": None, "chance": 1})

    def __str__(self) -> str:
        which = f"message #{self.nth} matching" if self.nth else "messages matching"
        return f"drop {which} {describe_pattern(self.pattern)}{_between(self.sender, self.to)}"


@dataclass(frozen=True, repr=False)
class Delay:
    """Deliver the messages matching `pattern` `ms` later. Between two processes nothing
    overtakes a delayed message, as Erlang keeps the order of every signal between a
    pair: later messages wait behind it, and so does an exit signal or DOWN from its
    sender, as over a slow link. A DOWN whose monitor is removed meanwhile never comes;
    an exit signal of a link the target removes meanwhile is ignored.

    Only the message is late: its sender goes on at once, and may end. Meanwhile it is
    what it is, ended, to everyone (`is_alive` says False, its name is free, a monitor of
    it gets a DOWN with "noproc" behind the held message, a kill finds nobody), as a
    process on the far side of a slow link may have ended while its last messages
    travel. The BEAM twins stage a delay with a sender that sleeps before it sends, so
    they compare what arrives and when, not what the sender looks like meanwhile."""

    pattern: Any
    ms: int
    sender: Target = None
    to: Target = None
    nth: int | None = None
    chance: float = 1.0

    def __repr__(self) -> str:
        return _call("delay", (self.pattern, self.ms), {"sender": self.sender, "to": self.to,
                                                        "nth": self.nth, "chance": self.chance},
                     {"sender": None, "to": None, "nth": None, "chance": 1})

    def __str__(self) -> str:
        which = f"message #{self.nth} matching" if self.nth else "messages matching"
        return f"delay {which} {describe_pattern(self.pattern)}{_between(self.sender, self.to)} " \
               f"by {self.ms:g} ms"


@dataclass(frozen=True, repr=False)
class Partition:
    """Cut the `groups` of processes off from each other from `start` to `end` (ms):
    messages and exit signals across the cut are lost, and links and monitors across it
    fire with "noconnection", as when distributed Erlang loses a node.

    A group holds the processes it names (by pid, registered name or label), and the
    processes they start, as a process Erlang spawns runs on its parent's node. When the
    partition starts, each process takes its side by that rule; one started during it
    takes its parent's side, whatever its label (so a supervisor restarts a child on its
    own side); one that has no side by either rule is on the side its name puts it, if
    any.

    It begins as its timer fires, when nothing else can run: with `start=0`, once the
    cell that set it up first waits. What that cell's processes do before then (a call
    they make at once) still gets through; a later `start` cuts them at a known time."""

    groups: tuple
    start: float = 0
    end: float = math.inf

    def __repr__(self) -> str:
        return _call("partition", tuple(list(group) for group in self.groups),
                     {"start": self.start, "end": self.end}, {"start": 0, "end": math.inf})

    def __str__(self) -> str:
        sides = " | ".join(", ".join(_named(t) for t in group) for group in self.groups)
        until = "" if self.end == math.inf else f" until {self.end:g} ms"
        return f"partition {sides} from {self.start:g} ms{until}"


def kill(target: Target, reason: Any = "killed", *, after: int | None = None, on: Any = None,
         at: int | None = None, chance: float = 1.0) -> Kill:
    """A fault that ends `target` (see `Kill`).

    >>> kill("accounts", after=2)
    faults.kill('accounts', after=2)
    """
    _check_target(target, "kill")
    if reason == "kill":
        raise BadArgument('kill: reason="kill" is the signal, not a reason: a process '
                          'killed by exit(pid, "kill") exits with "killed", the default '
                          "(leave reason= out)")
    if sum(x is not None for x in (after, on, at)) > 1:
        raise BadArgument("kill: give one of after=, on= and at= (when it happens)")
    _check_count("kill: after", after)
    _check_time("kill: at", at)
    if on is not None:
        check_pattern(on)
    return Kill(target, reason, after, on, at, _chance(chance))


def drop(pattern: Any = None, *, sender: Target = None, to: Target = None,
         nth: int | None = None, chance: float = 1.0) -> Drop:
    """A fault that loses messages (see `Drop`): `drop(("ok", ANY), to="client")`."""
    _check_message_fault("drop", pattern, sender, to, nth)
    return Drop(pattern, sender, to, nth, _chance(chance))


def delay(pattern: Any, ms: int, *, sender: Target = None, to: Target = None,
          nth: int | None = None, chance: float = 1.0) -> Delay:
    """A fault that makes messages late (see `Delay`): `delay(ANY, 100, to="bank")`."""
    _check_message_fault("delay", pattern, sender, to, nth)
    _check_time("delay: ms", ms)
    return Delay(pattern, ms, sender, to, nth, _chance(chance))


def partition(*groups: Any, start: int = 0, end: float = math.inf) -> Partition:
    """A fault that cuts groups of processes off from each other (see `Partition`):
    `partition(["a", "b"], ["c"], start=100, end=500)`."""
    if len(groups) < 2:
        raise BadArgument("partition needs two groups or more: partition(['a'], ['b'])")
    for group in groups:
        if not isinstance(group, (list, tuple, set, frozenset)) or not group:
            raise BadArgument(f"partition: each group is a list of processes, not {short(group)}")
        for target in group:
            _check_target(target, "partition")
    _check_time("partition: start", start)
    if end != math.inf:
        _check_time("partition: end", end)
    if end <= start:
        raise BadArgument(f"partition: end ({end:g}) must come after start ({start:g})")
    return Partition(tuple(tuple(group) for group in groups), start, end)


FAULTS = (Kill, Drop, Delay, Partition)


# -- the injector: one per node ----------------------------------------------------------------

@dataclass
class Injected:
    """A fault that fired: what, to whom, and the step of the trace event that says so."""

    fault: Any
    what: str
    step: int | None
    clock: float


@dataclass
class Injector:
    """The faults of one node, and what they have done so far."""

    faults: list
    chance: random.Random
    receives: dict = field(default_factory=dict)       # pid number -> receives so far
    matched: dict = field(default_factory=dict)        # fault index -> messages matched
    fired: set = field(default_factory=set)            # fault indexes that have fired
    held: dict = field(default_factory=dict)           # (sender, to) -> delayed messages
    cut: list = field(default_factory=list)            # partitions in force
    sides: dict = field(default_factory=dict)          # pid number -> {partition: group}
    parents: dict = field(default_factory=dict)        # pid number -> its parent's
    injected: list = field(default_factory=list)       # Injected, oldest first

    def roll(self, index: int, fault: Any) -> bool:
        """Does `fault` (the `index`-th) fire this time? Its chance, from the seeded generator."""
        return fault.chance >= 1 or self.chance.random() < fault.chance


def injector(faults: Any, seed: int | None) -> Injector | None:
    """The injector for a node's `faults=` option (None: no faults)."""
    if faults is None:
        return None
    faults = list(faults) if isinstance(faults, (list, tuple)) else [faults]
    for fault in faults:
        if not isinstance(fault, FAULTS):
            raise BadArgument(f"faults= takes faults made by kill(), drop(), delay() and "
                              f"partition() (from actorlab.faults), not {short(fault)}")
    return Injector(faults, random.Random(f"faults:{seed or 0}"))


def is_one(proc: Process, target: Target) -> bool:
    """Is `proc` the process `target` names (its pid, registered name or label)?"""
    if type(target) is Pid:
        return proc.pid == target
    return target in (proc.name, proc.label)


def side(injector: Injector, proc: Process) -> dict:
    """For each partition in force, the group `proc` is in (absent: it is in none): the
    side it took (see `Partition`), else the group that names it."""
    mine = dict(injector.sides.get(proc.pid.number, {}))
    for index, part in injector.cut:
        if index not in mine and (group := _naming(part, proc)) is not None:
            mine[index] = group
    return mine


def _naming(part: Partition, proc: Process) -> int | None:
    """The number of the group of `part` that names `proc`, if one does."""
    return next((number for number, group in enumerate(part.groups)
                 if any(is_one(proc, target) for target in group)), None)


def spawned(node: Node, parent: Process, child: Process) -> None:
    """Note `child`'s parent, and during a partition give it its parent's side."""
    injector = node.faults
    injector.parents[child.pid.number] = parent.pid.number
    if injector.cut:
        injector.sides[child.pid.number] = side(injector, parent)


def across(injector: Injector, a: Process, b: Process) -> bool:
    """Are `a` and `b` on two sides of a partition in force?"""
    if not injector.cut:
        return False
    mine, theirs = side(injector, a), side(injector, b)
    return any(index in theirs and theirs[index] != group for index, group in mine.items())


def _named(target: Target) -> str:
    return repr(target) if type(target) is Pid else f"{target!r}"


def _between(sender: Target, to: Target) -> str:
    return (f" from {_named(sender)}" if sender is not None else "") + \
           (f" to {_named(to)}" if to is not None else "")


def _check_target(target: Any, what: str) -> None:
    if type(target) is not Pid and not (isinstance(target, str) and target):
        raise BadArgument(f"{what}: name a process by its pid, registered name or label, "
                          f"not {short(target)}")


def _check_message_fault(what: str, pattern: Any, sender: Any, to: Any, nth: Any) -> None:
    if pattern is not None:
        check_pattern(pattern)
    if type(pattern) is tuple and pattern[:1] in (("DOWN",), ("EXIT",)):
        # They come from the runtime, not from a send, and are never lost on one node.
        raise BadArgument(f"{what} acts on messages processes send; {pattern[0]} messages "
                          "come from links and monitors and are never lost or late on one "
                          "node. To cut a link or monitor, use partition(), which makes "
                          "them fire with \"noconnection\"")
    for target in (sender, to):
        if target is not None:
            _check_target(target, what)
    _check_count(f"{what}: nth", nth)


def _check_count(what: str, value: Any) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int)
                              or value < 1):
        raise BadArgument(f"{what} counts from 1, not {short(value)}")


def _check_time(what: str, value: Any) -> None:
    # Whole milliseconds, as every time in actorlab (and Erlang): the clock stays a whole
    # number, so a timeout worked out from it (`due - now()`) is one too.
    if value is not None and (isinstance(value, bool) or not isinstance(value, int)
                              or value < 0):
        raise BadArgument(f"{what} is a whole number of milliseconds, 0 or more, "
                          f"not {short(value)}")


def _chance(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 1:
        raise BadArgument(f"chance is a probability above 0 and up to 1, not {short(value)}")
    return float(value)


# -- what the node does with them (node.py calls these) ------------------------------------

class FaultTimer:
    """A fault due at a virtual time (a kill `at`, a partition's start or end): the
    scheduler's heap holds it like any timer, and `act` runs when it is due."""

    __slots__ = ("act", "timer")

    def __init__(self, act: Any) -> None:
        self.act = act
        self.timer: tuple | None = None


def start(node: Node) -> None:
    """Set the timers of the faults that come at a given time."""
    for index, fault in enumerate(node.faults.faults):
        if type(fault) is Kill and fault.at is not None:
            _at(node, fault.at, lambda i=index, f=fault: _kill_at(node, i, f))
        elif type(fault) is Partition:
            _at(node, fault.start, lambda i=index, f=fault: _cut(node, i, f))
            if fault.end != math.inf:
                _at(node, fault.end, lambda i=index, f=fault: _heal(node, i, f))


def _at(node: Node, ms: float, act: Any) -> None:
    node.scheduler.set_timer(FaultTimer(act), ms)


@dataclass(frozen=True)
class HeldSignal:
    """An exit signal or DOWN waiting behind messages a fault holds back from its sender.
    `arrive` delivers it, and returns why it no longer counts, if it does not (a monitor
    removed, a link unlinked meanwhile); `message` is what the trace shows of it."""

    arrive: Callable[[], str | None]
    message: Any
    step: int | None


def send(node: Node, me: Process, target: Process, message: Any, name: str | None,
         alias: int | None) -> None:
    """`send`'s delivery when faults are injected: delivered, lost, or held back."""
    verdict = on_send(node, me, target, message)
    sent = node.trace.next_step
    woke = verdict is None and node.deliver(target, message, sent)
    if verdict is None and alias is not None:
        node.signals.reply_received(target, alias)
    # delivered None, not False: the receiver is alive; the fault event says what happened
    node.record("send", me.pid.number, target.pid.number, message,
                True if verdict is None else None, name, alias, woke)
    if verdict in ("drop", "cut"):
        text = "lost across a partition" if verdict == "cut" else "dropped"
        note_message(node, verdict, me, target, message, sent, text)
    elif verdict == "queue":
        node.record("fault", me.pid.number, "queue", target.pid.number, message, sent, False,
                    "waits behind a delayed message")
        hold(node, me, target, (message, sent, name, alias), None)
    elif verdict is not None:
        note_message(node, "delay", me, target, message, sent, f"delayed {verdict:g} ms")
        hold(node, me, target, (message, sent, name, alias), verdict)


def on_send(node: Node, me: Process, target: Process, message: Any) -> Any:
    """What becomes of a message from `me` to `target`: None (delivered), "drop", "cut"
    (a partition), a delay in ms, or "queue" (it waits behind a delayed one)."""
    injector = node.faults
    if across(injector, me, target):
        return "cut"
    verdict = None
    for index, fault in enumerate(injector.faults):
        if type(fault) not in (Drop, Delay) or not _concerns(fault, me, target, message):
            continue
        injector.matched[index] = count = injector.matched.get(index, 0) + 1
        if (fault.nth is None or fault.nth == count) and injector.roll(index, fault):
            verdict = "drop" if type(fault) is Drop else fault.ms
            break
    if verdict is None and (me.pid.number, target.pid.number) in injector.held:
        return "queue"
    return verdict


def _concerns(fault: Any, me: Process, target: Process, message: Any) -> bool:
    return ((fault.pattern is None or matches(fault.pattern, message))
            and (fault.sender is None or is_one(me, fault.sender))
            and (fault.to is None or is_one(target, fault.to)))


def hold(node: Node, me: Process, target: Process, send: tuple, ms: float | None) -> None:
    """Keep back a message, `send` = (message, step of its send, the name or alias it was
    sent to), for `target`: `ms` later (a delay), or behind the delayed ones (None).

    Each held message is `[send, due, target]`: one queued behind is due at once, but
    arrives only when every message before it has. A held signal is one too, its `send`
    a `HeldSignal` (see `hold_signal`)."""
    pair = (me.pid.number, target.pid.number)
    held = [send, ms is None, target]
    node.faults.held.setdefault(pair, []).append(held)
    if ms is not None:
        _at(node, ms, lambda: _release(node, pair, held))


def _release(node: Node, pair: tuple, held: list) -> None:
    """A delayed message is due: it arrives, with those behind it that are due, unless
    one before it is still held back (it then comes with that one)."""
    if any(entry is held for entry in node.faults.held.get(pair, ())):  # still held back
        held[1] = True
        _deliver_held(node, pair, everything=False)


def hold_signal(node: Node, sender: Pid, target: Process, arrive: Callable[[], str | None],
                message: Any) -> bool:
    """An exit signal or DOWN from `sender` leaves for `target` (`message`: its EXIT or
    DOWN tuple, for the trace). If a fault holds back messages `sender` sent `target`,
    the signal waits behind them, and arrives (`arrive` runs) right after the last of
    them, at its due time, as over a slow link. Returns True if it is held, False if
    nothing is in its way (the caller delivers it now)."""
    pairs = _pairs_to(node, sender.number, target)
    if not pairs:
        return False
    what = "an exit signal" if message[0] == "EXIT" else "a DOWN"
    step = node.record("fault", sender.number, "queue", target.pid.number, message, None,
                       False, f"{what} waits behind a delayed message")
    node.faults.held[pairs[-1]].append([HeldSignal(arrive, message, step), True, target])
    return True


def overtaken(node: Node, sender: Pid, target: Process) -> None:
    """A signal the runtime makes up about `sender` (a partition's "noconnection") is
    about to reach `target`: the messages held back that `sender` sent to it (or to a name
    `target` holds now) arrive first, at once."""
    for pair in _pairs_to(node, sender.number, target):
        if pair in node.faults.held:        # not emptied by a signal delivered before
            _deliver_held(node, pair, everything=True)


def _pairs_to(node: Node, sender: int, target: Process) -> list[tuple]:
    """The pairs with messages held back from `sender` (a pid number) that would reach
    `target` now: sent to it, or to a name it holds now."""
    return [pair for pair, queue in node.faults.held.items()
            if pair[0] == sender and (pair[1] == target.pid.number or any(
                _lands(node, held) is target for held in queue))]


def _lands(node: Node, held: list) -> Process:
    """The process a held message or signal would reach if it arrived now."""
    send, _, target = held
    return target if type(send) is HeldSignal else _arrival(node, target, *send[2:])[0]


def _deliver_held(node: Node, pair: tuple, *, everything: bool) -> None:
    """Deliver `pair`'s held messages from the front, in order: those that are due, or
    (`everything`) all of them."""
    queue = node.faults.held[pair]
    while queue and (everything or queue[0][1]):
        send, _, target = queue.pop(0)
        if type(send) is HeldSignal:
            _signal_arrives(node, pair, send, target)
            continue
        message, sent, name, alias = send
        to, lost = _arrival(node, target, name, alias)
        woke = lost is None and node.deliver(to, message, node.trace.next_step)
        if lost is None and alias is not None:
            node.signals.reply_received(to, alias)
        node.record("fault", pair[0], "deliver", to.pid.number, message, sent, woke,
                    lost or "delivered late")
    if not queue:
        node.faults.held.pop(pair, None)    # gone already if a signal's arrival emptied it


def _signal_arrives(node: Node, pair: tuple, signal: HeldSignal, target: Process) -> None:
    """A held signal reached the front of `pair`'s queue. If messages from its sender to
    `target` are still held in another queue (one sent by name, say), it waits behind
    those too; otherwise it arrives, unless `target` has died meanwhile (it vanishes)."""
    later = [other for other in _pairs_to(node, pair[0], target) if other != pair]
    if later:
        node.faults.held[later[-1]].append([signal, True, target])
        return
    lost = "late, to a dead process" if target.status == EXITED else signal.arrive()
    if lost is not None:
        node.record("fault", pair[0], "deliver", target.pid.number, signal.message,
                    signal.step, False, lost)


def _arrival(node: Node, target: Process, name: str | None,
             alias: int | None) -> tuple[Process, str | None]:
    """Where a late message lands, judged when it arrives, as between nodes: a name is
    looked up then (a restarted server gets it), and an alias must still be active (OTP
    24+ drops a late reply to a call that timed out). Returns the process and, if the
    message is lost, why."""
    if alias is not None and alias not in node.aliases:
        return target, "late, to an inactive alias"
    if name is not None:
        holder = node.names.whereis(name)
        if holder is None:
            return target, "late, to a name nobody has"
        target = holder
    return target, "late, to a dead process" if target.status == EXITED else None


def after_take(node: Node, proc: Process, message: Any) -> bool:
    """`proc` has just taken `message`: True if a fault ends it now (the message lost)."""
    injector = node.faults
    injector.receives[proc.pid.number] = count = injector.receives.get(proc.pid.number, 0) + 1
    for index, fault in enumerate(injector.faults):
        if type(fault) is not Kill or index in injector.fired or not is_one(proc, fault.target):
            continue
        if (fault.after == count or (fault.on is not None and matches(fault.on, message))) \
                and injector.roll(index, fault):
            injector.fired.add(index)
            _end(node, fault, proc, f"killed after receiving {short(message, 60)}")
            return True
    return False


def _kill_at(node: Node, index: int, fault: Kill) -> None:
    victims = [p for p in node.processes.values() if is_one(p, fault.target)]
    if victims and node.faults.roll(index, fault):
        node.faults.fired.add(index)
        _end(node, fault, victims[0], f"killed at {node.clock:g} ms")
    elif not victims:
        node.record("fault", node.shell.pid.number, "kill", None, None, None, False,
                    f"{fault}: no such process")
        node.log(f"[fault] {fault}: no process is {_named(fault.target)} at {node.clock:g} ms")


def _end(node: Node, fault: Kill, proc: Process, how: str) -> None:
    step = node.record("fault", proc.pid.number, "kill", proc.pid.number, None, None, False,
                       f"{fault}: {how}")
    node.faults.injected.append(Injected(fault, f"{proc!r} {how}", step, node.clock))
    node.log(f"[fault] {proc!r} {how} ({fault})")
    node.signals.kill(proc, fault.reason)


def note_message(node: Node, what: str, me: Process, target: Process, message: Any,
                 sent: int | None, fault_text: str) -> None:
    """Trace (and remember) a message fault: a drop, a cut or a delay."""
    step = node.record("fault", me.pid.number, what, target.pid.number, message, sent, False,
                       fault_text)
    node.faults.injected.append(Injected(
        fault_text, f"{what}: {short(message, 60)} from {me!r} to {target!r}", step,
        node.clock))


def _cut(node: Node, index: int, fault: Partition) -> None:
    """A partition begins: links and monitors across it fire with "noconnection"."""
    injector = node.faults
    injector.cut.append((index, fault))
    # Parents before their children, the dead too: a process started through one that
    # has ended since is still on its grandparent's side.
    for number in sorted(node.processes.keys() | injector.parents.keys()):
        proc = node.processes.get(number)
        group = _naming(fault, proc) if proc is not None else None
        if group is None:
            group = injector.sides.get(injector.parents.get(number), {}).get(index)
        if group is not None:
            injector.sides.setdefault(number, {})[index] = group
    step = node.record("fault", node.shell.pid.number, "partition", None, None, None, False,
                       str(fault))
    injector.injected.append(Injected(fault, str(fault), step, node.clock))
    node.log(f"[fault] {fault}")
    for proc in list(node.processes.values()):
        for peer_pid in list(proc.links):
            peer = node.processes.get(peer_pid.number)
            if peer is not None and proc.status != "exited" and across(injector, proc, peer):
                node.signals.unlink(proc, peer_pid)
                node.signals.signal(peer_pid, proc, "noconnection", from_link=True,
                                    in_order=False)
                if peer.status != "exited":
                    node.signals.signal(proc.pid, peer, "noconnection", from_link=True,
                                        in_order=False)
        for ref, watched_pid in list(proc.monitoring.items()):
            watched = node.processes.get(watched_pid.number)
            if watched is not None and across(injector, proc, watched):
                node.signals.down(proc, ref, watched, "noconnection")


def _heal(node: Node, index: int, fault: Partition) -> None:
    node.faults.cut = [(i, part) for i, part in node.faults.cut if i != index]
    for sides in node.faults.sides.values():
        sides.pop(index, None)
    node.record("fault", node.shell.pid.number, "heal", None, None, None, False, str(fault))
    node.log(f"[fault] healed: {fault}")


def report(node: Node) -> list[str]:
    """The faults injected so far, for a deadlock report (newest last, at most ten)."""
    lines = []
    for injected in node.faults.injected[-10:] if node.faults else ():
        at = f" (trace step {injected.step})" if injected.step is not None else ""
        lines.append(f"  at {injected.clock:g} ms{at}: {injected.what} [{injected.fault}]")
    return lines
