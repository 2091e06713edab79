"""What both supervisors do with children: read child specs, start a child, shut one down,
decide whether to restart it, and count restarts against the allowed intensity.

A child spec is a dict, as in Elixir:

    {"id": "counter",                              # any term, unique in its supervisor
     "start": (GenServer.start_link, (Counter, 0)),  # (function, args[, kwargs])
     "restart": "permanent",                       # or "transient", "temporary"
     "shutdown": 5000,                             # ms to wait, "brutal_kill", or "infinity"
     "type": "worker"}                             # or "supervisor"

The start function returns what OTP's do: ("ok", pid), ("ok", pid, info), "ignore", or
("error", reason).

Shorthands: `(Counter, arg)`, with a GenServer class, stands for `Counter.child_spec(arg)`,
and the class alone for `Counter.child_spec([])`: as in Elixir, where a bare module is
`{module, []}`, its init gets an empty list. A missing "shutdown" is 5000 for a worker and
"infinity" for a supervisor, as in OTP; None means "infinity" too. "significant" may be
False only: actorlab has no auto_shutdown, and OTP refuses a significant child without one.

Anything else raises `BadArgument`, as Elixir raises an ArgumentError for it. A dict that
is not a valid spec is what OTP reports as an error *value* instead: `spec_error` says
what is wrong in OTP's words (`"missing_start"`, `("invalid_restart_type", "sometimes")`,
...), and the supervisors return it, as OTP's do.
"""
from __future__ import annotations

import inspect
import sys
from collections import deque
from typing import Any

from ..runtime import (ANY, BadArgument, Exit, Pid, ReceiveTimeout, exit, monitor, note, now,
                       receive, unlink)
from ..trace import short
from ..trace.protocol import child_started_note, is_normal, shutdown_note
from .gen_server import GenServer

RESTARTS = ("permanent", "transient", "temporary")
TYPES = ("worker", "supervisor")
RESTARTING = "restarting"   # a child's pid while a failed restart waits to be tried again


def expand(spec: Any) -> Any:
    """A child spec dict for a shorthand (a GenServer class, or (class, arg)); a dict as it
    is; `BadArgument` for anything else.

    >>> class Worker(GenServer): pass
    >>> expand((Worker, 1))["id"], expand({"id": "w"})
    ('Worker', {'id': 'w'})
    >>> expand(Worker)["start"][1]          # a bare class: init gets [], as in Elixir
    ([],)
    """
    module = spec[0] if type(spec) is tuple and len(spec) == 2 else spec
    if isinstance(module, type) and issubclass(module, GenServer) and (
            issubclass(module, Supervising) or _takes_options(module.child_spec)):
        raise _no_shorthand(module)
    if isinstance(spec, type) and issubclass(spec, GenServer):
        return spec.child_spec([])
    if type(spec) is tuple and len(spec) == 2 and isinstance(spec[0], type) \
            and issubclass(spec[0], GenServer):
        return spec[0].child_spec(spec[1])
    if isinstance(spec, dict):
        _refuse_elixir_mfa(spec.get("start"))
        return spec
    raise BadArgument(f"a child spec is a dict with 'id' and 'start', a GenServer class, or "
                      f"(GenServer class, arg); got {short(spec)}")


def _refuse_elixir_mfa(start: Any) -> None:
    """`BadArgument` for a start written as Elixir's `{Module, :function, args}`: here the
    function itself comes first, with its args as a tuple (OTP would only say
    "invalid_mfa", which does not say what to write).

    >>> _refuse_elixir_mfa((GenServer, "start_link", [1]))
    Traceback (most recent call last):
    ...
    actorlab.runtime.errors.BadArgument: 'start' is (function, args), the function itself: Elixir's {GenServer, :start_link, [1]} is (GenServer.start_link, (1,)) here
    """
    if type(start) is tuple and len(start) == 3 and type(start[1]) is str \
            and isinstance(start[2], (list, tuple)):
        module = getattr(start[0], "__name__", short(start[0]))
        args = ", ".join(short(arg) for arg in start[2])
        raise BadArgument(f"'start' is (function, args), the function itself: Elixir's "
                          f"{{{module}, :{start[1]}, {list(start[2])!r}}} is "
                          f"({module}.{start[1]}, ({args}{',' if len(start[2]) == 1 else ''}))"
                          " here")


