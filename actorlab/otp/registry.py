"""Registry: a process that maps keys to pids, forgetting a pid when its process dies.

As in Elixir, the registry links to each registered process and traps exits: an EXIT
tells it a process died; and if the registry stops, its registered processes get an exit
signal "shutdown" (one that does not trap exits dies of it).

With unique keys it gives servers names that are not atoms: `("via", Registry,
("rooms", "lobby"))` names a server as the key "lobby" of the registry called "rooms";
`("via", Registry, ("rooms", "lobby", value))` registers it with that value (to find it
by the name, the value does not matter).
A name survives restarts: the restarted server registers its key again, so callers
using the name reach the new process, while a pid kept from before is stale.

As in Elixir, every function takes the registry by the name given to `start_link`, never
by its pid (a pid is a `BadArgument`, Elixir's ArgumentError). One difference: Elixir's
registry keeps its entries in partitions, and `register` answers `{:ok, owner}` with the
pid of a partition; here there are no partitions, and the owner is the registry's pid.

>>> from actorlab import reset, self_pid
>>> _ = reset(log=None)
>>> _ = Registry.start_link(keys="unique", name="rooms")
>>> Registry.register("rooms", "lobby", "some value")
('ok', #PID<0.1.0>)
>>> Registry.lookup("rooms", "lobby")
[(#PID<0.0.0>, 'some value')]
"""
from __future__ import annotations

from typing import Any
from weakref import WeakKeyDictionary

from ..runtime import (ANY, BadArgument, Node, Pid, current_node, exit, link, self_pid,
                       trap_exit, unlink, whereis)
from ..trace import short
from .gen_server import GenServer, refuse_options

_REGISTRIES: WeakKeyDictionary[Node, set[Pid]] = WeakKeyDictionary()
"""The pids of the registries started on each node. Elixir knows a registry by its table,
so a name held by any other process is no registry; here, a registry's pid is recorded
when it starts. (A dead one needs no removal: its name goes with it.)"""


START = 'Registry.start_link(keys="unique", name="rooms")'
"""How to start a registry, for the errors to show."""

ELIXIR_ONLY = ("partitions", "listeners", "meta")
"""Options of Elixir's Registry.start_link that actorlab's Registry does not have."""


class Registry(GenServer):
    """Start with `Registry.start_link(keys="unique", name=...)`: both are required, as
    in Elixir, and keys are unique only (Elixir also has "duplicate")."""

    _own_start = START

    @staticmethod
    def start_link(*args: Any, **options: Any) -> Any:
        """Start a registry under a name: `("ok", pid)`.

        >>> Registry.start_link(name="rooms")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        actorlab.runtime.errors.BadArgument: Registry.start_link needs keys="unique", ...
        """
        _check_start_options(args, options)
        return GenServer.start_link(Registry, None, name=options["name"])

    @staticmethod
    def child_spec(**options: Any) -> dict:  # type: ignore[override]  (keywords, not an arg)
        """Elixir's `Registry.child_spec(options)`: the spec that starts a registry with
        `options`, the keywords of `start_link`, under a supervisor. As in Elixir, its
        type is "supervisor" and its id is its name.

        >>> spec = Registry.child_spec(keys="unique", name="Rooms")
        >>> spec["id"], spec["type"], spec["start"][2]
        ('Rooms', 'supervisor', {'keys': 'unique', 'name': 'Rooms'})
        """
        _check_start_options((), options)
        return {"id": options["name"], "start": (Registry.start_link, (), options),
                "type": "supervisor"}

    @staticmethod
    def register(registry: Any, key: Any, value: Any = None) -> Any:
        """Register the caller under `key`: `("ok", registry_pid)`, or
        `("error", ("already_registered", pid))`.

        Like every function here, it raises `BadArgument` (Elixir's ArgumentError) for a
        registry nobody started.
        """
        return _ask(registry, ("register", key, self_pid(), value))

    @staticmethod
    def unregister(registry: Any, key: Any) -> str:
        """Remove the caller's entry for `key`; "ok"."""
        return _ask(registry, ("unregister", key, self_pid()))

    @staticmethod
    def lookup(registry: Any, key: Any) -> list:
        """`[(pid, value)]` for a registered key, `[]` otherwise."""
        return _ask(registry, ("lookup", key))

    @staticmethod
    def keys(registry: Any, pid: Pid) -> list:
        """The keys `pid` is registered under."""
        if not isinstance(pid, Pid):     # any other term would silently have no keys
            raise BadArgument(f"Registry.keys needs a pid, not {short(pid)}: pass the "
                              "process whose keys you want, Registry.keys(registry, pid)")
        return _ask(registry, ("keys", pid))

    # -- the via-name protocol (what GenServer names use) ---------------------------

    @staticmethod
    def register_name(name: tuple, pid: Pid) -> str:
        """`("via", Registry, (registry, key[, value]))` naming: "yes" or "no"."""
        registry, key, value = _via_term(name)
        result = _ask(registry, ("register", key, pid, value))
        return "yes" if result[0] == "ok" else "no"

    @staticmethod
    def unregister_name(name: tuple) -> str:
        """Free the via-name's key: "ok", as the via-name contract has it."""
        registry, key, _ = _via_term(name)
        _ask(registry, ("unregister", key, ANY))
        return "ok"

    @staticmethod
    def whereis_name(name: tuple) -> Pid | str:
        """The pid registered under the via-name's key, or "undefined" (OTP's via-name
        contract: `gen` compares with undefined; `GenServer.whereis` says None)."""
        registry, key, _ = _via_term(name)
        entries = Registry.lookup(registry, key)
        return entries[0][0] if entries else "undefined"

    # -- the server ----------------------------------------------------------------------

    def init(self, arg: Any) -> Any:
        trap_exit(True)
        _REGISTRIES.setdefault(current_node(), set()).add(self_pid())
        return ("ok", {"entries": {}})                   # key -> (pid, value)

    def handle_call(self, request: Any, from_: tuple, state: dict) -> Any:
        entries = state["entries"]
        kind = request[0]
        if kind == "register":
            _, key, pid, value = request
            if key in entries:
                return ("reply", ("error", ("already_registered", entries[key][0])), state)
            entries[key] = (pid, value)
            link(pid)
            return ("reply", ("ok", self_pid()), state)
        if kind == "unregister":
            _, key, pid = request
            if key in entries and (pid is ANY or entries[key][0] == pid):
                pid, _ = entries.pop(key)
                if all(p != pid for p, _ in entries.values()):
                    unlink(pid)
            return ("reply", "ok", state)
        if kind == "lookup":
            entry = entries.get(request[1])
            return ("reply", [entry] if entry else [], state)
        return ("reply", [k for k, (p, _) in entries.items() if p == request[1]], state)

    def terminate(self, reason: Any, state: dict) -> Any:
        """Take the registered processes down with "shutdown", whatever the registry's own
        reason: Elixir's registry is a supervisor, and its processes are linked to a
        partition that it shuts down."""
        for pid in dict.fromkeys(pid for pid, _ in state["entries"].values()):
            unlink(pid)
            exit(pid, "shutdown")

    def handle_info(self, message: Any, state: dict) -> Any:
        """An EXIT from a registered process: forget its keys."""
        if type(message) is tuple and len(message) == 3 and message[0] == "EXIT":
            dead = message[1]
            state["entries"] = {k: (p, v) for k, (p, v) in state["entries"].items()
                                if p != dead}
            return ("noreply", state)
        return super().handle_info(message, state)


