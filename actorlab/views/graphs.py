"""Two graphs read off a trace: who waits for whom, and who supervises whom.

>>> from actorlab import reset, spawn, receive
>>> node = reset(log=None)
>>> _ = spawn(lambda: receive("never"), label="stuck")
>>> print(WaitForGraph(node.trace))
Wait-for graph after step 2 of 2: 1 waiting
  stuck #PID<0.1.0> waits for 'never'
"""
from __future__ import annotations


import graphviz

from ..runtime import BadArgument
from ..trace import Pid, Trace, short
from ..trace.protocol import is_child_started, is_normal
from .model import lane_names, message_role
from .render import FONT, View, label, possessive
from .state import ProcessState, replay_states


def _graph(name: str) -> graphviz.Digraph:
    graph = graphviz.Digraph(name)
    graph.attr(rankdir="LR", bgcolor="white", pad="0.2", nodesep="0.4", ranksep="0.7")
    graph.attr("node", fontname=FONT, fontsize="10", shape="box", style="rounded,filled",
               fillcolor="#f3f3f3", color="#999999", margin="0.12,0.06")
    graph.attr("edge", fontname=FONT, fontsize="9", color="#555555", arrowsize="0.7")
    return graph


def _find_cycle(edges: dict[Pid, Pid]) -> list[Pid]:
    """The first cycle in a graph where each node waits for at most one other."""
    for start in sorted(edges):
        path, node = [], start
        while node in edges and node not in path:
            path.append(node)
            node = edges[node]
        if node in path:
            return path[path.index(node):]
    return []


class WaitForGraph(View):
    """The processes blocked after `step` (default: the last), an arrow from each caller to
    the process whose reply it waits for, and any cycle in red. At a deadlock, the processes
    it found waiting (its error then ends the shell's wait)."""

    def __init__(self, trace: Trace, step: int | None = None) -> None:
        step = len(trace) if step is None else step
        if not 0 <= step <= len(trace):
            raise BadArgument(f"step {step} is not in this trace (steps 1 to {len(trace)})")
        found = step > 0 and trace[step - 1].kind == "deadlock"
        states = replay_states(trace)[step - 1 if found else step]
        waiting = {pid: s for pid, s in sorted(states.items()) if s.status == "waiting"}
        edges = {pid: s.waiting_for for pid, s in waiting.items() if s.waiting_for is not None}
        self.waiting, self.edges, self.cycle = waiting, edges, _find_cycle(edges)
        deadlocked = any(e.kind == "deadlock" for e in trace.events[:step])
        title = "Deadlock" if deadlocked else "Wait-for graph"
        lines = [f"{title} after step {step} of {len(trace)}: {len(waiting)} waiting"]
        graph = _graph("waitfor")
        in_cycle = set(self.cycle)
        for pid, state in waiting.items():
            lines.append(f"  {state.name} {pid!r} waits for {state.waiting}" +
                         (f", a reply from {states[state.waiting_for].name}"
                          if state.waiting_for in states else ""))
            graph.node(str(pid.number), label=label(_describe(state, states)),
                       color="#d62728" if pid in in_cycle else "#999999",
                       penwidth="2" if pid in in_cycle else "1")
        for pid, target in edges.items():
            if target not in waiting:
                graph.node(str(target.number),
                           label=label(f"{states[target].name if target in states else ''}\n"
                                       f"{target!r}\n(not waiting)"), fillcolor="white")
            hot = pid in in_cycle and target in in_cycle
            graph.edge(str(pid.number), str(target.number), label=label("waits for reply"),
                       color="#d62728" if hot else "#555555", penwidth="2" if hot else "1",
                       fontcolor="#d62728" if hot else "#555555")
        if not waiting:
            _say_empty(graph, "nobody is waiting")
        if self.cycle:
            names = " → ".join(states[p].name for p in self.cycle + self.cycle[:1])
            lines.append(f"  cycle: {names}")
            graph.attr(label=label(f"cycle: {names}"), fontcolor="#d62728", fontname=FONT,
                       fontsize="11", labelloc="t")
        super().__init__(graph, "\n".join(lines))


def _say_empty(graph: graphviz.Digraph, text: str) -> None:
    """A picture with nothing to draw says so, rather than showing a blank speck."""
    graph.node("empty", label=label(text), shape="plaintext", fontcolor="#777777")


