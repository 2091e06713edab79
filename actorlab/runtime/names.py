"""Registered names: `register`, `unregister`, `whereis`, and sending by name.

A mixin of `Node`. A name is a non-empty string, standing in for an Erlang atom. As in
Erlang, a process has at most one name, a name belongs to at most one process, and the
name is freed when its process exits.
"""
from __future__ import annotations

from typing import Any

from ..trace import Pid, short
from .errors import BadArgument
from .process import Process


class Names:
    """The registered-name operations of `Node`."""

    def register(self, name: str, pid: Pid) -> None:
        """Give a live process a name that `send`, `whereis` and `monitor` accept.

        Fails, as Erlang's register does, if the process is dead, the name is taken, or the
        process already has a name.
        """
        check_name(name, "register")
        self._check_pid(pid)
        proc = self.processes.get(pid.number)
        if proc is None:
            raise BadArgument(f"cannot register {name!r}: {pid!r} is not alive")
        if name in self.names:
            raise BadArgument(f"cannot register {name!r}: the name is already taken by "
                              f"{self.names[name]!r}; unregister it first or pick another")
        if proc.name is not None:
            raise BadArgument(f"cannot register {name!r}: {pid!r} already has the name "
                              f"{proc.name!r} (a process has at most one)")
        self.names[name] = proc
        proc.name = name
        if self.trace.enabled:
            self.trace.record(self.clock, "register", pid.number, name)

    def unregister(self, name: str) -> None:
        """Remove a registered name (the process keeps running)."""
        proc = self._by_name(name, "unregister")
        del self.names[name]
        proc.name = None
        if self.trace.enabled:
            self.trace.record(self.clock, "unregister", proc.pid.number, name)

    def whereis(self, name: str) -> Pid | None:
        """The pid registered under `name`, or None."""
        check_name(name, "whereis")
        proc = self.names.get(name)
        return proc.pid if proc else None

    def _by_name(self, name: Any, action: str) -> Process:
        check_name(name, action)
        proc = self.names.get(name)
        if proc is None:
            known = ", ".join(repr(n) for n in sorted(self.names)) or "none"
            raise BadArgument(f"{action}: no process is registered as {name!r} "
                              f"(registered names: {known}). Start it and register it first, "
                              "or use its pid.")
        return proc


def check_name(name: Any, action: str) -> None:
    """Refuse anything that cannot be a process name, saying what `action` needed."""
    if not isinstance(name, str) or not name:
        raise BadArgument(f"{action}: a process name is a non-empty string (like an atom), "
                          f"not {short(name)}")
