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

from ..runtime import BadArgument, Pid, self_pid, trap_exit
from ..trace import short
from .children import (RESTARTING, Intensity, Supervising, complete, count, expand, flags_error,
                       give_up, modules, should_restart, shutdown, spec_error, start_child,
                       started_pid)
from .gen_server import (CHILD_SPEC_KEYS, ELIXIR_START_OPTIONS, NO_START_OPTIONS,
                         GenServer, refuse_options)

STRATEGIES = ("one_for_one", "one_for_all", "rest_for_one")

START_OPTIONS = ("strategy", "max_restarts", "max_seconds", "name")
"""The keywords of `Supervisor.start_link` (Elixir 1.14's ignores any other)."""

ELIXIR_ONLY = (*ELIXIR_START_OPTIONS, "auto_shutdown", "timeout")
"""Options of Elixir's `Supervisor.start_link` that actorlab's lacks (it takes `timeout`
and ignores it: `:supervisor.start_link` has none)."""


class Supervisor(Supervising):
    """Start with `Supervisor.start_link(children, strategy=..., ...)`.

    Strategies: "one_for_one" restarts only the child that died; "one_for_all" stops all
    the others and restarts them all; "rest_for_one" stops and restarts the children
    started after it. Defaults are Elixir's: at most 3 restarts in 5 seconds, then the
    supervisor stops all its children and exits with reason "shutdown".

    A restart that fails is tried again later, as OTP does: the supervisor casts itself a
    retry, so it answers other requests in between, and meanwhile `which_children` shows
    the child's pid as "restarting". Each try counts against the restart intensity.

    Elixir's module-based supervisor (`use Supervisor`, an `init` that returns
    `Supervisor.init(children, ...)`) has no counterpart here: a supervisor is always
    `Supervisor.start_link(children, ...)`, so this class cannot be subclassed.
    """

    _own_start = 'Supervisor.start_link(children, strategy="one_for_one")'

    def __init_subclass__(cls, **kwargs: Any) -> None:
        raise BadArgument(
            f"class {cls.__name__}(Supervisor): actorlab has no module-based supervisors "
            f"(Elixir's `use Supervisor`). Call Supervisor.start_link(children, "
            f"strategy=...) instead; to put it under another supervisor, give that one the "
            f"child {{'id': ..., 'start': (Supervisor.start_link, ([...],), "
            f"{{'strategy': ...}}), 'type': 'supervisor'}}")

    @staticmethod
    def child_spec(spec: Any, **overrides: Any) -> dict:
        """Elixir's `Supervisor.child_spec/2`: the spec dict of `spec` (a GenServer class,
        `(class, arg)` or a dict) with the `overrides` put in. It is how one module is
        started twice under one supervisor: give each its own id.

        >>> class Worker(GenServer): pass
        >>> spec = Supervisor.child_spec((Worker, 1), id="w1", restart="temporary")
        >>> spec["id"], spec["restart"], spec["start"] == (Worker.start_link_spec, (1,))
        ('w1', 'temporary', True)
        """
        unknown = [key for key in overrides if key not in CHILD_SPEC_KEYS]
        if unknown:
            raise BadArgument(f"unknown key {short(unknown[0])} in child specification "
                              f"override: the keys are {', '.join(CHILD_SPEC_KEYS)}")
        return {**expand(spec), **overrides}

    @staticmethod
    def start_link(children: list, *, strategy: str = "one_for_one", max_restarts: int = 3,
                   max_seconds: int = 5, name: Any = None, **unknown: Any) -> Any:
        """Start the supervisor and its children, in order: `("ok", pid)` or `("error", r)`.

        As in OTP, bad flags or specs are errors the supervisor exits with:
        `("error", ("supervisor_data", ("invalid_strategy", s)))`,
        `("error", ("start_spec", ("duplicate_child_name", id)))`, ...; a child that fails
        to start stops those started before it and gives
        `("error", ("shutdown", ("failed_to_start_child", id, reason)))`. Any other
        keyword is a `BadArgument`.
        """
        refuse_options("Supervisor.start_link", unknown, START_OPTIONS, ELIXIR_ONLY,
                       f"{NO_START_OPTIONS}, no auto_shutdown and no start timeout, which "
                       "Elixir's ignores")
        if strategy == "simple_one_for_one":
            raise BadArgument('strategy="simple_one_for_one" is not here (Elixir deprecates '
                              "it too): start children on demand under a DynamicSupervisor, "
                              "DynamicSupervisor.start_link(strategy=\"one_for_one\")")
        specs = [expand(spec) for spec in children]
        return GenServer.start_link(Supervisor, (specs, strategy, max_restarts, max_seconds),
                                    name=name)

    @staticmethod
    def start_child(supervisor: Any, spec: Any) -> Any:
        """Add a child and start it: `("ok", pid)`, or `("ok", pid, info)` if its start
        function returned that; `("ok", "undefined")` if it returned
        "ignore" (its spec is kept, unless it is temporary); `("error", ("already_started",
        pid))` or `("error", "already_present")` if a child has its id, running or not;
        `("error", (reason, spec))` if it fails to start; `("error", what)` for a bad spec.

        >>> from actorlab import reset
        >>> _ = reset(log=None)
        >>> class Worker(GenServer):
        ...     def init(self, arg):
        ...         return ("ok", arg)
        >>> _, sup = Supervisor.start_link([])
        >>> _, pid = Supervisor.start_child(sup, (Worker, 1))
        >>> Supervisor.start_child(sup, (Worker, 2)) == ("error", ("already_started", pid))
        True
        """
        return GenServer.call(supervisor, ("start_child", expand(spec)), "infinity")

    @staticmethod
    def terminate_child(supervisor: Any, child_id: Any) -> Any:
        """Stop a child, keeping its spec (unless it is temporary): "ok", or
        `("error", "not_found")`."""
        return GenServer.call(supervisor, ("terminate_child", child_id), "infinity")

    @staticmethod
    def restart_child(supervisor: Any, child_id: Any) -> Any:
        """Start a stopped child again: `("ok", pid)` (or `("ok", pid, info)`, as for
        `start_child`; `("ok", "undefined")` if it returned "ignore"), `("error", "running")`
        or `("error", "not_found")`."""
        return GenServer.call(supervisor, ("restart_child", child_id), "infinity")

    @staticmethod
    def delete_child(supervisor: Any, child_id: Any) -> Any:
        """Forget a stopped child's spec: "ok", `("error", "running")` or
        `("error", "not_found")`.

        >>> from actorlab import reset
        >>> _ = reset(log=None)
        >>> class Worker(GenServer):
        ...     def init(self, arg):
        ...         return ("ok", arg)
        >>> _, sup = Supervisor.start_link([(Worker, 1)])
        >>> Supervisor.delete_child(sup, "Worker")
        ('error', 'running')
        >>> Supervisor.terminate_child(sup, "Worker"), Supervisor.delete_child(sup, "Worker")
        ('ok', 'ok')
        """
        return GenServer.call(supervisor, ("delete_child", child_id), "infinity")

    # -- the server ----------------------------------------------------------------------

    def init(self, arg: tuple) -> Any:
        specs, strategy, max_restarts, max_seconds = arg
        trap_exit(True)
        bad = flags_error(strategy, STRATEGIES, max_restarts, max_seconds)
        if bad is not None:
            return ("stop", ("supervisor_data", bad))
        bad = _specs_error(specs)
        if bad is not None:
            return ("stop", ("start_spec", bad))
        state = {"children": [], "strategy": strategy,
                 "intensity": Intensity(max_restarts, max_seconds)}
        for spec in map(complete, specs):
            result = start_child(spec)
            if _failed(result):
                _stop_all(state["children"])
                return ("stop", ("shutdown", ("failed_to_start_child", spec["id"], result[1])))
            _keep(state["children"], spec, result)
        return ("ok", state)

    def handle_call(self, request: Any, from_: tuple, state: dict) -> Any:
        children = state["children"]
        if request == "which_children":
            return ("reply", [_describe(child) for child in reversed(children)], state)
        if request == "count_children":
            return ("reply", count([(c["spec"], c["pid"]) for c in children]), state)
        kind, arg = request
        if kind == "start_child":
            return ("reply", _add(children, arg), state)
        child = next((c for c in children if c["spec"]["id"] == arg), None)
        if child is None:
            return ("reply", ("error", "not_found"), state)
        if kind == "terminate_child":
            _stop(child)
            if child["spec"]["restart"] == "temporary":
                children.remove(child)
            return ("reply", "ok", state)
        if child["pid"] == RESTARTING:
            return ("reply", ("error", "restarting"), state)
        if child["pid"] is not None:
            return ("reply", ("error", "running"), state)
        if kind == "delete_child":
            children.remove(child)
            return ("reply", "ok", state)
        result = start_child(child["spec"], replaces=child.get("previous"))
        if _failed(result):
            return ("reply", result, state)
        child["pid"] = started_pid(result)
        return ("reply", _answer(result), state)

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

    def handle_cast(self, request: Any, state: dict) -> Any:
        """The retry of a failed restart that `_restart` cast; ignored if the child is no
        longer waiting for it (terminated or deleted in between)."""
        if not (type(request) is tuple and len(request) == 2 and
                request[0] == "try_again_restart"):
            return super().handle_cast(request, state)
        child = next((c for c in state["children"] if c["spec"]["id"] == request[1]), None)
        if child is None or child["pid"] != RESTARTING:
            return ("noreply", state)
        return self._restart(child, state)

    def _restart(self, child: dict, state: dict) -> Any:
        """One try at restarting after a death, per the strategy, unless that is one restart
        too many. If a start fails, that child is marked "restarting" and the supervisor
        casts itself a retry instead of looping, as OTP 25 does: other requests are served
        between tries."""
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
            if _failed(result):
                other["pid"] = RESTARTING
                GenServer.cast(self_pid(), ("try_again_restart", other["spec"]["id"]))
                return ("noreply", state)
            other["pid"] = started_pid(result)
        return ("noreply", state)

    def terminate(self, reason: Any, state: dict) -> Any:
        """Stop the children in reverse start order."""
        _stop_all(state["children"])