def _takes_options(child_spec: Any) -> bool:
    """Whether a `child_spec` takes keyword options only (a DynamicSupervisor's, a
    Registry's), which no `(module, arg)` shorthand can pass."""
    return not any(p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
                   for p in inspect.signature(child_spec).parameters.values())


OPTIONS_EXAMPLES = {"DynamicSupervisor": "strategy='one_for_one', name=...",
                    "Registry": "keys='unique', name=..."}
"""The options each module's `child_spec` needs, for the error below."""


def _no_shorthand(module: type) -> BadArgument:
    """The error for Elixir's `{Supervisor, arg}`, `{DynamicSupervisor, opts}` or
    `{Registry, opts}` child: these take keyword options, which a single arg cannot carry,
    so such a child is `DynamicSupervisor.child_spec(...)` (or Registry's) with them, or
    a dict that calls `Supervisor.start_link` with them.

    >>> from actorlab.otp import DynamicSupervisor
    >>> "DynamicSupervisor.child_spec(strategy=" in str(_no_shorthand(DynamicSupervisor))
    True
    """
    name = module.__name__      # by name: the supervisors' modules import this one
    if name in OPTIONS_EXAMPLES:
        instead = f"{name}.child_spec({OPTIONS_EXAMPLES[name]})"
    else:
        instead = ("{'id': ..., 'start': (Supervisor.start_link, ([children],), "
                   "{'strategy': 'one_for_one'}), 'type': 'supervisor'}")
    return BadArgument(f"a {name} child is not written {name} or ({name}, arg) in "
                       f"actorlab, as its options are keywords: give {instead} (and "
                       f"Supervisor.child_spec(that, id=...) to change its keys)")


def spec_error(spec: dict, *, dynamic: bool = False) -> Any:
    """What is wrong with a child spec dict, in OTP's words, or None if nothing is.

    A missing "id" or "start" is "missing_id" or "missing_start", and a shutdown may be
    0 ms, as supervisor.erl says; with `dynamic=True`, as Elixir's DynamicSupervisor
    checks a spec, a dict without them is `("invalid_child_spec", spec)` and a shutdown
    must be more than 0 ms.

    >>> spec_error({"id": "a"}), spec_error({"id": "a"}, dynamic=True)
    ('missing_start', ('invalid_child_spec', {'id': 'a'}))
    >>> spec_error({"id": "a", "start": (print, ()), "restart": "sometimes"})
    ('invalid_restart_type', 'sometimes')
    """
    for key in ("id", "start"):
        if key not in spec:
            return ("invalid_child_spec", spec) if dynamic else f"missing_{key}"
    start = spec["start"]
    if not (type(start) is tuple and len(start) in (2, 3) and callable(start[0])
            and isinstance(start[1], (tuple, list))
            and (len(start) == 2 or isinstance(start[2], dict))):
        return ("invalid_mfa", start)
    restart, kind = spec.get("restart", "permanent"), spec.get("type", "worker")
    if restart not in RESTARTS:
        return ("invalid_restart_type", restart)
    significant = spec.get("significant", False)
    if not dynamic and significant is not False:
        return _significant_error(significant)
    if kind not in TYPES:
        return ("invalid_child_type", kind)
    how = spec.get("shutdown", 5000)
    if not (how in ("brutal_kill", "infinity", None) or
            _whole(how) and how >= (1 if dynamic else 0)):
        return ("invalid_shutdown", how)
    return None


def _significant_error(significant: Any) -> Any:
    """OTP's error for a "significant" other than False. A significant child makes its
    supervisor stop when it ends, which needs an auto_shutdown other than "never"; actorlab
    has no auto_shutdown, so, as OTP with auto_shutdown "never", it refuses True.
    (Elixir's DynamicSupervisor ignores the key: it is not checked there.)

    >>> _significant_error(True)
    ('bad_combination', [('auto_shutdown', 'never'), ('significant', True)])
    """
    if significant is True:
        return ("bad_combination", [("auto_shutdown", "never"), ("significant", True)])
    return ("invalid_significant", significant)


