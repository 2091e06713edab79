"""DynamicSupervisor: a supervisor that starts with no children and adds them on demand.

Start servers through its API (`start_child`) instead of calling `start_link` yourself:
then something restarts them when they crash, and stops them when the system stops.

>>> from actorlab import reset
>>> _ = reset(log=None)
>>> class Worker(GenServer):
...     def init(self, arg):
...         return ("ok", arg)
>>> _, sup = DynamicSupervisor.start_link()
>>> status, pid = DynamicSupervisor.start_child(sup, (Worker, "job"))
>>> DynamicSupervisor.count_children(sup)["active"]
1
"""
from __future__ import annotations

from typing import Any

from ..runtime import Pid, trap_exit
from .children import (Intensity, Supervising, child_spec, count, give_up, modules,
                       should_restart, shutdown, start_child)
from .gen_server import GenServer


class DynamicSupervisor(Supervising):
    """Start with `DynamicSupervisor.start_link(...)`; add children with `start_child`.

    Only the "one_for_one" strategy exists, as in Elixir. `max_children` (default: no
    limit) caps how many may run at once.
    """

    @staticmethod
    def start_link(*, strategy: str = "one_for_one", max_restarts: int = 3,
                   max_seconds: int = 5, max_children: int | None = None,
                   name: Any = None) -> Any:
        """Start an empty dynamic supervisor: `("ok", pid)`.

        `strategy` is accepted as Elixir's `strategy: :one_for_one` is; it is the only one.
        """
        if strategy != "one_for_one":
            raise ValueError(f"a DynamicSupervisor's strategy is 'one_for_one', not {strategy!r}")
        return GenServer.start_link(DynamicSupervisor,
                                    (Intensity(max_restarts, max_seconds), max_children),
                                    name=name)

    @staticmethod
    def start_child(supervisor: Any, spec: Any) -> Any:
        """Start a child under it: `("ok", pid)`, "ignore", or `("error", reason)`
        (`("error", "max_children")` when full)."""
        return GenServer.call(supervisor, ("start_child", child_spec(spec)), None)

    @staticmethod
    def terminate_child(supervisor: Any, pid: Pid) -> Any:
        """Stop a child by pid: "ok", or `("error", "not_found")`."""
        return GenServer.call(supervisor, ("terminate_child", pid), None)

    # -- the server ----------------------------------------------------------------------

    def init(self, arg: tuple) -> Any:
        intensity, max_children = arg
        trap_exit(True)
        return ("ok", {"children": {}, "intensity": intensity, "max_children": max_children})

    def handle_call(self, request: Any, from_: tuple, state: dict) -> Any:
        children: dict[Pid, dict] = state["children"]
        if request == "which_children":
            rows = [("undefined", pid, spec["type"], modules(spec))
                    for pid, spec in reversed(children.items())]
            return ("reply", rows, state)
        if request == "count_children":
            return ("reply", count([(spec, pid) for pid, spec in children.items()]), state)
        kind, arg = request
        if kind == "terminate_child":
            spec = children.pop(arg, None)
            if spec is None:
                return ("reply", ("error", "not_found"), state)
            shutdown(arg, spec["shutdown"])
            return ("reply", "ok", state)
        if state["max_children"] is not None and len(children) >= state["max_children"]:
            return ("reply", ("error", "max_children"), state)
        result = start_child(arg)
        if result[0] == "ok":
            children[result[1]] = arg
        return ("reply", result, state)

    def handle_info(self, message: Any, state: dict) -> Any:
        if not (type(message) is tuple and len(message) == 3 and message[0] == "EXIT"):
            return super().handle_info(message, state)
        _, pid, reason = message
        spec = state["children"].pop(pid, None)
        if spec is None or not should_restart(spec["restart"], reason):
            return ("noreply", state)
        while True:
            if not state["intensity"].add_restart():
                give_up()
                self.terminate("shutdown", state)
                return ("stop", "shutdown", state)
            result = start_child(spec, replaces=pid)
            if result[0] == "ok":
                state["children"][result[1]] = spec
                return ("noreply", state)

    def terminate(self, reason: Any, state: dict) -> Any:
        """Stop every child, the newest first."""
        for pid, spec in reversed(list(state["children"].items())):
            shutdown(pid, spec["shutdown"])
        state["children"].clear()

