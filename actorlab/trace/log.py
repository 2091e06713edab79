"""The trace: an ordered log of everything that happened on a node.

Every event has a `step` (its position, from 1), the virtual `time` in ms, a `kind`, the
`pid` of the process it happened to, and a `data` dict whose keys depend on the kind:

=========  ======================================================================
kind       data
=========  ======================================================================
spawn      child, fn, args, label, link (bool) -- `pid` is the parent
send       to, msg, delivered (False: the receiver was dead, or the alias inactive; None:
           an injected fault held it back, dropped, cut or delayed, and the `fault` event
           after it says which), name (if sent by name), alias (the ref, if sent to an alias), woke (True if
           the message ended the receiver's wait: it fits the pattern it waited for)
receive    from, msg, sent (the step of the send or signal whose message it took;
           `from` is read off that event, not stored)
block      pattern, timeout, waiting_for (a pid or None), sleep (ms, for sleep() and the
           shell's run_for)
timeout    after (ms): a receive timed out or a sleep ended
link       peer            unlink     peer
monitor    target, ref, name (when monitored by name), aliased (the ref is also an alias)
demonitor  ref
alias      ref: the process made an alias    unalias    ref
signal     to, reason, outcome, msg, woke: an exit signal ("killed", "ignored", or
           "message": it became the EXIT message `msg`), or a monitor's DOWN message
           ("down"); woke as for send
exit       reason, crash (True if it raised an exception itself, not if a signal
           killed it), where (file-free location of a crash, or None)
register   name, by        unregister name, by  -- `pid` is the process named, `by` the
           process that called register/unregister
note       text, data      -- written by `note()`; data is any term, or None. The otp
           supervisors note {"event": "child_started", "id", "child", "type",
           "replaces" (the pid it restarts, or None)} and {"event": "shutdown",
           "reason"}: the supervision tree (see protocol.py).
cycle      cycle (pids): a cycle of processes each waiting for the next
deadlock   waiting (pids): the shell waited and nothing could wake it
runaway    suspended (pids): a shell action ran past its budget; these processes, about
           to run, were suspended
send_after to (or None for a name), msg, after (ms), ref, name: a timer was set
timer_fired  to, msg, delivered, name, ref, woke: a send_after timer sent its message
           (`pid` is who set it; the message is from the timer)
cancel_timer ref, left (ms, or False): a timer was cancelled
fault      what, to, msg, sent, woke, detail: an injected fault (runtime/faults.py). what:
           "kill" (`to` ended), "drop", "cut" (lost across a partition; for an exit
           signal, `msg` is its reason), "delay", "queue" (held behind a delayed one; an EXIT
           or DOWN too), "deliver" (a held message or signal arrives: `to` gets `msg` of
           the send at step `sent`; or is dropped, `detail` says why), "partition", "heal"
race       first, second (steps), instead: explore() found that these two operations,
           in the other order, give the outcome `instead` (recorded at the end)
=========  ======================================================================

There is no "wake" event: a process blocked at step b is woken by the send or signal
marked `woke` (or by its timer, at a "timeout" event). Which process runs is not recorded
either: a process's own action (spawn, send, receive, block, link, ...) shows it is the
one running; `views.state` replays every process's status from these rules.

The trace keeps the message objects themselves (cheap); `to_json()` encodes them, and
`Trace.from_json` decodes, so a saved trace reads back equal.

How events are stored, for speed: `record` takes one flat tuple, `(time, kind, pid,
*fields)` with the fields in the order of the table above and pids and refs as plain
numbers (`pid.number`); the step is its position, so it is not stored. Events are kept in
chunks of `CHUNK` that are frozen into tuples when full. Python's cyclic garbage
collector stops tracking a tuple that holds only numbers, strings and such messages, so it
never walks the trace; had events held dicts or `Pid` objects, or sat in one long list,
every full collection would scan them all and tracing would cost several times more.
Reading an event (`trace[i]`, `trace.events`) builds an `Event` with a `data` dict and
`Pid` and `Ref` objects.

>>> t = Trace()
>>> t.record((0, "note", 0, "hello", None))
1
>>> t[0]
Event(step=1, time=0, kind='note', pid=#PID<0.0.0>, data={'text': 'hello', 'data': None})
>>> Trace.from_json(t.to_json()) == t
True
"""
from __future__ import annotations

