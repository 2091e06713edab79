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

from ..runtime import (ANY, BadArgument, OneOf, Pid, ReceiveTimeout, exit, monitor, now, receive,
                       self_pid, send, trap_exit, unlink)
from ..trace import short
from .children import (RESTARTING, Intensity, Supervising, complete, count, expand, flags_error,
                       give_up, modules, should_restart, shutdown, spec_error, start_child,
                       started_pid)
from .gen_server import ELIXIR_START_OPTIONS, NO_START_OPTIONS, GenServer, refuse_options

START_OPTIONS = ("strategy", "max_restarts", "max_seconds", "max_children", "extra_arguments",
                 "name", "timeout")
"""The keywords of `DynamicSupervisor.start_link` and `child_spec`."""


class DynamicSupervisor(Supervising):
    """Start with `DynamicSupervisor.start_link(...)`; add children with `start_child`.

    Only the "one_for_one" strategy exists, as in Elixir. `max_children` (default: no
    limit) caps how many may run at once. `extra_arguments` go before each child's own
    start args, at every start and restart: a way to hand every child the same thing.

    A restart that fails is tried again later, as Elixir's does: the supervisor sends itself
    `("$gen_restart", old_pid)`, so it answers other requests in between; meanwhile the
    child is listed with the pid "restarting" and still counts against `max_children`.
    """

    _own_start = 'DynamicSupervisor.start_link(strategy="one_for_one")'

    @staticmethod
    def start_link(*, strategy: str = "one_for_one", max_restarts: int = 3,
                   max_seconds: int = 5, max_children: int | str | None = None,
                   extra_arguments: list | tuple = (), name: Any = None,
                   timeout: int | str | None = None, **unknown: Any) -> Any:
        """Start an empty dynamic supervisor: `("ok", pid)`, or, for bad options, OTP's
        error: `("error", ("supervisor_data", ("invalid_strategy", s)))` and so on.

        `strategy` is accepted as Elixir's `strategy: :one_for_one` is; it is the only one.
        `max_children` is a whole number, or None or "infinity" for no limit.
        `extra_arguments` is a list (or tuple) of args. `timeout` is
        GenServer.start_link's. Any other keyword is a
        `BadArgument`: Elixir's passes `debug`, `hibernate_after` and `spawn_opt` on to
        GenServer.start_link, which has none of them here.
        """
        refuse_options("DynamicSupervisor.start_link", unknown, START_OPTIONS,
                       ELIXIR_START_OPTIONS, NO_START_OPTIONS)
        return GenServer.start_link(DynamicSupervisor, (strategy, max_restarts, max_seconds,
                                                        max_children, extra_arguments),
                                    name=name, timeout=timeout)

    @staticmethod
    def child_spec(**options: Any) -> dict:  # type: ignore[override]  (keywords, not an arg)
        """Elixir's `DynamicSupervisor.child_spec(options)`: the spec that starts a
        DynamicSupervisor with `options`, the keywords of `start_link`, under another
        supervisor. As in Elixir, its type is "supervisor" and its id is its name (the key
        of a via-name), or "DynamicSupervisor" if it has none.

        >>> spec = DynamicSupervisor.child_spec(strategy="one_for_one", name="rooms")
        >>> spec["id"], spec["type"], spec["start"][2]
        ('rooms', 'supervisor', {'strategy': 'one_for_one', 'name': 'rooms'})
        """
        refuse_options("DynamicSupervisor.child_spec", options, START_OPTIONS,
                       ELIXIR_START_OPTIONS, NO_START_OPTIONS)
        name = options.get("name")
        if type(name) is tuple and len(name) == 3 and name[0] == "via":
            name = name[2]
        return {"id": "DynamicSupervisor" if name is None else name,
                "start": (DynamicSupervisor.start_link, (), options), "type": "supervisor"}

    @staticmethod
    def start_child(supervisor: Any, spec: Any) -> Any:
        """Start a child under it: `("ok", pid)` (or `("ok", pid, info)` if its start
        function returned that), "ignore", or `("error", reason)`
        (`("error", "max_children")` when full; `("error", ("invalid_child_spec", spec))`
        and the like for a bad spec, found before the supervisor is asked, as in Elixir)."""
        spec = expand(spec)
        bad = spec_error(spec, dynamic=True)
        if bad is not None:
            return ("error", bad)
        return GenServer.call(supervisor, ("start_child", complete(spec)), "infinity")

    @staticmethod
    def terminate_child(supervisor: Any, pid: Pid) -> Any:
        """Stop a child by pid: "ok", or `("error", "not_found")`. Anything but a pid is
        refused in the caller, and the supervisor never hears of it (Elixir's guard raises
        FunctionClauseError there)."""
        if type(pid) is not Pid:
            raise BadArgument(f"DynamicSupervisor.terminate_child takes the pid of one of its "
                              f"children, not {short(pid)}")
        return GenServer.call(supervisor, ("terminate_child", pid), "infinity")

    # -- the server ----------------------------------------------------------------------

    def init(self, arg: tuple) -> Any:
        strategy, max_restarts, max_seconds, max_children, extra_arguments = arg
        trap_exit(True)
        bad = flags_error(strategy, ("one_for_one",), max_restarts, max_seconds)
        if bad is None and not (max_children in (None, "infinity") or
                                type(max_children) is int and max_children >= 0):
            bad = ("invalid_max_children", max_children)
        if bad is None and not isinstance(extra_arguments, (list, tuple)):
            bad = ("invalid_extra_arguments", extra_arguments)
        if bad is not None:
            return ("stop", ("supervisor_data", bad))
        limit = None if max_children == "infinity" else max_children
        return ("ok", {"children": {}, "restarting": set(),
                       "intensity": Intensity(max_restarts, max_seconds),
                       "max_children": limit, "extra_arguments": tuple(extra_arguments)})

    def handle_call(self, request: Any, from_: tuple, state: dict) -> Any:
        children: dict[Pid, dict] = state["children"]
        if request == "which_children":       # oldest first, as Elixir's map of pids is
            rows = [("undefined", _shown(pid, state), spec["type"], modules(spec))
                    for pid, spec in children.items()]
            return ("reply", rows, state)
        if request == "count_children":
            return ("reply", count([(spec, _shown(pid, state))
                                    for pid, spec in children.items()]), state)
        kind, arg = request
        if kind == "terminate_child":         # by its old pid, for one that is restarting
            spec = children.pop(arg, None)
            if spec is None:
                return ("reply", ("error", "not_found"), state)
            if arg in state["restarting"]:
                state["restarting"].remove(arg)     # dead already: its retry finds nothing
            else:
                shutdown(arg, spec["shutdown"])
            return ("reply", "ok", state)
        if state["max_children"] is not None and len(children) >= state["max_children"]:
            return ("reply", ("error", "max_children"), state)
        result = start_child(arg, tag_crash=False, extra_args=state["extra_arguments"])
        if started_pid(result) is not None:
            children[result[1]] = arg
        return ("reply", result, state)

    def handle_info(self, message: Any, state: dict) -> Any:
        """A child's EXIT, or the retry of a restart that failed (ignored if the child was
        terminated in between)."""
        if type(message) is tuple and len(message) == 2 and message[0] == "$gen_restart":
            if message[1] not in state["restarting"]:
                return ("noreply", state)
            return self._restart(message[1], state)
        if not (type(message) is tuple and len(message) == 3 and message[0] == "EXIT"):
            return super().handle_info(message, state)
        _, pid, reason = message
        spec = state["children"].get(pid)
        if spec is None:
            return ("noreply", state)
        if not should_restart(spec["restart"], reason):
            del state["children"][pid]
            return ("noreply", state)
        return self._restart(pid, state)

    def _restart(self, old: Pid, state: dict) -> Any:
        """One try at restarting the child that was `old`, unless that is one restart too
        many. Until it starts (or is ignored: then Elixir forgets it) it keeps its entry
        under `old`, marked restarting, and the supervisor sends itself a retry."""
        children: dict[Pid, dict] = state["children"]
        if not state["intensity"].add_restart():
            give_up()
            del children[old]
            state["restarting"].discard(old)
            return ("stop", "shutdown", state)
        spec = children[old]
        result = start_child(spec, replaces=old, tag_crash=False,
                             extra_args=state["extra_arguments"])
        if result != "ignore" and started_pid(result) is None:
            state["restarting"].add(old)
            send(self_pid(), ("$gen_restart", old))
            return ("noreply", state)
        del children[old]
        state["restarting"].discard(old)
        if result != "ignore":
            children[result[1]] = spec
        return ("noreply", state)

    def terminate(self, reason: Any, state: dict) -> Any:
        """Stop every child at once, as Elixir's does: signal them all, then wait for them
        all, killing any that outlives its shutdown time."""
        children: dict[Pid, dict] = state["children"]
        deadlines, waiting = {}, {}
        for pid, spec in children.items():
            if pid in state["restarting"]:
                continue                # dead already, waiting for a retry
            waiting[monitor(pid)] = pid
            unlink(pid)
            how = spec["shutdown"]
            exit(pid, "kill" if how == "brutal_kill" else "shutdown")
            if how not in ("brutal_kill", "infinity"):
                deadlines[pid] = now() + how
        children.clear()
        while waiting:
            due = min(deadlines.values(), default=None)
            try:
                down = receive(OneOf(*(("DOWN", ref, ANY, ANY, ANY) for ref in waiting)),
                               timeout=None if due is None else max(0, due - now()))
            except ReceiveTimeout:
                for pid in [p for p, when in deadlines.items() if when <= now()]:
                    exit(pid, "kill")
                    del deadlines[pid]
                continue
            deadlines.pop(waiting.pop(down[1]), None)


def _shown(pid: Pid, state: dict) -> Any:
    """A child's pid as which_children and count_children show it: "restarting" while a
    failed restart waits to be tried again."""
    return RESTARTING if pid in state["restarting"] else pid
