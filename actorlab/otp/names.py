"""How OTP names a server: a pid, a registered name, `(name, node)`, or `("via", module,
term)`.

`("via", Registry, (registry, key))` asks `Registry` to find or record the pid, as
Elixir's `{:via, Registry, {registry, key}}` does: any class with `register_name`,
`unregister_name` and `whereis_name` static methods can stand in for `Registry`.
`(name, "nonode@nohost")` is the name on this node, as `{name, node()}` is in Elixir (a
node that is not part of a cluster is called nonode@nohost); a name on any other node
cannot be reached from here.

>>> from actorlab import reset, self_pid
>>> _ = reset(log=None)
>>> register_name("me", self_pid()), whereis_name(("me", LOCAL_NODE))
('yes', #PID<0.0.0>)
"""
from __future__ import annotations

from typing import Any

from ..runtime import BadArgument, Pid, register, unregister, whereis
from ..trace import short

LOCAL_NODE = "nonode@nohost"
"""This node's name, as Erlang's node() says it when the node is not distributed."""


def _via(name: Any) -> tuple | None:
    if type(name) is tuple and len(name) == 3 and name[0] == "via":
        return name
    return None


def on_node(name: Any) -> tuple[str, str] | None:
    """`name` if it is a `(name, node)` pair, else None."""
    if type(name) is tuple and len(name) == 2 and all(isinstance(n, str) for n in name):
        return name
    return None


def _check(name: Any) -> None:
    if not (isinstance(name, (str, Pid)) or _via(name) or on_node(name)):
        raise BadArgument(f"a server is a pid, a name (a string), (name, node) or ('via', "
                          f"Registry, (registry, key)), not {short(name)}")


def check_registrable(name: Any) -> None:
    """Refuse a name a server cannot be started under, as Elixir's GenServer.start does."""
    if not (isinstance(name, str) and name or _via(name)):
        raise BadArgument(f"a server's name is a string or ('via', Registry, (registry, "
                          f"key)), not {short(name)}")


def whereis_name(name: Any) -> Pid | tuple[str, str] | None:
    """The pid a name stands for now, or None. A pid stands for itself, alive or not; a
    name on another node stands for itself too (as Elixir's GenServer.whereis says).

    >>> whereis_name(("counter", "other@host"))
    ('counter', 'other@host')
    """
    _check(name)
    if type(name) is Pid:
        return name
    via = _via(name)
    if via:
        return via[1].whereis_name(via[2])
    pair = on_node(name)
    if pair:
        return whereis(pair[0]) if pair[1] == LOCAL_NODE else pair
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
