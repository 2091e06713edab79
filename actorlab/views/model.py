"""What the pictures show, read off a trace: lanes, rows, arrows, waits and marks.

The views never look at live processes: they read a `Trace` (perhaps loaded from JSON
years later) and turn it into this plain model, which the drawing code then lays out.
Keeping the reading here makes it testable without graphviz.

Vocabulary:
* a *lane* is a process: one vertical lifeline, named the way people think of it;
* a *row* is one event: every drawn event gets its own row, time going down;
* an *arrow* is a message, from the row it was sent to the row it was received (a
  message still in a mailbox at the end, or dropped at a dead process, ends in a mark);
* a *wait* is a process blocked in receive, from its block to what woke it;
* a *mark* is anything else drawn on a lane: spawn, exit, crash, timeout, note, cycle...
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from ..runtime import BadArgument
from ..trace import Event, Pid, Ref, Trace, describe_pattern, short
from ..trace.protocol import (is_gen_call, is_gen_cast, is_hand_call, is_hand_cast,
                               is_normal, is_system)
from ..trace.text import SIGNAL_OUTCOMES

# Events of OTP's bookkeeping, hidden by hide_system=True (as are its messages, `is_system`).
SYSTEM_KINDS = ("alias", "unalias", "demonitor", "monitor")
LONG = 200   # labels are cut here; the drawing cuts them again to what fits (its `width`)


@dataclass
class Lane:
    pid: Pid
    name: str                      # "shell", "counter", "Counter#2"
    index: int = 0
    started: int | None = None     # the step of its spawn (None: there from the start)
    ended: int | None = None       # the step of its exit
    reason: Any = None
    crashed: bool = False


@dataclass
class Arrow:
    sent: int                      # the step of the send (or signal)
    sender: Pid
    to: Pid
    message: Any
    role: str                      # call, reply, cast, message, exit, down, signal, spawn
    label: str
    received: int | None = None    # the step of the receive, if it happened
    fate: str = "unread"           # received, unread (still in the mailbox), dropped


@dataclass
class Wait:
    pid: Pid
    start: int                     # the block event's step
    end: int | None                # the receive or timeout that ended it; None: still waiting
    pattern: str
    waiting_for: Pid | None
    timed_out: bool = False
    sleep: float | None = None     # ms, if this wait is a sleep()


@dataclass
class Mark:
    step: int
    pid: Pid
    kind: str                      # spawn, exit, crash, killed, timeout, woke, note,
    text: str                      # register, link, monitor, signal, cycle, deadlock
    peer: Pid | None = None


@dataclass
class Race:
    """Two operations that explore() found decide the outcome: in the other order, it
    is `instead`."""
    first: int                     # their steps (rows)
    second: int
    first_pid: Pid
    second_pid: Pid
    instead: Any


@dataclass
class Model:
    lanes: list[Lane]
    rows: list[int]                               # the steps drawn, in order
    arrows: list[Arrow] = field(default_factory=list)
    waits: list[Wait] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    races: list[Race] = field(default_factory=list)
    drawn_by: dict[int, Pid] = field(default_factory=dict)   # a row's step -> its lane
    first: int = 1                                # the window of steps shown
    last: int = 0
    total: int = 0                                # events in the whole trace
    names: dict[Pid, str] = field(default_factory=dict)   # every process, shown or not

    def lane(self, pid: Pid) -> Lane:
        return next(lane for lane in self.lanes if lane.pid == pid)


def lane_names(trace: Trace) -> dict[Pid, str]:
    """Names for every pid; a name used by several processes gets #2, #3... after the first.

    >>> from actorlab import reset, spawn, receive
    >>> node = reset(log=None)
    >>> a, b = spawn(receive, label="worker"), spawn(receive, label="worker")
    >>> [lane_names(node.trace)[p] for p in (a, b)]
    ['worker', 'worker#2']
    """
    names = trace.names()
    seen: dict[str, int] = {}
    unique: dict[Pid, str] = {}
    for pid in sorted(names):
        base = names[pid]
        seen[base] = seen.get(base, 0) + 1
        unique[pid] = base if seen[base] == 1 else f"{base}#{seen[base]}"
    return unique


def message_role(message: Any, alias: Any) -> tuple[str, str]:
    """(role, label text) of a message, naming calls, casts and replies as such.

    Both OTP's shapes (`GenServer.call` and `cast`) and the course's hand-built ones
    count (see `actorlab.trace.protocol`); a reply is a pair tagged with a ref,
    `(ref, reply)`.

    >>> message_role(("call", Pid(0), Ref(1), "get"), None)
    ('call', "call 'get'")
    """
    if is_gen_call(message):
        return "call", f"call {short(message[2], LONG)}"
    if is_hand_call(message):
        return "call", f"call {short(message[3], LONG)}"
    if is_gen_cast(message) or is_hand_cast(message):
        return "cast", f"cast {short(message[1], LONG)}"
    if type(message) is tuple and len(message) == 2 and type(message[0]) is Ref:
        return "reply", f"reply {short(message[1], LONG)}"
    if is_system(message):
        return "system", short(message, LONG)
    return "message", short(message, LONG)


def build(trace: Trace, *, processes: Iterable[Any] | None = None,
          steps: tuple[int, int] | None = None, hide_system: bool = False,
          max_rows: int = 200) -> Model:
    """Read `trace` into a `Model`.

    `processes`: pids or names to show, as lanes in that order (default: all, in pid
    order); `steps`: (first, last) window; `hide_system`: leave out OTP's bookkeeping
    messages and monitor/alias events; `max_rows`: without `steps`, a longer trace shows
    its last `max_rows` rows (the events drawn, after the filters). A bad option raises
    `BadArgument`, saying what it takes.
    """
    _check_window(steps, max_rows)
    events = trace.events
    names = lane_names(trace)
    order = _wanted_pids(processes, names)
    wanted = set(order) if order is not None else None
    total = len(events)
    if steps is None:
        # Where the last `max_rows` drawn rows begin: read once to find what is drawn.
        counting = _Reader(Model(lanes=[], rows=[]), {}, wanted, hide_system, names)
        drawn = [e.step for e in events if counting.read(e)]
        first = drawn[-max_rows] if len(drawn) > max_rows else 1
        last = total
    else:
        first, last = max(1, steps[0]), min(total, steps[1])
    window = [e for e in events if first <= e.step <= last]

    receipts = {e.data["sent"]: e.step for e in events if e.kind == "receive" and e.data["sent"]}
    lanes: dict[Pid, Lane] = {}
    model = Model(lanes=[], rows=[], first=first, last=last, total=total, names=names)

    def lane_for(pid: Pid) -> Lane:
        if pid not in lanes:
            lanes[pid] = Lane(pid, names.get(pid, repr(pid)))
        return lanes[pid]

    for event in events:                         # lifetimes come from the whole trace
        if event.kind == "spawn":
            lane_for(event.data["child"]).started = event.step
        elif event.kind == "exit":
            lane = lane_for(event.pid)
            lane.ended, lane.reason, lane.crashed = event.step, event.data["reason"], \
                event.data["crash"]

    def shown(*pids: Pid | None) -> bool:
        return all(p is None or wanted is None or p in wanted for p in pids)

    reader = _Reader(model, receipts, wanted, hide_system, names)
    for event in window:
        drawn = reader.read(event)
        if drawn:
            model.rows.append(event.step)
            model.drawn_by[event.step] = drawn[0]
            for pid in drawn:
                lane_for(pid)
    model.waits.extend(reader.open_waits.values())
    model.waits.sort(key=lambda w: w.start)
    drawn = {pid for arrow in model.arrows for pid in (arrow.sender, arrow.to)} | \
        {mark.pid for mark in model.marks} | {wait.pid for wait in model.waits}

    def alive_in_window(lane: Lane) -> bool:
        return (lane.started or 0) <= last and (lane.ended is None or lane.ended >= first)

    order = order if order is not None else sorted(lanes, key=lambda p: p.number)
    model.lanes = [lanes[p] for p in order if p in lanes
                   and (p in drawn or alive_in_window(lanes[p]))]
    for index, lane in enumerate(model.lanes):
        lane.index = index
    return model


def _check_window(steps: Any, max_rows: Any) -> None:
    """Refuse a window that would show nothing, or a wrong kind of value, in words."""
    if type(max_rows) is not int or max_rows < 1:
        raise BadArgument(f"max_rows is the number of rows to show, a whole number from 1 "
                          f"up, not {max_rows!r}")
    if steps is not None and not (isinstance(steps, (tuple, list)) and len(steps) == 2
                                  and all(type(s) is int for s in steps)
                                  and 1 <= steps[0] <= steps[1]):
        raise BadArgument(f"steps is a pair (first, last) of step numbers, with 1 <= first "
                          f"<= last, not {steps!r}")


def _wanted_pids(processes: Iterable[Any] | None, names: dict[Pid, str]) -> list[Pid] | None:
    """The pids to show, in the order given (names looked up), or None for all."""
    if processes is None:
        return None
    if isinstance(processes, str) or type(processes) is Pid:
        raise BadArgument(f"processes is a list of pids or names, not {processes!r}: "
                          f"write [{processes!r}]")
    by_name = {name: pid for pid, name in names.items()}
    wanted: list[Pid] = []
    for item in processes:
        pid = item if type(item) is Pid else by_name.get(item)
        if pid is None:
            known = ", ".join(sorted(by_name))
            raise BadArgument(f"no process called {item!r} in this trace; its processes are: "
                              f"{known}")
        if pid not in wanted:
            wanted.append(pid)
    return wanted


class _Reader:
    """Adds what each event draws to the model; `read` returns the pids it touches."""

    def __init__(self, model: Model, receipts: dict[int, int], wanted: set[Pid] | None,
                 hide_system: bool, names: dict[Pid, str]) -> None:
        self.model = model
        self.receipts = receipts            # send step -> receive step
        self.wanted = wanted
        self.hide_system = hide_system
        self.names = names
        self.open_waits: dict[Pid, Wait] = {}

    def shown(self, *pids: Pid | None) -> bool:
        return all(p is None or self.wanted is None or p in self.wanted for p in pids)

    def read(self, event: Event) -> tuple[Pid, ...]:
        kind = event.kind
        if self.hide_system and (kind in SYSTEM_KINDS or
                                 (kind == "note" and event.data["data"] is not None)):
            return ()
        reader = getattr(self, f"_{kind}", None)
        return reader(event, event.data, event.pid, event.step) if reader else ()

    def _arrow(self, step: int, sender: Pid, to: Pid, message: Any, role: str, label: str,
               lost: bool = False) -> tuple[Pid, ...]:
        received = self.receipts.get(step)
        fate = "received" if received else ("dropped" if lost else "unread")
        self.model.arrows.append(Arrow(step, sender, to, message, role, label, received, fate))
        return (sender, to)

    def _mark(self, step: int, pid: Pid, kind: str, text: str,
              peer: Pid | None = None) -> tuple[Pid, ...]:
        self.model.marks.append(Mark(step, pid, kind, text, peer))
        return (pid,) if peer is None else (pid, peer)

    def _end_wait(self, pid: Pid, step: int, timed_out: bool) -> None:
        wait = self.open_waits.pop(pid, None)
        if wait:
            wait.end, wait.timed_out = step, timed_out
            self.model.waits.append(wait)

    # One method per kind of event, named after it.

    def _send(self, event: Event, d: dict, pid: Pid, step: int) -> tuple[Pid, ...]:
        role, label = message_role(d["msg"], d["alias"])
        if (is_gen_call(d["msg"]) or is_gen_cast(d["msg"])) and self._is_shell(d["to"]):
            # The shell is no GenServer: its receive sees the message as it is, tag and all.
            role, label = "message", short(d["msg"], LONG)
        if (self.hide_system and role == "system") or not self.shown(pid, d["to"]):
            return ()
        if d["to"] is None:             # to (name, node) that nobody has: it reached nobody
            return self._mark(step, pid, "dropped",
                              f"send {short(d['msg'], 40)} to {d['name']}: nobody, dropped")
        return self._arrow(step, pid, d["to"], d["msg"], role, label, lost=not d["delivered"])

    def _is_shell(self, pid: Pid | None) -> bool:
        name = self.names.get(pid, "")
        return name == "shell" or name.startswith("shell#")

    def _send_after(self, event: Event, d: dict, pid: Pid, step: int) -> tuple[Pid, ...]:
        if not self.shown(pid):
            return ()
        to = self.names.get(d["to"], repr(d["to"])) if d["to"] is not None else repr(d["name"])
        return self._mark(step, pid, "timer",
                          f"⏱ {short(d['msg'], 30)} to {to} in {d['after']:g} ms")

    def _timer_fired(self, event: Event, d: dict, pid: Pid, step: int) -> tuple[Pid, ...]:
        """The message comes from the timer: drawn from where it was set, dashed."""
        if d["to"] is None or not self.shown(pid, d["to"]):
            return ()
        return self._arrow(step, pid, d["to"], d["msg"], "timer", f"⏱ {short(d['msg'], LONG)}")

    def _cancel_timer(self, event: Event, d: dict, pid: Pid, step: int) -> tuple[Pid, ...]:
        if not self.shown(pid):
            return ()
        left = "too late" if d["left"] is False else f"{d['left']:g} ms left"
        return self._mark(step, pid, "timer", f"⏱ cancelled ({left})")

    def _signal(self, event: Event, d: dict, pid: Pid, step: int) -> tuple[Pid, ...]:
        if not self.shown(pid, d["to"]):
            return ()
        if d["outcome"] == "down":
            return self._arrow(step, pid, d["to"], d["msg"], "down",
                               f"DOWN {short(d['reason'], LONG)}")
        if d["outcome"] == "message":
            return self._arrow(step, pid, d["to"], d["msg"], "exit",
                               f"EXIT {short(d['reason'], LONG)}")
        outcome = SIGNAL_OUTCOMES[d["outcome"]]
        return self._mark(step, pid, "signal", f"exit signal {short(d['reason'], LONG)}: {outcome}",
                          d["to"])

    def _receive(self, event: Event, d: dict, pid: Pid, step: int) -> tuple[Pid, ...]:
        if not self.shown(pid):
            return ()
        if (self.hide_system and pid not in self.open_waits
                and message_role(d["msg"], None)[0] == "system"):
            return ()                   # its arrow is hidden and it ends no wait: no row
        self._end_wait(pid, step, timed_out=False)
        return (pid,)

    def _block(self, event: Event, d: dict, pid: Pid, step: int) -> tuple[Pid, ...]:
        if not self.shown(pid):
            return ()
        pattern = describe_pattern(d["pattern"])
        self.open_waits[pid] = Wait(pid, step, None, pattern, d["waiting_for"],
                                    sleep=d["sleep"])
        return (pid,)

    def _timeout(self, event: Event, d: dict, pid: Pid, step: int) -> tuple[Pid, ...]:
        if not self.shown(pid):
            return ()
        wait = self.open_waits.get(pid)
        self._end_wait(pid, step, timed_out=True)
        if wait is not None and wait.sleep is not None:
            return self._mark(step, pid, "woke", f"woke after {d['after']:g} ms")
        return self._mark(step, pid, "timeout", f"timeout after {d['after']:g} ms")

    def _spawn(self, event: Event, d: dict, pid: Pid, step: int) -> tuple[Pid, ...]:
        child = d["child"]
        if not self.shown(child):
            return ()
        text = "spawn" + (" (linked)" if d["link"] else "")
        if not self.shown(pid):           # its parent has no lane: say who it was
            parent = self.names.get(pid, repr(pid))
            return self._mark(step, child, "spawned", f"spawned by {parent}")
        return self._mark(step, pid, "spawn", text, child)

    def _exit(self, event: Event, d: dict, pid: Pid, step: int) -> tuple[Pid, ...]:
        self._end_wait(pid, step, timed_out=False)        # killed while waiting: the wait ends
        if not self.shown(pid):
            return ()
        reason = d["reason"]
        if d["crash"]:
            message = str(reason)
            message = message if len(message) <= 30 else message[:29] + "…"
            return self._mark(step, pid, "crash", f"crash: {type(reason).__name__}: {message}")
        if is_normal(reason):       # an end on purpose ("shutdown" too): no crash, as in OTP
            return self._mark(step, pid, "exit", f"exit {short(reason, LONG)}"
                              if reason != "normal" else "exit normal")
        return self._mark(step, pid, "killed", f"exit {short(reason, LONG)}")

    def _link(self, event: Event, d: dict, pid: Pid, step: int) -> tuple[Pid, ...]:
        return self._mark(step, pid, event.kind, event.kind, d["peer"]) \
            if self.shown(pid, d["peer"]) else ()

    _unlink = _link

    def _monitor(self, event: Event, d: dict, pid: Pid, step: int) -> tuple[Pid, ...]:
        if not self.shown(pid, d["target"]):
            return ()
        return self._mark(step, pid, "monitor", "monitor", d["target"])

    def _simple(self, event: Event, d: dict, pid: Pid, step: int) -> tuple[Pid, ...]:
        if not self.shown(pid):
            return ()
        text = {"register": lambda: f"register {d['name']!r}",
                "unregister": lambda: f"unregister {d['name']!r}",
                "note": lambda: str(d["text"])}.get(event.kind, lambda: event.kind)()
        return self._mark(step, pid, event.kind, text)

    _demonitor = _alias = _unalias = _register = _unregister = _note = _simple

    def _cycle(self, event: Event, d: dict, pid: Pid, step: int) -> tuple[Pid, ...]:
        loop = " → ".join(self.names.get(p, repr(p)) for p in d["cycle"] + d["cycle"][:1])
        return self._mark_on_one(step, [pid, *d["cycle"]], "cycle", f"call cycle: {loop}")

    def _deadlock(self, event: Event, d: dict, pid: Pid, step: int) -> tuple[Pid, ...]:
        who = ", ".join(self.names.get(p, repr(p)) for p in d["waiting"])
        return self._mark_on_one(step, [pid, *d["waiting"]], "deadlock",
                                 f"DEADLOCK: {who} wait forever")

    def _fault(self, event: Event, d: dict, pid: Pid, step: int) -> tuple[Pid, ...]:
        """An injected fault: a ⚡ on the lane it hit (the receiver, for a message)."""
        where = d["to"] if d["to"] is not None and self.shown(d["to"]) else pid
        if not self.shown(where):
            return ()
        text = {"drop": "⚡ dropped (fault)", "cut": "⚡ lost: partition (fault)",
                "delay": f"⚡ {d['detail']} (fault)", "queue": "⏳ waits behind a delayed one",
                "deliver": f"⏳ {d['detail']}", "kill": "⚡ killed (fault)",
                "partition": f"⚡ {d['detail']}", "heal": f"⚡ healed: {d['detail']}",
                }.get(d["what"], f"⚡ {d['detail']}")
        return self._mark(step, where, "fault", text)

    def _race(self, event: Event, d: dict, pid: Pid, step: int) -> tuple[Pid, ...]:
        """Drawn across the two operations' rows (when both are shown); no row of its own."""
        drawn = self.model.drawn_by
        if d["first"] in drawn and d["second"] in drawn:
            self.model.races.append(Race(d["first"], d["second"], drawn[d["first"]],
                                         drawn[d["second"]], d["instead"]))
        return ()

    def _runaway(self, event: Event, d: dict, pid: Pid, step: int) -> tuple[Pid, ...]:
        who = ", ".join(self.names.get(p, repr(p)) for p in d["suspended"]) or "nobody"
        return self._mark_on_one(step, [pid, *d["suspended"]], "runaway",
                                 f"RUNAWAY: suspended {who}")

    def _mark_on_one(self, step: int, pids: list[Pid], kind: str, text: str) -> tuple[Pid, ...]:
        """Mark the first of `pids` that has a lane (a diagram may show only some)."""
        shown = [p for p in pids if self.shown(p)]
        return self._mark(step, shown[0], kind, text) if shown else ()
