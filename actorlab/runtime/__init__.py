"""The runtime layer: processes, mailboxes, selective receive, the deterministic
scheduler, virtual time, links, monitors, exit signals, names, deadlock detection.

Read it in this order: process.py (what a process is, its four states), scheduler.py (who
runs next, and virtual time), node.py (every operation: spawn, send, receive, ...),
signals.py (links, monitors, exits), names.py, patterns.py (receive patterns), policies.py
(scheduling choices and schedules), reports.py (what errors say), watchdog.py (Python that
blocks), api.py (the module-level functions).
"""
from .api import (alias, cancel_timer, current_node, demonitor, exit, is_alive, link, log,
                  make_ref, monitor, note, now, process_info, processes, read_timer, receive,
                  register, reset, run_for, self_pid, send, send_after, sleep, spawn,
                  spawn_link, spawn_monitor, trap_exit, unalias, unlink, unregister, whereis)
from .errors import (ActorlabError, BadArgument, DeadlockError, ErlangError, Exit,
                     PatternError, ReceiveTimeout, RunawayError, ScheduleError)
from ..trace import ANY, OneOf, Pid, Ref
from . import faults
from .names import NODE_NAME
from .node import Node
from .patterns import matches

__all__ = [
    "ActorlabError", "alias", "ANY", "BadArgument", "cancel_timer", "current_node",
    "DeadlockError", "demonitor", "ErlangError", "exit", "faults", "Exit", "is_alive", "link",
    "log", "make_ref", "matches", "monitor", "Node", "NODE_NAME", "note", "now", "OneOf",
    "PatternError", "Pid", "process_info", "processes", "read_timer", "receive",
    "ReceiveTimeout", "Ref", "register", "reset", "run_for", "RunawayError", "ScheduleError",
    "self_pid", "send", "send_after", "sleep", "spawn", "spawn_link", "spawn_monitor",
    "trap_exit", "unalias", "unlink", "unregister", "whereis",
]
