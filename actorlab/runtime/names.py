"""Registered names: the table behind `register`, `unregister`, `whereis` and sending by name.

A name is a non-empty string, standing in for an Erlang atom. As in Erlang, a process has
at most one name, a name belongs to at most one process, and the name is freed when its
process exits. `(name, "nonode@nohost")`, Erlang's `{Name, Node}` for this node, stands
for the name itself.

>>> from actorlab.runtime.process import Process
>>> from actorlab.trace import Pid
>>> table = NameTable()
>>> table.register("counter", Process(Pid(1), None, (), "worker"))
>>> table.whereis("counter")
#PID<0.1.0> (counter)
"""
from __future__ import annotations

from typing import Any

from ..trace import short
from .errors import BadArgument
from .process import Process

NODE_NAME = "nonode@nohost"     # Erlang's name for a node that is not part of a cluster
UNDEFINED = "undefined"         # what Erlang's whereis answers for a name nobody has


class NameTable:
    """Which process holds which name."""

    def __init__(self) -> None:
        self.holders: dict[str, Process] = {}

    def register(self, name: str, proc: Process) -> None:
        """Give `proc` the name; fails, as Erlang's register does, if the name is taken or
        the process already has one, or is "undefined"."""
        if name == UNDEFINED:
            raise BadArgument(f"cannot register {name!r}: Erlang's lookups answer undefined "
                              "for \"nobody has this name\", so it cannot be one; pick another")
        if name in self.holders:
            raise BadArgument(f"cannot register {name!r}: the name is already taken by "
                              f"{self.holders[name]!r}; unregister it first or pick another")
        if proc.name is not None:
            raise BadArgument(f"cannot register {name!r}: {proc.pid!r} already has the name "
                              f"{proc.name!r} (a process has at most one)")
        self.holders[name] = proc
        proc.name = name

    def unregister(self, name: str) -> Process:
        """Free the name; returns the process that held it (it keeps running)."""
        proc = self.lookup(name, "unregister")
        del self.holders[name]
        proc.name = None
        return proc

    def whereis(self, name: str) -> Process | None:
        return self.holders.get(name)

    def lookup(self, name: str, action: str) -> Process:
        """The process holding `name`, or a clear error saying `action` needed one."""
        proc = self.holders.get(name)
        if proc is None:
            known = ", ".join(repr(n) for n in sorted(self.holders)) or "none"
            raise BadArgument(f"{action}: no process is registered as {name!r} "
                              f"(registered names: {known}). Start it and register it first, "
                              "or use its pid.")
        return proc

    def release(self, proc: Process) -> None:
        """`proc` exited: its name is free again."""
        if proc.name is not None:
            del self.holders[proc.name]

    def clear(self) -> None:
        self.holders.clear()


def check_name(name: Any, action: str, on_this_node: bool = False) -> str:
    """The name `name` stands for; refuse anything that cannot be a process name, saying
    what `action` needed. With `on_this_node`, `(name, "nonode@nohost")` (Erlang's
    `{Name, node()}`, as send and monitor accept it) stands for the name too."""
    if on_this_node and type(name) is tuple and len(name) == 2 and isinstance(name[1], str):
        if name[1] != NODE_NAME:
            raise BadArgument(f"{action}: {short(name)} names a process on node {name[1]!r}, "
                              f"but actorlab runs one node, {NODE_NAME!r}")
        name = name[0]
    if not isinstance(name, str) or not name:
        raise BadArgument(f"{action}: a process name is a non-empty string (like an atom), "
                          f"not {short(name)}")
    return name
