"""The trace as text: one readable line per event.

This is what a notebook prints when it wants a checkable record of a run, and what error
messages use to show patterns and messages.

>>> short(("a long message", "x" * 80), width=30)
"('a long message', 'xxxxxxxxx…"
"""
from __future__ import annotations

from typing import Any, Iterable

from .log import Event
from .terms import ANY, OneOf, Pid, callable_name, stable_repr

# What an exit signal did to its target, in words that are not exit reasons ("killed" is
# a reason too, so the outcome "killed" reads "it ends").
SIGNAL_OUTCOMES = {"killed": "it ends", "ignored": "ignored (normal, not trapped)",
                   "message": "an EXIT message (it traps exits)", "down": "a DOWN message"}


def short(term: Any, width: int = 60) -> str:
    """`repr` of a term without memory addresses, cut to `width` characters with "…"."""
    text = stable_repr(term)
    return text if len(text) <= width else text[: width - 1] + "…"


def describe_pattern(pattern: Any) -> str:
    """How a receive pattern reads in a report: `any message`, `('reply', #Ref<0.1>, ANY)`…

    >>> describe_pattern(("reply", ANY))
    "('reply', ANY)"
    >>> describe_pattern(int)
    'int'
    """
    if pattern is None:
        return "any message"
    return _pattern_text(pattern)


def sleep_length(ms: Any) -> str:
    """How long a `sleep` waits, in words.

    >>> sleep_length(300), sleep_length("infinity")
    ('300 ms', 'forever')
    """
    return "forever" if ms == "infinity" else f"{ms:g} ms"


def _pattern_text(pattern: Any) -> str:
    if pattern is ANY:
        return "ANY"
    if type(pattern) is OneOf:
        return " or ".join(_pattern_text(p) for p in pattern.alternatives)
    if isinstance(pattern, tuple):
        inner = ", ".join(_pattern_text(p) for p in pattern)
        return f"({inner},)" if len(pattern) == 1 else f"({inner})"
    if isinstance(pattern, list):
        return "[" + ", ".join(_pattern_text(p) for p in pattern) + "]"
    if isinstance(pattern, dict):
        return "{" + ", ".join(f"{k!r}: {_pattern_text(v)}" for k, v in pattern.items()) + "}"
    if isinstance(pattern, type) or callable(pattern):
        return callable_name(pattern)
    return short(pattern)


def _who(pid: Pid | None, names: dict[Pid, str]) -> str:
    if pid is None:
        return "nobody"
    name = names.get(pid)
    return f"{pid!r} ({name})" if name else repr(pid)


def describe(event: Event, names: dict[Pid, str] | None = None, width: int = 60) -> str:
    """What an event says, in words, without its step, time and process.

    >>> from actorlab.trace import Event
    >>> describe(Event(3, 0, "send", Pid(0), {"to": Pid(1), "msg": "hi", "delivered": True,
    ...                                        "name": None, "alias": None}))
    "send 'hi' to #PID<0.1.0>"
    """
    names = names or {}
    d = event.data
    kind = event.kind
    if kind == "spawn":
        link = " (linked)" if d["link"] else ""
        args = ", ".join(short(a, width // 2) for a in d["args"])
        return f"spawn {_who(d['child'], names)} running {d['fn']}({args}){link}"
    if kind == "send":
        if d["delivered"]:
            lost = ""
        elif d["delivered"] is None:
            lost = " -- held back by a fault (the next fault event says how)"
        elif d["alias"]:
            lost = " -- dropped: the alias is inactive or its owner dead"
        else:
            lost = " -- dropped: the receiver is dead"
        via = (f" (by name {d['name']!r})" if d["name"] else
               f" (by alias {d['alias']!r})" if d["alias"] else "")
        return f"send {short(d['msg'], width)} to {_who(d['to'], names)}{via}{lost}"
    if kind == "receive":
        return f"receive {short(d['msg'], width)} (sent at step {d['sent']})"
    if kind == "block":
        if d.get("sleep") is not None:
            return f"sleep {sleep_length(d['sleep'])}"
        after = "" if d["timeout"] is None else f", timeout {d['timeout']:g} ms"
        target = d["waiting_for"]
        reply = "" if target is None else f", a reply from {_who(target, names)}"
        return f"wait for {describe_pattern(d['pattern'])}{reply}{after}"
    if kind == "timeout":
        return f"timer fired after {d['after']:g} ms"
    if kind in ("link", "unlink"):
        return f"{kind} {_who(d['peer'], names)}"
    if kind == "monitor":
        target = _who(d["target"], names) if d["target"] else repr(d["name"])
        alias = " (also an alias)" if d["aliased"] else ""
        return f"monitor {target} as {d['ref']!r}{alias}"
    if kind in ("demonitor", "alias", "unalias"):
        return f"{kind} {d['ref']!r}"
    if kind == "signal":
        if d["outcome"] == "down":
            return f"DOWN to {_who(d['to'], names)}: {short(d['msg'], width)}"
        return (f"exit signal {short(d['reason'], width)} to {_who(d['to'], names)}: "
                f"{SIGNAL_OUTCOMES[d['outcome']]}")
    if kind == "exit":
        where = f" in {d['where']}" if d.get("where") else ""
        crashed = "crash" if d["crash"] else "exit"
        return f"{crashed}{where}, reason {short(d['reason'], width)}"
    if kind in ("register", "unregister"):
        return f"{kind} as {d['name']!r}"
    if kind == "note":
        return f"note: {d['text']}"
    if kind == "cycle":
        return "call cycle: " + " -> ".join(_who(p, names) for p in d["cycle"])
    if kind == "deadlock":
        return "deadlock: " + ", ".join(_who(p, names) for p in d["waiting"]) + " wait forever"
    if kind == "send_after":
        to = _who(d["to"], names) if d["to"] is not None else repr(d["name"])
        return f"timer {d['ref']!r}: send {short(d['msg'], width)} to {to} in {d['after']:g} ms"
    if kind == "timer_fired":
        to = _who(d["to"], names) if d["delivered"] else f"{d['name']!r}: nobody, dropped"
        return f"timer {d['ref']!r} fired: {short(d['msg'], width)} to {to}"
    if kind == "cancel_timer":
        left = "it had fired or stopped" if d["left"] is False else f"{d['left']:g} ms left"
        return f"cancel timer {d['ref']!r} ({left})"
    if kind == "fault":
        return f"fault: {d['detail']}"
    if kind == "race":
        return (f"race: steps {d['first']} and {d['second']} in the other order give "
                f"{short(d['instead'], width)}")
    if kind == "runaway":
        return "runaway: suspended " + (", ".join(_who(p, names) for p in d["suspended"])
                                        or "nobody")
    return f"{kind} {short(d, width)}"


def format_events(events: Iterable[Event], names: dict[Pid, str] | None = None,
                  width: int = 60) -> str:
    """Events as an aligned table: step, time, process, what happened."""
    names = names or {}
    rows = [(str(e.step), f"{e.time:g}", _who(e.pid, names), describe(e, names, width))
            for e in events]
    if not rows:
        return "(no events)"
    header = ("step", "ms", "process", "event")
    widths = [max(len(r[i]) for r in rows + [header]) for i in range(3)]
    lines = [f"{header[0]:>{widths[0]}}  {header[1]:>{widths[1]}}  "
             f"{header[2]:<{widths[2]}}  {header[3]}"]
    for step, time, who, what in rows:
        lines.append(f"{step:>{widths[0]}}  {time:>{widths[1]}}  {who:<{widths[2]}}  {what}")
    return "\n".join(lines)
