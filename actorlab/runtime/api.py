"""The module-level API: each function acts on the current node, as in a notebook.

`actorlab.spawn(...)` is `current_node().spawn(...)`, and so on for every runtime
function; `reset()` replaces the current node with a fresh one (pids start again at
#PID<0.0.0>, the shell). The functions are made from `Node`'s methods by `_delegate`, so
their docstrings and signatures are the methods' own.

>>> node = reset(log=None)
>>> self_pid()
#PID<0.0.0>
"""
from __future__ import annotations

import inspect
from typing import Any, Callable

from ..trace import DEFAULT_LIMIT
from .errors import BadArgument
from .node import Node

_node: Node | None = None


def current_node() -> Node:
    """The node the module-level functions act on (made on first use)."""
    global _node
    if _node is None:
        _node = Node()
    return _node


def use_node(node: Node | None) -> Node | None:
    """Make `node` the current node, without closing the one before; returns that one.
    (`explore()` runs each interleaving on a node of its own, then puts yours back.)"""
    global _node
    previous, _node = _node, node
    return previous


def reset(*, seed: int | None = None, schedule: str | None = None, trace: bool = True,
          trace_limit: int = DEFAULT_LIMIT, max_steps: int = 5_000_000,
          max_seconds: float = 10.0, log: Callable[[str], None] | None = print,
          faults: Any = None) -> Node:
    """End every process of the current node and start a fresh one; return it.

    Call it at the top of a notebook (or whenever you want a clean slate): the same
    program then gives the same pids and the same trace every run. `seed` explores
    other interleavings reproducibly, `schedule` replays the choices a run recorded
    (`node.schedule`), `faults` injects faults (`actorlab.faults`: kill, drop, delay,
    partition); see `Node` for the other options.

    >>> reset(seed=42, log=None).seed
    42
    """
    global _node
    if _node is not None:
        if _node.current is not _node.shell:
            raise BadArgument("reset() is for the shell (a notebook cell), not for a process")
        _node.close()
    _node = Node(seed=seed, schedule=schedule, trace=trace, trace_limit=trace_limit,
                 max_steps=max_steps, max_seconds=max_seconds, log=log, faults=faults)
    return _node


def _delegate(method: Callable) -> Callable:
    """A module-level function that calls `method` on the current node."""
    name = method.__name__

    def function(*args: Any, **kwargs: Any) -> Any:
        return getattr(_node or current_node(), name)(*args, **kwargs)

    function.__name__ = function.__qualname__ = name
    function.__doc__ = method.__doc__
    function.__module__ = "actorlab"
    signature = inspect.signature(method)
    function.__signature__ = signature.replace(  # type: ignore[attr-defined]
        parameters=list(signature.parameters.values())[1:])
    return function


# send, receive and self_pid are on every message's path, so they are written out: a
# generic *args/**kwargs delegate would double the cost of a message.
def send(dest: Any, message: Any) -> Any:
    return (_node or current_node()).send(dest, message)


def receive(pattern: Any = None, *, timeout: float | None = None,
            waiting_for: Any = None) -> Any:
    return (_node or current_node()).receive(pattern, timeout=timeout, waiting_for=waiting_for)


def self_pid() -> Any:
    return (_node or current_node()).self_pid()


send.__doc__, receive.__doc__ = Node.send.__doc__, Node.receive.__doc__
self_pid.__doc__ = Node.self_pid.__doc__

spawn = _delegate(Node.spawn)
spawn_link = _delegate(Node.spawn_link)
spawn_monitor = _delegate(Node.spawn_monitor)
make_ref = _delegate(Node.make_ref)
alias = _delegate(Node.alias)
unalias = _delegate(Node.unalias)
is_alive = _delegate(Node.is_alive)
link = _delegate(Node.link)
unlink = _delegate(Node.unlink)
monitor = _delegate(Node.monitor)
demonitor = _delegate(Node.demonitor)
exit = _delegate(Node.exit)  # noqa: A001 -- Erlang's name; shadows the REPL helper on purpose
trap_exit = _delegate(Node.trap_exit)
register = _delegate(Node.register)
unregister = _delegate(Node.unregister)
whereis = _delegate(Node.whereis)
sleep = _delegate(Node.sleep)
now = _delegate(Node.now)
run_for = _delegate(Node.run_for)
send_after = _delegate(Node.send_after)
cancel_timer = _delegate(Node.cancel_timer)
read_timer = _delegate(Node.read_timer)
note = _delegate(Node.note)
log = _delegate(Node.log)
process_info = _delegate(Node.process_info)
processes = _delegate(Node.processes_alive)