def complete(spec: dict) -> dict:
    """A valid spec dict with OTP's defaults filled in.

    >>> complete({"id": "sup", "start": (print, ()), "type": "supervisor"})["shutdown"]
    'infinity'
    """
    shutdown = "infinity" if spec.get("type") == "supervisor" else 5000
    full = {"restart": "permanent", "shutdown": shutdown, "type": "worker", **spec}
    if full["shutdown"] is None:
        full["shutdown"] = "infinity"
    return full


def child_spec(spec: Any) -> dict:
    """A complete child spec dict from any of the accepted forms (see the module
    docstring); `BadArgument` (a ValueError) if it is not a valid spec.

    >>> class Worker(GenServer): pass
    >>> child_spec((Worker, 1))["start"] == (Worker.start_link_spec, (1,))
    True
    """
    spec = expand(spec)
    error = spec_error(spec)
    if error is not None:
        what = error if isinstance(error, str) else error[0]
        raise BadArgument(f"{short(spec)} is not a valid child spec, {short(error)}: "
                          f"{_FIXES[what]}")
    return complete(spec)


_FIXES = {
    "missing_id": "give it an 'id'",
    "missing_start": "give it a 'start': (function, args) or (function, args, kwargs)",
    "invalid_mfa": "'start' is (function, args) or (function, args, kwargs)",
    "invalid_restart_type": f"'restart' is one of {', '.join(RESTARTS)}",
    "invalid_child_type": "'type' is 'worker' or 'supervisor'",
    "bad_combination": "actorlab has no auto_shutdown, so no child is 'significant': drop "
                       "the key, or make it False",
    "invalid_significant": "'significant' is False (True needs auto_shutdown, which actorlab "
                           "lacks)",
    "invalid_shutdown": "'shutdown' is ms (0 or more), 'brutal_kill' or 'infinity'",
}


def flags_error(strategy: Any, strategies: tuple, max_restarts: Any, max_seconds: Any) -> Any:
    """What is wrong with a supervisor's flags, as OTP says it, or None.

    >>> flags_error("one_for_one", ("one_for_one",), 3, 0)
    ('invalid_period', 0)
    """
    if strategy not in strategies:
        return ("invalid_strategy", strategy)
    if not (_whole(max_restarts) and max_restarts >= 0):
        return ("invalid_intensity", max_restarts)
    if not (_whole(max_seconds) and max_seconds > 0):
        return ("invalid_period", max_seconds)
    return None


def _whole(n: Any) -> bool:
    return isinstance(n, int) and not isinstance(n, bool)


def start_child(spec: dict, replaces: Pid | None = None, *, tag_crash: bool = True,
                extra_args: list | tuple = ()) -> Any:
    """Run the spec's start function in the supervisor, with `extra_args` before its own
    args: ("ok", pid), ("ok", pid, info), "ignore" or ("error", r).

    As in OTP, whatever else it returns is the error reason, and a start function that
    raises or exits gives `("EXIT", reason)` as the reason (supervisor.erl's catch), or the
    reason alone with `tag_crash=False` (Elixir's DynamicSupervisor).

    A started child is noted in the trace, with the pid of the child it `replaces` when it
    is a restart: that is how a view draws the supervision tree from the trace alone.
    """
    function, args, *kwargs = spec["start"]
    try:
        result = function(*extra_args, *args, **(kwargs[0] if kwargs else {}))
    except Exit as exit_:
        return ("error", ("EXIT", exit_.reason) if tag_crash else exit_.reason)
    except Exception as error:
        return ("error", ("EXIT", error) if tag_crash else error)
    pid = started_pid(result)
    if pid is not None:
        note(f"{'restarted' if replaces else 'started'} child {spec['id']!r}",
             child_started_note(spec["id"], pid, spec["type"], replaces))
        return result
    if result == "ignore" or (type(result) is tuple and len(result) == 2 and
                              result[0] == "error"):
        return result
    return ("error", result)


def started_pid(result: Any) -> Pid | None:
    """The pid in a start function's ("ok", pid) or ("ok", pid, info) (OTP accepts both:
    the info is handed back to whoever called start_child); None for anything else.

    >>> started_pid(("ok", "not a pid")), started_pid("ignore")
    (None, None)
    """
    if type(result) is tuple and len(result) in (2, 3) and result[0] == "ok" \
            and type(result[1]) is Pid:
        return result[1]
    return None


