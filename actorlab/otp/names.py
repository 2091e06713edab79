"""How OTP names a server: a pid, a registered name, `(name, node)`, or `("via", module,
term)`.

`("via", Registry, (registry, key))` asks `Registry` to find or record the pid, as
Elixir's `{:via, Registry, {registry, key}}` does (`(registry, key, value)` records a
value with it): any class with `register_name`, `unregister_name` and `whereis_name`
static methods can stand in for `Registry`.
`(name, "nonode@nohost")` is the name on this node, as `{name, node()}` is in Elixir (a
node that is not part of a cluster is called nonode@nohost); a name on any other node
cannot be reached from here.

>>> from actorlab import reset, self_pid
>>> _ = reset(log=None)
>>> register_name("me", self_pid()), whereis_name(("me", NODE_NAME))
('yes', #PID<0.0.0>)
"""
from __future__ import annotations

from typing import Any

from ..runtime import NODE_NAME, BadArgument, Pid, register, unregister, whereis
from ..trace import short

VIA_METHODS = ("register_name", "unregister_name", "whereis_name")
"""What a via-name's module must have, as OTP's {via, Module, Name} requires."""


def down_reason(reason: Any, *, forever: bool = False) -> Any:
    """What a client exits with when the monitor on its server (or task) fires with
    `reason`: "noconnection" becomes `("nodedown", node)`, with the server's node, this
    one for a pid here (a partition of actorlab's faults cuts processes of one node off
    from each other), as Elixir's Task does and OTP's gen:call with a timeout; any other
    reason is kept. `forever`: a gen:call with no timeout, which for a process of its own
    node takes a shortcut that keeps "noconnection" as it is.

    >>> down_reason("noconnection"), down_reason("noconnection", forever=True)
    (('nodedown', 'nonode@nohost'), 'noconnection')
    """
    return ("nodedown", NODE_NAME) if reason == "noconnection" and not forever else reason


def _via(name: Any) -> tuple | None:
    """`name` if it is `("via", module, term)` with a module that has the via-name methods
    (so a misspelt module is refused here, not found missing later), else None."""
    if type(name) is tuple and len(name) == 3 and name[0] == "via" and all(
            hasattr(name[1], method) for method in VIA_METHODS):
        return name
    return None


def on_node(name: Any) -> tuple[str, str] | None:
    """`name` if it is a `(name, node)` pair, else None."""
    if type(name) is tuple and len(name) == 2 and all(isinstance(n, str) for n in name):
        return name
    return None


def refuse_global(name: Any) -> None:
    """Refuse `("global", name)`, Elixir's `{:global, name}`: a name in `:global`, the
    registry a cluster of nodes shares. actorlab runs one node and has no `:global`; read
    as `(name, node)`, the pair would name a process on a node called "global"."""
    if type(name) is tuple and len(name) == 2 and name[0] == "global":
        raise BadArgument(f"{short(name)} is a global name, and actorlab has no :global: "
                          "global names are shared by a cluster of nodes, and actorlab runs "
                          "one node. Name the server with a string or a via-name, ('via', "
                          "Registry, (registry, key))")


def check_server(name: Any) -> None:
    """Refuse what cannot name a server at all (as Elixir's GenServer functions have no
    clause for it): a pid, a string, (name, node) and a via-name can."""
    refuse_global(name)
    if not (isinstance(name, (str, Pid)) or _via(name) or on_node(name)):
        raise BadArgument(f"a server is a pid, a name (a string), (name, node) or ('via', "
                          f"Registry, (registry, key[, value])), not {short(name)}")


def check_registrable(name: Any) -> None:
    """Refuse a name a server cannot be started under, as Elixir's GenServer.start does."""
    refuse_global(name)
    if not (isinstance(name, str) and name or _via(name)):
        raise BadArgument(f"a server's name is a string or ('via', Registry, (registry, "
                          f"key[, value])), not {short(name)}")


def whereis_name(name: Any) -> Pid | tuple[str, str] | None:
    """The pid a name stands for now, or None. A pid stands for itself, alive or not; a
    name on another node stands for itself too (as Elixir's GenServer.whereis says).

    >>> whereis_name(("counter", "other@host"))
    ('counter', 'other@host')
    """
    check_server(name)
    if type(name) is Pid:
        return name
    via = _via(name)
    if via:
        pid = via[1].whereis_name(via[2])
        return None if pid == "undefined" else pid     # the via-name contract's "nobody"
    pair = on_node(name)
    if pair:
        return whereis(pair[0]) if pair[1] == NODE_NAME else pair
    return whereis(name)


def register_name(name: Any, pid: Pid) -> str:
    """Give `pid` the name: "yes", or "no" if the name is taken."""
    check_registrable(name)
    via = _via(name)
    if via:
        return via[1].register_name(via[2], pid)
    if whereis(name) is not None:
        return "no"
    register(name, pid)
    return "yes"


def unregister_name(name: Any) -> None:
    """Free the name (when a server's init fails after taking it)."""
    via = _via(name)
    if via:
        via[1].unregister_name(via[2])
    elif whereis(name) is not None:
        unregister(name)
