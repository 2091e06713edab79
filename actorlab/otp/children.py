"""What both supervisors do with children: read child specs, start a child, shut one down,
decide whether to restart it, and count restarts against the allowed intensity.

A child spec is a dict, as in Elixir:

    {"id": "counter",                              # any term, unique in its supervisor
     "start": (GenServer.start_link, (Counter, 0)),  # (function, args[, kwargs]) -> ("ok", pid)
     "restart": "permanent",                       # or "transient", "temporary"
     "shutdown": 5000,                             # ms to wait, "brutal_kill", or None (forever)
     "type": "worker"}                             # or "supervisor"

Shorthands: a GenServer class `Counter`, or `(Counter, arg)`, stand for
`Counter.child_spec(arg)`.
"""
from __future__ import annotations

from collections import deque
from typing import Any

from ..runtime import (ANY, Pid, ReceiveTimeout, exit, monitor, note, now,
                       receive, unlink)
from .gen_server import GenServer

RESTARTS = ("permanent", "transient", "temporary")


def child_spec(spec: Any) -> dict:
    """A complete child spec dict from any of the accepted forms (see the module docstring).

    >>> class Worker(GenServer): pass
    >>> child_spec((Worker, 1))["start"] == (GenServer.start_link, (Worker, 1))
    True
    """
    if isinstance(spec, type) and issubclass(spec, GenServer):
        spec = spec.child_spec(None)
    elif type(spec) is tuple and len(spec) == 2 and isinstance(spec[0], type) \
            and issubclass(spec[0], GenServer):
        spec = spec[0].child_spec(spec[1])
    if not isinstance(spec, dict) or "id" not in spec or "start" not in spec:
        raise ValueError(f"a child spec is a dict with 'id' and 'start', a GenServer class, or "
                         f"(GenServer class, arg); got {spec!r}")
    full = {"restart": "permanent", "shutdown": 5000, "type": "worker", **spec}
    start = full["start"]
    if not (type(start) is tuple and len(start) in (2, 3) and callable(start[0])):
        raise ValueError(f"a child spec's 'start' is (function, args) or (function, args, "
                         f"kwargs); got {start!r}")
    if full["restart"] not in RESTARTS:
        raise ValueError(f"'restart' is one of {RESTARTS}, not {full['restart']!r}")
    return full


def start_child(spec: dict, replaces: Pid | None = None) -> Any:
    """Run the spec's start function in the supervisor: ("ok", pid), "ignore" or ("error", r).

    A started child is noted in the trace, with the pid of the child it `replaces` when it
    is a restart: that is how a view draws the supervision tree from the trace alone.
    """
    function, args, *kwargs = spec["start"]
    try:
        result = function(*args, **(kwargs[0] if kwargs else {}))
    except Exception as error:
        return ("error", error)
    if type(result) is tuple and result[0] == "ok":
        note(f"{'restarted' if replaces else 'started'} child {spec['id']!r}",
             {"event": "child_started", "id": spec["id"], "child": result[1],
              "type": spec["type"], "replaces": replaces})
    if result == "ignore" or (type(result) is tuple and result[0] in ("ok", "error")):
        return result
    return ("error", ("bad_return_value", result))


def give_up() -> None:
    """Note that a supervisor reached its restart intensity and is shutting down."""
    note("reached max restart intensity: shutting down",
         {"event": "shutdown", "reason": "reached_max_restart_intensity"})


def shutdown(pid: Pid, how: Any) -> Any:
    """Stop a child as OTP 25's supervisor.erl does: monitor it, signal "shutdown", wait for
    its DOWN ("kill" it if that takes longer than `how`), and only then unlink it and take
    its EXIT. The child stays linked while it dies, so it is never left without a parent.

    `how` is ms to wait, "brutal_kill" (kill at once) or None (wait forever). Returns the
    child's exit reason. A child that does not trap exits dies at once of "shutdown"; one
    that traps gets the signal as a message, so its `terminate` can run.
    """
    ref = monitor(pid)
    exit(pid, "kill" if how == "brutal_kill" else "shutdown")
    down = ("DOWN", ref, "process", pid, ANY)
    try:
        reason = receive(down, timeout=None if how == "brutal_kill" else how, waiting_for=pid)[4]
    except ReceiveTimeout:
        exit(pid, "kill")
        reason = receive(down, waiting_for=pid)[4]
    unlink(pid)
    try:                                # its EXIT, if it came, says why it ended
        return receive(("EXIT", pid, ANY), timeout=0)[2]
    except ReceiveTimeout:
        return reason


def should_restart(restart: str, reason: Any) -> bool:
    """permanent: always; transient: after an abnormal exit; temporary: never."""
    if restart == "permanent":
        return True
    if restart == "transient":
        normal = reason in ("normal", "shutdown") or \
            (type(reason) is tuple and len(reason) == 2 and reason[0] == "shutdown")
        return not normal
    return False


class Supervising(GenServer):
    """What both supervisors answer: which children they have, and how many of each kind."""

    @staticmethod
    def which_children(supervisor: Any) -> list:
        """`(id, pid or "undefined", type, modules)` per child, newest first, as in OTP
        (a DynamicSupervisor's children all have the id "undefined")."""
        return GenServer.call(supervisor, "which_children", None)

    @staticmethod
    def count_children(supervisor: Any) -> dict:
        """`{"specs": n, "active": n, "supervisors": n, "workers": n}`."""
        return GenServer.call(supervisor, "count_children", None)


def count(children: list[tuple[dict, Pid | None]]) -> dict:
    """`count_children`'s answer for (spec, pid or None) pairs."""
    kinds = [spec["type"] for spec, _ in children]
    return {"specs": len(children), "active": sum(pid is not None for _, pid in children),
            "supervisors": kinds.count("supervisor"), "workers": kinds.count("worker")}


def modules(spec: dict) -> Any:
    """The modules column of `which_children`: the GenServer class, if the spec names one."""
    start_args = spec["start"][1]
    return [start_args[0]] if start_args and isinstance(start_args[0], type) else "dynamic"


class Intensity:
    """At most `max_restarts` restarts in any `max_seconds`, counted as OTP counts them.

    OTP's supervisor.erl notes each restart in whole seconds of its clock and still counts
    a restart made exactly `max_seconds` ago; so does this, on the node's virtual clock.

    >>> limit = Intensity(max_restarts=1, max_seconds=5)
    >>> limit.add_restart(), limit.add_restart()
    (True, False)
    """

    def __init__(self, max_restarts: int, max_seconds: int) -> None:
        if max_restarts < 0 or max_seconds <= 0:
            raise ValueError("max_restarts must be 0 or more and max_seconds more than 0")
        self.max_restarts = max_restarts
        self.max_seconds = max_seconds
        self.restarts: deque[int] = deque()

    def add_restart(self) -> bool:
        """Record a restart now; False if that is one too many (time to give up)."""
        second = int(now() // 1000)
        self.restarts.append(second)
        while self.restarts[0] < second - self.max_seconds:
            self.restarts.popleft()
        return len(self.restarts) <= self.max_restarts