def give_up() -> None:
    """Note that a supervisor reached its restart intensity and is shutting down."""
    note("reached max restart intensity: shutting down",
         shutdown_note("reached_max_restart_intensity"))


def shutdown(pid: Pid, how: Any) -> Any:
    """Stop a child as OTP 25's supervisor.erl does: monitor it, signal "shutdown", wait for
    its DOWN ("kill" it if that takes longer than `how`), and only then unlink it and take
    its EXIT. The child stays linked while it dies, so it is never left without a parent.

    `how` is ms to wait, "brutal_kill" (kill at once) or "infinity". Returns the
    child's exit reason. A child that does not trap exits dies at once of "shutdown"; one
    that traps gets the signal as a message, so its `terminate` can run.
    """
    ref = monitor(pid)
    exit(pid, "kill" if how == "brutal_kill" else "shutdown")
    down = ("DOWN", ref, "process", pid, ANY)
    try:
        wait = None if how in ("brutal_kill", "infinity") else how
        reason = receive(down, timeout=wait, waiting_for=pid)[4]
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
        return not is_normal(reason)
    return False


class Supervising(GenServer):
    """What both supervisors answer: which children they have, and how many of each kind."""

    @staticmethod
    def which_children(supervisor: Any) -> list:
        """`(id, pid, type, modules)` per child, newest first, as in OTP; the pid is
        "undefined" for a stopped child and "restarting" while a failed restart waits to be
        tried again (a DynamicSupervisor's children all have the id "undefined")."""
        return GenServer.call(supervisor, "which_children", None)

    @staticmethod
    def count_children(supervisor: Any) -> dict:
        """`{"specs": n, "active": n, "supervisors": n, "workers": n}`."""
        return GenServer.call(supervisor, "count_children", None)


def count(children: list[tuple[dict, Any]]) -> dict:
    """`count_children`'s answer for (spec, pid) pairs; a pid of None or "restarting" is
    not active."""
    kinds = [spec["type"] for spec, _ in children]
    return {"specs": len(children), "active": sum(type(pid) is Pid for _, pid in children),
            "supervisors": kinds.count("supervisor"), "workers": kinds.count("worker")}


def modules(spec: dict) -> Any:
    """The modules column of `which_children`: the spec's "modules" if it has them; else,
    as OTP 25's supervisor.erl takes the module of the start function (`{M, _, _} = Func
    -> [M]`), the class the start function belongs to: `Supervisor` for
    `Supervisor.start_link`, `GenServer` for `GenServer.start_link` (whatever class it
    starts), `Worker` for `Worker.child_spec`'s start (Elixir's `Worker.start_link`);
    "dynamic" for a plain function.

    >>> from actorlab.otp import Supervisor
    >>> class Worker(GenServer): pass
    >>> modules({"start": (GenServer.start_link, (Worker, 1))}), modules(Worker.child_spec(1))
    ([<class 'actorlab.otp.gen_server.GenServer'>], [<class 'actorlab.otp.children.Worker'>])
    >>> modules({"start": (Supervisor.start_link, ([],))}), modules({"start": (print, ())})
    ([<class 'actorlab.otp.supervisor.Supervisor'>], 'dynamic')
    """
    if "modules" in spec:
        return spec["modules"]
    function = spec["start"][0]
    owner = getattr(function, "__self__", None)     # a classmethod: the class it is bound to
    if not isinstance(owner, type):                 # else the class that defines it, by name
        owner = sys.modules.get(getattr(function, "__module__", None) or "")
        for part in getattr(function, "__qualname__", "").split(".")[:-1]:
            owner = getattr(owner, part, None)
    return [owner] if isinstance(owner, type) else "dynamic"


class Intensity:
    """At most `max_restarts` restarts in any `max_seconds`, counted as OTP counts them.

    OTP's supervisor.erl notes each restart in whole seconds of its clock and still counts
    a restart made exactly `max_seconds` ago; so does this, on the node's virtual clock.

    >>> limit = Intensity(max_restarts=1, max_seconds=5)
    >>> limit.add_restart(), limit.add_restart()
    (True, False)
    """

    def __init__(self, max_restarts: int, max_seconds: int) -> None:
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