def _specs_error(specs: list[dict]) -> Any:
    """The first thing OTP would refuse in a supervisor's list of child specs, or None."""
    seen = []
    for spec in specs:
        bad = spec_error(spec)
        if bad is not None:
            return bad
        if spec["id"] in seen:
            return ("duplicate_child_name", spec["id"])
        seen.append(spec["id"])
    return None


def _add(children: list, spec: dict) -> Any:
    """`start_child`'s answer, adding the child to `children` if it is kept."""
    bad = spec_error(spec)
    if bad is not None:
        return ("error", bad)
    spec = complete(spec)
    same = next((c for c in children if c["spec"]["id"] == spec["id"]), None)
    if same is not None:
        running = type(same["pid"]) is Pid
        return ("error", ("already_started", same["pid"]) if running else "already_present")
    result = start_child(spec)
    if _failed(result):
        return ("error", (result[1], spec))
    _keep(children, spec, result)
    return _answer(result)


def _keep(children: list, spec: dict, started: Any) -> None:
    """Add a started child to `children`; one that returned "ignore" too, pid None, unless
    it is temporary (then there is nothing to restart, and OTP forgets it)."""
    pid = started_pid(started)
    if pid is not None or spec["restart"] != "temporary":
        children.append({"spec": spec, "pid": pid})


def _answer(started: Any) -> Any:
    """What start_child and restart_child answer for a child that did not fail to start:
    its start function's ("ok", pid) or ("ok", pid, info); ("ok", "undefined") for
    "ignore", as OTP's supervisor answers."""
    return ("ok", "undefined") if started == "ignore" else started


def _failed(started: Any) -> bool:
    return started != "ignore" and started[0] == "error"


def _stop(child: dict) -> None:
    """Shut the child down if it runs; either way it has no pid afterwards (one that was
    "restarting" is no longer: the retry will find nothing to do)."""
    if type(child["pid"]) is Pid:
        shutdown(child["pid"], child["spec"]["shutdown"])
        child["previous"] = child["pid"]
    child["pid"] = None


def _stop_all(children: list) -> None:
    for child in reversed(children):
        _stop(child)


def _describe(child: dict) -> tuple:
    spec = child["spec"]
    return (spec["id"], child["pid"] or "undefined", spec["type"], modules(spec))
