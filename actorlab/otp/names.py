"""How OTP names a server: a pid, a registered name, or `("via", module, term)`.

`("via", Registry, (registry, key))` asks `Registry` to find or record the pid, as
Elixir's `{:via, Registry, {registry, key}}` does: any class with `register_name`,
`unregister_name` and `whereis_name` static methods can stand in for `Registry`.

>>> from actorlab import reset, self_pid
>>> _ = reset(log=None)
>>> register_name("me", self_pid()), whereis_name("me")
('yes', #PID<0.0.0>)
"""
from __future__ import annotations

from typing import Any

from ..runtime import Pid, register, unregister, whereis


def _via(name: Any) -> tuple | None:
    if type(name) is tuple and len(name) == 3 and name[0] == "via":
        return name
    return None


def _check(name: Any) -> None:
    if not (isinstance(name, (str, Pid)) or _via(name)):
        raise TypeError(f"a server name is a string, a pid, or ('via', Registry, "
                        f"(registry, key)), not {name!r}")


def whereis_name(name: Any) -> Pid | None:
    """The pid a name stands for now, or None. A pid stands for itself, alive or not."""
    _check(name)
    if type(name) is Pid:
        return name
    via = _via(name)
    if via:
        return via[1].whereis_name(via[2])
    return whereis(name)


def register_name(name: Any, pid: Pid) -> str:
    """Give `pid` the name: "yes", or "no" if the name is taken."""
    _check(name)
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