def _describe(state: ProcessState, states: dict[Pid, ProcessState]) -> str:
    """A waiting process's box: who it is, what it waits for (in the words the sequence
    diagrams use: a call's reply, a DOWN), and its mailbox, its oldest message first (on
    a line of its own, to keep the boxes narrow: a graph too wide for a notebook is drawn
    smaller, and its words would not match the other graphs')."""
    mail = len(state.mailbox)
    first = f":\n{message_role(state.mailbox[0], None)[1]}" if mail else ""
    first = first if len(first) <= 40 else first[:39] + "…"
    if state.waiting_for in states:
        whose = possessive(states[state.waiting_for].name)
        waiting = f"{whose} DOWN" if state.waiting.startswith("('DOWN'") else f"{whose} reply"
    else:
        waiting = state.waiting if len(state.waiting) <= 36 else state.waiting[:35] + "…"
    return (f"{state.name}\n{state.pid!r}\nwaits for {waiting}\n"
            f"mailbox: {mail} message{'s' if mail != 1 else ''}{first}")


SUPERVISOR_INITS = ("Supervisor.init", "DynamicSupervisor.init")
"""The initial calls of actorlab's supervisors, as a trace records them."""


class SupervisionTree(View):
    """Supervisors and their children after `step` (default: the last), read from the
    notes the otp supervisors leave in the trace: each child under the supervisor that
    started it, with its current pid and how many times it was restarted."""

    def __init__(self, trace: Trace, step: int | None = None) -> None:
        step = len(trace) if step is None else step
        names = lane_names(trace)
        events = trace.events[:step]
        exits = {e.pid: e.data["reason"] for e in events if e.kind == "exit"}
        # supervisor -> its children in start order; a restart replaces its predecessor.
        children: dict[Pid, list[dict]] = {}
        by_pid: dict[Pid, dict] = {}
        for event in events:
            info = event.data["data"] if event.kind == "note" else None
            if not is_child_started(info):
                continue
            entry = by_pid.pop(info["replaces"], None)
            if entry is None:
                entry = {"id": info["id"], "restarts": 0, "type": info["type"]}
                children.setdefault(event.pid, []).append(entry)
            else:
                entry["restarts"] += 1
            entry["pid"] = info["child"]
            by_pid[info["child"]] = entry
        # A supervisor with no child yet has left no note: its initial call names it.
        for event in events:
            if event.kind == "spawn" and event.data["fn"] in SUPERVISOR_INITS:
                children.setdefault(event.data["child"], [])
        graph = _graph("supervision")
        graph.attr(rankdir="TB")
        lines = [f"Supervision tree after step {step} of {len(trace)}"]
        supervised = {c["pid"] for kids in children.values() for c in kids}
        roots = sorted(sup for sup in children if sup not in supervised)

        def fill(pid: Pid, alive: str) -> str:
            """Pink for a process that crashed or was killed, grey for one that ended on
            purpose ("normal", "shutdown"), as the sequence diagrams draw them."""
            if pid not in exits:
                return alive
            return "#e8e8e8" if is_normal(exits[pid]) else "#fde0e0"

        def draw(sup: Pid, depth: int) -> None:
            dead = sup in exits
            empty = "" if children[sup] else "\n(no children yet)"
            ended = f"\ndead: {short(exits[sup], 24)}" if dead else ""
            graph.node(str(sup.number),
                       label=label(f"{names.get(sup, '?')}\n{sup!r}{empty}{ended}"),
                       fillcolor=fill(sup, "#e3ecfa"), shape="box")
            lines.append("  " * (depth + 1) + f"{names.get(sup, '?')} {sup!r}" +
                         (f" (dead: {short(exits[sup], 30)})" if dead else "") +
                         (" (no children yet)" if empty else ""))
            for child in children.get(sup, []):
                pid, child_id = child["pid"], child["id"]
                if pid in children:
                    draw(pid, depth + 1)
                    graph.edge(str(sup.number), str(pid.number), label=label(repr(child_id)))
                    continue
                status = f"dead: {short(exits[pid], 24)}" if pid in exits else "alive"
                restarts = child["restarts"]
                status += f", restarted {_times(restarts)}" if restarts else ""
                # (on the status line: every child has three lines, so siblings line up)
                graph.node(str(pid.number), label=label(f"{child_id}\n{pid!r}\n{status}"),
                           fillcolor=fill(pid, "#e6f4e6"))
                graph.edge(str(sup.number), str(pid.number))
                lines.append("  " * (depth + 2) + f"{child_id}: {pid!r} {status}")

        for root in roots:
            draw(root, 0)
        if not roots:
            lines.append("  (no supervisors in this trace)")
            _say_empty(graph, "no supervisors in this trace yet")
        super().__init__(graph, "\n".join(lines))


def wait_for_graph(trace: Trace, step: int | None = None) -> WaitForGraph:
    """Who waits for whom after `step` (default: the end), with any cycle in red."""
    return WaitForGraph(trace, step)


def supervision_tree(trace: Trace, step: int | None = None) -> SupervisionTree:
    """The supervisors and children after `step` (default: the end)."""
    return SupervisionTree(trace, step)


def _times(count: int) -> str:
    return "once" if count == 1 else f"{count} times"