import json
from typing import Any, Callable, Iterable, Iterator, NamedTuple

from .terms import Pid, Ref, decode, encode

DEFAULT_LIMIT = 200_000
"""Events a trace keeps by default (about 60 MB); past it, recording stops and says so."""

FIELDS: dict[str, tuple[str, ...]] = {
    "spawn": ("child", "fn", "args", "label", "link"),
    "send": ("to", "msg", "delivered", "name", "alias", "woke"),
    "receive": ("msg", "sent"),
    "block": ("pattern", "timeout", "waiting_for", "sleep"),
    "timeout": ("after",),
    "link": ("peer",),
    "unlink": ("peer",),
    "monitor": ("target", "ref", "name", "aliased"),
    "demonitor": ("ref",),
    "alias": ("ref",),
    "unalias": ("ref",),
    "signal": ("to", "reason", "outcome", "msg", "woke"),
    "exit": ("reason", "crash", "where"),
    "register": ("name", "by"),
    "unregister": ("name", "by"),
    "note": ("text", "data"),
    "cycle": ("cycle",),
    "deadlock": ("waiting",),
    "runaway": ("suspended",),
    "send_after": ("to", "msg", "after", "ref", "name"),
    "timer_fired": ("to", "msg", "delivered", "name", "ref", "woke"),
    "cancel_timer": ("ref", "left"),
    "race": ("first", "second", "instead"),
    "fault": ("what", "to", "msg", "sent", "woke", "detail"),
}
"""The data fields of each kind of event, in the order `record` takes them (after
`time, kind, pid`)."""

# Fields that hold a pid, a tuple of pids, or a ref: stored as numbers (see above).
PID_FIELDS = frozenset({"child", "to", "from", "peer", "target", "waiting_for", "by"})
PID_LIST_FIELDS = frozenset({"cycle", "waiting", "suspended"})
REF_FIELDS = frozenset({"ref", "alias"})

CHUNK = 4096
"""Events per stored chunk (see the module docstring)."""

FORMAT = "actorlab-trace"
VERSION = 2
"""Version 2 added `woke` to send and signal events and `by` to (un)register events;
version 1 traces still read (those fields read as None)."""


class Event(NamedTuple):
    """One thing that happened: at `step`, at virtual `time` ms, to process `pid`."""

    step: int
    time: float
    kind: str
    pid: Pid
    data: dict


