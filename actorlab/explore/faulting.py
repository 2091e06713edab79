"""Faults under `explore()`: each fault of the kinds asked for, at every point where it
could change something, combined with every interleaving.

A fault given without a point (`faults.kill("accounts")`, `faults.drop(("ok", ANY))`)
stands for all of its points: the scenario is first explored without faults, and the
points are read off those runs: after each receive that the process made (a kill), each
message that matched (a drop or a delay). A fault given with its point (`after=2`,
`nth=1`, `at=100`) and a partition stand for themselves. With `max_faults=2`, pairs of
points are injected together too.
"""
from __future__ import annotations

from dataclasses import replace
from itertools import combinations
from typing import Any

from ..runtime import BadArgument, faults
from ..runtime.patterns import matches
from ..trace import Trace


def points(templates: list, traces: list[Trace]) -> list:
    """The concrete faults that `templates` stand for, seen in the runs' `traces`."""
    found: list = []
    for template in templates:
        if type(template) is faults.Kill and (template.after, template.on, template.at) == \
                (None, None, None):
            most = max((_receives(trace, template.target) for trace in traces), default=0)
            if most == 0:
                raise BadArgument(f"{template}: no process in the scenario is "
                                  f"{template.target!r} and receives anything (processes "
                                  f"seen: {', '.join(sorted(_names(traces)))})")
            found += [replace(template, after=n) for n in range(1, most + 1)]
        elif type(template) in (faults.Drop, faults.Delay) and template.nth is None:
            most = max((_matching_sends(trace, template) for trace in traces), default=0)
            if most == 0:
                raise BadArgument(f"{template}: no message in the scenario matches")
            found += [replace(template, nth=n) for n in range(1, most + 1)]
        else:
            found.append(template)
    return found


def fault_sets(found: list, max_faults: int) -> list[list]:
    """Every set of one to `max_faults` of the points, in order."""
    return [list(chosen) for size in range(1, max_faults + 1)
            for chosen in combinations(found, size)]


def _who(trace: Trace) -> dict:
    """Each pid of a trace, and the names it answers to (its label, registered names)."""
    names: dict = {}
    for event in trace.events:
        if event.kind == "spawn":
            names.setdefault(event.data["child"], set()).add(
                event.data["label"] or event.data["fn"])
        elif event.kind == "register":
            names.setdefault(event.pid, set()).add(event.data["name"])
    return names


def _names(traces: list[Trace]) -> set:
    return {name for trace in traces for names in _who(trace).values() for name in names}


def _is(pid: Any, names: set, target: Any) -> bool:
    return pid == target or target in names


def _receives(trace: Trace, target: Any) -> int:
    """The most receives a process that `target` names made in `trace`."""
    who = _who(trace)
    counts = [sum(1 for e in trace.events if e.kind == "receive" and e.pid == pid)
              for pid, names in who.items() if _is(pid, names, target)]
    return max(counts, default=0)


def _matching_sends(trace: Trace, fault: Any) -> int:
    """How many sends in `trace` a drop or delay fault would consider."""
    who = _who(trace)
    return sum(1 for e in trace.events if e.kind == "send" and e.data["to"] is not None
               and (fault.pattern is None or matches(fault.pattern, e.data["msg"]))
               and (fault.sender is None or _is(e.pid, who.get(e.pid, set()), fault.sender))
               and (fault.to is None or
                    _is(e.data["to"], who.get(e.data["to"], set()), fault.to)))
