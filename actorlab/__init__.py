"""actorlab: processes, mailboxes and OTP-style servers, small enough to read.

Everything a notebook needs is importable from here:

>>> from actorlab import reset, spawn, send, receive, self_pid
>>> _ = reset(log=None)
>>> echo = spawn(lambda: send(*receive()))
>>> _ = send(echo, (self_pid(), "hello"))
>>> receive()
'hello'

Layers (each imports only those before it): `actorlab.trace` (events, JSON),
`actorlab.runtime` (processes and the scheduler), `actorlab.otp` (GenServer,
supervisors, Registry, Task), then views and course.
"""
from .runtime import faults
from .runtime import (ActorlabError, alias, BadArgument, cancel_timer, current_node,
                      DeadlockError, demonitor, ErlangError, exit, Exit, is_alive, link, log,
                      make_ref, matches, monitor, Node, note, now, PatternError, process_info,
                      processes, read_timer, receive, ReceiveTimeout, register, reset, run_for,
                      RunawayError, ScheduleError, self_pid, send, send_after, sleep, spawn,
                      spawn_link, spawn_monitor, trap_exit, unalias, unlink, unregister,
                      whereis)
from .explore import explore
from .otp import DynamicSupervisor, GenServer, Registry, Supervisor, Task
from .trace import ANY, Event, OneOf, Pid, Ref, Trace

__version__ = "0.1.0"

__all__ = [
    "ActorlabError", "alias", "ANY", "BadArgument", "cancel_timer", "current_node",
    "DeadlockError", "demonitor", "DynamicSupervisor", "ErlangError", "Event", "exit", "Exit", "explore", "faults",
    "GenServer", "is_alive", "link", "log", "make_ref", "matches", "monitor", "Node", "note",
    "now", "OneOf", "PatternError", "Pid", "process_info", "processes", "read_timer",
    "receive", "ReceiveTimeout", "Ref", "register", "Registry", "reset", "run_for",
    "RunawayError", "ScheduleError", "self_pid", "send", "send_after", "sleep", "spawn",
    "spawn_link", "spawn_monitor", "Supervisor", "Task", "Trace", "trap_exit", "unalias",
    "unlink", "unregister", "whereis",
]