class Trace:
    """The event log of one node.

    `enabled=False` records nothing (for big runs). After `limit` events recording stops,
    `truncated` becomes True, and `on_full` (if given) is called once with the limit.
    `node` is the serial of the node recording it, stamped on the pids it gives back.
    """

    def __init__(self, enabled: bool = True, limit: int = DEFAULT_LIMIT,
                 on_full: Callable[[int], None] | None = None, node: int | None = None) -> None:
        self.enabled = enabled
        self.node = node
        self.limit = limit
        self.truncated = False
        self.on_full = on_full
        # The step the next recorded event will have, or None if it will not be recorded
        # (the trace is off or full). The runtime reads it to record what happened after
        # doing it: a send's message carries its step into the mailbox.
        self.next_step: int | None = 1 if enabled and limit >= 1 else None
        self._chunks: list[tuple] = []      # full chunks of stored events, frozen
        self._tail: list[tuple] = []        # the chunk being filled
        self._room = min(CHUNK, limit)      # the tail's length when it is full (see _seal)

    def record(self, event: tuple) -> int | None:
        """Append `event`, `(time, kind, pid, *fields)` (see the module docstring), and
        return its step; None when the trace is off or full."""
        step = self.next_step
        if step is None:
            if self.enabled:                # it is full: say so, once
                self._stop_recording()
            return None
        self.next_step = step + 1
        tail = self._tail
        tail.append(event)
        if len(tail) == self._room:
            self._seal()
        return step

    def _seal(self) -> None:
        """The tail is full: freeze it into a chunk; at the limit, stop taking events.

        (Checking one length per event, and doing the rest here, keeps `record` short.)"""
        if len(self._tail) == CHUNK:
            self._chunks.append(tuple(self._tail))
            self._tail = []
        left = self.limit - len(self)
        if left == 0:
            self.next_step = None
        self._room = len(self._tail) + min(CHUNK - len(self._tail), left)

    def _stop_recording(self) -> None:
        self.enabled = False
        self.truncated = True
        if self.on_full is not None:
            self.on_full(self.limit)

    # -- reading ----------------------------------------------------------------

    def _event(self, step: int, raw: tuple) -> Event:
        """The Event at `step`, from its stored tuple, with pids and refs as objects again."""
        time, kind, pid = raw[:3]
        node = self.node
        data = {key: (_pid(value, node) if key in PID_FIELDS else
                      [Pid(n, node) for n in value] if key in PID_LIST_FIELDS else
                      _ref(value, node) if key in REF_FIELDS else value)
                for key, value in zip(FIELDS[kind], raw[3:])}
        if kind == "receive":
            data = {"from": _pid(self.pid_at(data["sent"] or 0), node), **data}
        return Event(step, time, kind, Pid(pid, node), data)

    def _stored(self) -> Iterator[tuple]:
        for chunk in self._chunks:
            yield from chunk
        yield from self._tail

    def _raw(self, step: int) -> tuple:
        chunk, offset = divmod(step - 1, CHUNK)
        return self._chunks[chunk][offset] if chunk < len(self._chunks) else self._tail[offset]

    @property
    def events(self) -> list[Event]:
        """The events, oldest first (a new list each time)."""
        return [self._event(step, raw) for step, raw in enumerate(self._stored(), 1)]

    def __len__(self) -> int:
        return len(self._chunks) * CHUNK + len(self._tail)

    def __iter__(self) -> Iterator[Event]:
        return iter(self.events)

    def __getitem__(self, index: int) -> Event:
        """The event at `index` (0-based, negative counts from the end): step index + 1."""
        count = len(self)
        if not -count <= index < count:
            raise IndexError(f"trace index {index} out of range ({count} events)")
        step = index % count + 1
        return self._event(step, self._raw(step))

    def __eq__(self, other: object) -> bool:
        # Exceptions do not compare equal by value, so compare the encoded form.
        return isinstance(other, Trace) and self.to_json() == other.to_json()

    def pid_at(self, step: int) -> int | None:
        """The pid number of the event at `step` (quick: no Event is built); None if unknown."""
        return self._raw(step)[2] if 0 < step <= len(self) else None

    def __repr__(self) -> str:
        if not len(self):
            return "Trace(no events)"
        pids = {event.pid for event in self.events}
        more = ", truncated" if self.truncated else ""
        return (f"Trace({len(self)} events, {len(pids)} processes, "
                f"0..{self[-1].time:g} ms{more})")

    def names(self) -> dict[Pid, str]:
        """A readable name for every pid: its registered name, its label, or its function.

        The shell (pid 0, and any pid a restarted shell got) is called "shell".
        """
        names: dict[Pid, str] = {}
        for event in self.events:
            data = event.data
            if event.kind == "spawn":
                names[data["child"]] = data["label"] or data["fn"]
            elif event.kind == "register":
                names[event.pid] = data["name"]
            names.setdefault(event.pid, "shell")
        return names

    def format(self, pids: Iterable[Pid] | None = None, kinds: Iterable[str] | None = None,
               width: int = 60) -> str:
        """The events as a text table, optionally only those of some `pids` or `kinds`.

        `print(trace)` prints the whole table.
        """
        from .text import format_events  # text.py imports this module

        pids = None if pids is None else set(pids)
        kinds = None if kinds is None else set(kinds)
        chosen = [e for e in self.events
                  if (pids is None or e.pid in pids) and (kinds is None or e.kind in kinds)]
        return format_events(chosen, self.names(), width)

    __str__ = format

    # -- pictures (drawn by actorlab.views, imported only when asked for) ------------

    def diagram(self, **options: Any) -> Any:
        """A sequence diagram of this trace; see `actorlab.views.diagram` for the options."""
        from ..views import diagram
        return diagram(self, **options)

    def replay(self, **options: Any) -> Any:
        """A widget that steps through this trace; see `actorlab.views.replay`."""
        from ..views import replay
        return replay(self, **options)

    def wait_for_graph(self, step: int | None = None) -> Any:
        """Who waits for whom after `step` (default: the end), any cycle in red."""
        from ..views import wait_for_graph
        return wait_for_graph(self, step)

    def supervision_tree(self, step: int | None = None) -> Any:
        """The supervisors and their children after `step` (default: the end)."""
        from ..views import supervision_tree
        return supervision_tree(self, step)

    # -- JSON -------------------------------------------------------------------

    def to_json(self) -> str:
        """The trace as JSON text: a header, then one event per line.

        The same program always gives the same bytes.
        """
        header = {"format": FORMAT, "version": VERSION, "limit": self.limit,
                  "truncated": self.truncated}
        lines = [json.dumps(_encode_event(event), ensure_ascii=False) for event in self.events]
        body = ",\n  ".join(lines)
        head = json.dumps(header)[:-1]
        return f'{head}, "events": [\n  {body}\n]}}\n' if lines else f'{head}, "events": []}}\n'

    @classmethod
    def from_json(cls, text: str) -> Trace:
        """Read a trace written by `to_json`.

        >>> Trace.from_json(Trace().to_json())
        Trace(no events)
        """
        raw = json.loads(text)
        if not isinstance(raw, dict) or raw.get("format") != FORMAT:
            raise ValueError("this is not an actorlab trace (no \"format\": \"actorlab-trace\")")
        if raw.get("version") not in (1, VERSION):
            raise ValueError(f"actorlab trace version {raw.get('version')} is not supported; "
                             f"this actorlab reads version {VERSION}")
        trace = cls(enabled=False, limit=raw["limit"])
        trace.truncated = raw["truncated"]
        stored = [_decode_event(item) for item in raw["events"]]
        full = len(stored) - len(stored) % CHUNK
        trace._chunks = [tuple(stored[i:i + CHUNK]) for i in range(0, full, CHUNK)]
        trace._tail = stored[full:]
        return trace


def _pid(number: int | None, node: int | None) -> Pid | None:
    return None if number is None else Pid(number, node)


def _ref(number: int | None, node: int | None) -> Ref | None:
    return None if number is None else Ref(number, node)


def _number(value: Any) -> Any:
    return None if value is None else value.number


def _encode_event(event: Event) -> dict[str, Any]:
    encoded = {"step": event.step, "time": event.time, "kind": event.kind,
               "pid": event.pid.number}
    for key, value in event.data.items():
        encoded[key] = encode(value)
    return encoded


def _decode_event(item: dict[str, Any]) -> tuple:
    """A stored event tuple (pids as numbers) from its JSON form."""
    step, time, kind, pid = item["step"], item["time"], item["kind"], item["pid"]
    if kind not in FIELDS:
        raise ValueError(f"unknown event kind {kind!r} at step {step}")
    values = [time, kind, pid]
    for key in FIELDS[kind]:
        term = decode(item.get(key))        # version 1 had no woke and by
        if key in PID_FIELDS or key in REF_FIELDS:
            term = _number(term)
        elif key in PID_LIST_FIELDS:
            term = tuple(p.number for p in term)
        values.append(term)
    return tuple(values)
