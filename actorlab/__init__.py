"""actorlab: processes, mailboxes and OTP-style servers, small enough to read.

Everything a notebook needs is importable from here:

>>> from actorlab import reset, spawn, send, receive, self_pid
>>> _ = reset(log=None)
>>> echo = spawn(lambda: send(*receive()))
>>> _ = send(echo, (self_pid(), "hello"))
>>> receive()
'hello'

Layers (each imports only those before it): `actorlab.trace` (events, JSON),
`actorlab.runtime` (processes and the scheduler), then otp, views and course.
"""
from .runtime import (ActorlabError, BadArgument, DeadlockError, Exit, Node, PatternError,
                      ReceiveTimeout, RunawayError, alias, current_node, demonitor, exit, is_alive,
                      link, make_ref, matches, monitor, note, now, process_info, processes,
                      receive, register, reset, run_for, self_pid, send, sleep, spawn,
                      spawn_link, spawn_monitor, trap_exit, unalias, unlink, unregister, whereis)
from .trace import ANY, Event, Pid, Ref, Trace

__version__ = "0.1.0"

__all__ = [
    "ANY", "ActorlabError", "BadArgument", "DeadlockError", "Event", "Exit", "Node",
    "PatternError", "Pid", "ReceiveTimeout", "Ref", "RunawayError", "Trace", "current_node",
    "demonitor", "exit", "is_alive", "link", "make_ref", "matches", "monitor", "note", "now",
    "process_info", "processes", "receive", "register", "reset", "run_for", "self_pid",
    "send", "sleep", "spawn", "spawn_link", "spawn_monitor", "trap_exit", "unalias", "unlink",
    "unregister", "whereis",
]
