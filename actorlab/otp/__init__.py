"""The otp layer: GenServer, Supervisor, DynamicSupervisor, Registry and Task, built only
on the public runtime API (`actorlab.runtime`), as OTP's behaviours are built on plain
processes. If something here needed a runtime internal, the runtime API would be missing
it: that keeps the lesson honest, a GenServer is just a process.
"""
from .gen_server import GenServer

__all__ = ["GenServer"]
