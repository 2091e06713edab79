"""The otp layer: GenServer, Supervisor, DynamicSupervisor, Registry and Task, built only
on the public runtime API (`actorlab.runtime`), as OTP's behaviours are built on plain
processes. If something here needed a runtime internal, the runtime API would be missing
it: that keeps the lesson honest, a GenServer is just a process.

Read gen_server.py first; supervisor.py and dynamic_supervisor.py share children.py.
"""
from .dynamic_supervisor import DynamicSupervisor
from .gen_server import GenServer
from .registry import Registry
from .supervisor import Supervisor
from .task import Task

__all__ = ["DynamicSupervisor", "GenServer", "Registry", "Supervisor", "Task"]
