"""Supervisor: a GenServer that traps exits, starts its children in order, and restarts
them when they die, following a strategy, within a restart intensity.

>>> from actorlab import reset
>>> _ = reset(log=None)
>>> class Worker(GenServer):
...     def init(self, arg):
...         return ("ok", arg)
>>> status, sup = Supervisor.start_link([{"id": "w", "start": (GenServer.start_link, (Worker, 1))}])
>>> [(child_id, kind) for child_id, _, kind, _ in Supervisor.which_children(sup)]
[('w', 'worker')]
"""
from __future__ import annotations

from typing import Any

from ..runtime import trap_exit
from .children import (Intensity, Supervising, child_spec, count, give_up, modules,
                       should_restart, shutdown, start_child)
from .gen_server import GenServer

STRATEGIES = ("one_for_one", "one_for_all", "rest_for_one")


class Supervisor(Supervising):
    """Start with `Supervisor.start_link(children, strategy=..., ...)`.

    Strategies: "one_for_one" restarts only the child that died; "one_for_all" stops all
    the others and restarts them all; "rest_for_one" stops and restarts the children
    started after it. Defaults are Elixir's: at most 3 restarts in 5 seconds, then the
    supervisor stops all its children and exits with reason "shutdown".
    """

    @staticmethod
    def start_link(children: list, *, strategy: str = "one_for_one", max_restarts: int = 3,
                   max_seconds: int = 5, name: Any = None) -> Any:
        """Start the supervisor and its children, in order: `("ok", pid)` or `("error", r)`."""
        if strategy not in STRATEGIES:
            raise ValueError(f"strategy is one of {STRATEGIES}, not {strategy!r}")
        specs = [child_spec(spec) for spec in children]
        ids = [spec["id"] for spec in specs]
        if len(set(map(repr, ids))) != len(ids):
            raise ValueError(f"child ids must be unique in a supervisor: {ids}")
        return GenServer.start_link(Supervisor, (specs, strategy, Intensity(max_restarts,
                                                                           max_seconds)),
                                    name=name)

    @staticmethod
    def terminate_child(supervisor: Any, child_id: Any) -> Any:
        """Stop a child, keeping its spec: "ok", or `("error", "not_found")`."""
        return GenServer.call(supervisor, ("terminate_child", child_id), None)

    @staticmethod
    def restart_child(supervisor: Any, child_id: Any) -> Any:
        """Start a stopped child again: `("ok", pid)`, `("error", "running")` or
        `("error", "not_found")`."""
        return GenServer.call(supervisor, ("restart_child", child_id), None)

    # -- the server ----------------------------------------------------------------------

    def init(self, arg: tuple) -> Any:
        specs, strategy, intensity = arg
        trap_exit(True)
        state = {"children": [], "strategy": strategy, "intensity": intensity}
        for spec in specs:
            result = start_child(spec)
            if result[0] == "error":
                _stop_all(state["children"])
                return ("stop", ("shutdown", ("failed_to_start_child", spec["id"], result[1])))
            state["children"].append({"spec": spec, "pid": result[1] if result[0] == "ok"
                                      else None})
        return ("ok", state)

    def handle_call(self, request: Any, from_: tuple, state: dict) -> Any:
        children = state["children"]
        if request == "which_children":
            return ("reply", [_describe(child) for child in reversed(children)], state)
        if request == "count_children":
            return ("reply", count([(c["spec"], c["pid"]) for c in children]), state)
        kind, child_id = request
        child = next((c for c in children if c["spec"]["id"] == child_id), None)
        if child is None:
            return ("reply", ("error", "not_found"), state)
        if kind == "terminate_child":
            _stop(child)
            if child["spec"]["restart"] == "temporary":
                children.remove(child)
            return ("reply", "ok", state)
        if child["pid"] is not None:
            return ("reply", ("error", "running"), state)
        result = start_child(child["spec"], replaces=child.get("previous"))
        if result[0] == "ok":
            child["pid"] = result[1]
        return ("reply", result, state)

    def handle_info(self, message: Any, state: dict) -> Any:
        if not (type(message) is tuple and len(message) == 3 and message[0] == "EXIT"):
            return super().handle_info(message, state)
        _, pid, reason = message
        child = next((c for c in state["children"] if c["pid"] == pid), None)
        if child is None:
            return ("noreply", state)   # not ours (say, from a child that failed to start)
        child["pid"], child["previous"] = None, pid
        if not should_restart(child["spec"]["restart"], reason):
            if child["spec"]["restart"] == "temporary":
                state["children"].remove(child)
            return ("noreply", state)
        return self._restart(child, state)

    def _restart(self, child: dict, state: dict) -> Any:
        """Restart after a death, per the strategy, unless that is one restart too many."""
        if not state["intensity"].add_restart():
            give_up()
            _stop_all(state["children"])
            return ("stop", "shutdown", state)
        children = state["children"]
        if state["strategy"] == "one_for_one":
            affected = [child]
        elif state["strategy"] == "one_for_all":
            affected = list(children)
        else:
            affected = children[children.index(child):]
        _stop_all(affected)
        for other in affected:
            if other is not child and other["spec"]["restart"] == "temporary":
                children.remove(other)              # temporary children are not restarted
        for other in [c for c in affected if c in children]:
            result = start_child(other["spec"], replaces=other.get("previous"))
            if result[0] != "ok":
                return self._restart(other, state)  # counts as another restart, as in OTP
            other["pid"] = result[1]
        return ("noreply", state)

    def terminate(self, reason: Any, state: dict) -> Any:
        """Stop the children in reverse start order."""
        _stop_all(state["children"])


def _stop(child: dict) -> None:
    if child["pid"] is not None:
        shutdown(child["pid"], child["spec"]["shutdown"])
        child["pid"], child["previous"] = None, child["pid"]


def _stop_all(children: list) -> None:
    for child in reversed(children):
        _stop(child)


def _describe(child: dict) -> tuple:
    spec = child["spec"]
    return (spec["id"], child["pid"] or "undefined", spec["type"], modules(spec))