def _check_start_options(args: tuple, options: dict) -> None:
    """Refuse what Elixir's Registry.start_link refuses (no keys, keys neither unique nor
    duplicate, no name) and what actorlab's lacks (duplicate keys, partitions, listeners,
    meta), each with a `BadArgument` that says what to write. Elixir ignores an option it
    does not know; here it is refused, as it is more likely a typo."""
    if args:
        raise BadArgument(f"Registry.start_link takes keywords only, not {short(args[0])}: "
                          f"{START}")
    keys = options.get("keys")
    if keys == "duplicate":
        raise BadArgument("actorlab's Registry has unique keys only, not \"duplicate\": "
                          f"{START}")
    if keys != "unique":
        got = "" if keys is None else f", not keys={short(keys)}"
        raise BadArgument(f"Registry.start_link needs keys=\"unique\", as Elixir's needs "
                          f"keys: :unique (or :duplicate){got}: {START}")
    if not isinstance(options.get("name"), str):
        got = "" if "name" not in options else f", not {short(options['name'])}"
        raise BadArgument(f"Registry.start_link needs a name, a string{got}: every function "
                          f"of Registry takes the registry by it: {START}")
    if options.get("partitions") == 1:      # what actorlab's has: nothing to refuse
        options = {key: value for key, value in options.items() if key != "partitions"}
    refuse_options("Registry.start_link", options, ("keys", "name"), ELIXIR_ONLY,
                   "actorlab's has one partition, no listeners and no meta")


def _via_term(name: Any) -> tuple:
    """`(registry, key, value)` from the term of a via-name, `(registry, key)` (value None)
    or `(registry, key, value)`; `BadArgument` for anything else, as Elixir's Registry
    has no clause for it.

    >>> _via_term(("rooms", "lobby")), _via_term(("rooms", "lobby", 7))
    (('rooms', 'lobby', None), ('rooms', 'lobby', 7))
    """
    if type(name) is tuple and len(name) in (2, 3) and name[0] != "via":
        return name if len(name) == 3 else (*name, None)
    raise BadArgument(f"a Registry via-name is ('via', Registry, (registry, key)) or ('via', "
                      f"Registry, (registry, key, value)), not ('via', Registry, {short(name)})")


def _ask(registry: Any, request: tuple) -> Any:
    """Call the registry; anything but a name, or a name that is not a running registry's
    (nobody has it, or a process that is not a registry), raises `BadArgument`, as Elixir
    raises ArgumentError for a pid or a registry never started. Calling another process
    instead would wait forever for an answer it never sends."""
    if not isinstance(registry, str):
        raise BadArgument(f"a registry is known by its name, not {short(registry)}: pass the "
                          "name given to Registry.start_link(keys=\"unique\", name=...)")
    holder = whereis(registry)
    if holder is None or holder not in _REGISTRIES.get(current_node(), ()):
        held = "" if holder is None else " (the process named so is not a registry)"
        raise BadArgument(f"unknown registry: {registry!r}{held}; check the name, or start "
                          f"it first with Registry.start_link(keys=\"unique\", name={registry!r})")
    return GenServer.call(registry, request, "infinity")
