"""Scenario: Registry's functions take the registry by the name given to start_link, never
by its pid: a pid is a BadArgument (Elixir's ArgumentError), in a via-name too.
Registry.keys of a process with no keys is []. Once the registry has stopped, its name
is unknown: lookup and register raise BadArgument too. The shell traps exits, so the
registry's end leaves its EXIT. Twin: registry_by_name_only.exs."""
from twin import attempt, mailbox, say, start

from actorlab import (ANY, GenServer, Registry, exit, monitor, receive, self_pid, spawn,
                      trap_exit, unlink)

start()

_, reg = Registry.start_link(keys="unique", name="Rooms")
Registry.register("Rooms", "lobby", 1)
say("lookup by name", Registry.lookup("Rooms", "lobby"))
say("lookup by pid", attempt(lambda: Registry.lookup(reg, "lobby")))
say("register by pid", attempt(lambda: Registry.register(reg, "hall", 1)))
say("keys by pid", attempt(lambda: Registry.keys(reg, self_pid())))
say("unregister by pid", attempt(lambda: Registry.unregister(reg, "lobby")))
say("whereis of a via-name with the pid",
    attempt(lambda: GenServer.whereis(("via", Registry, (reg, "lobby")))))
say("keys of a stranger", Registry.keys("Rooms", spawn(lambda: None)))
say("the shell's keys", Registry.keys("Rooms", self_pid()))
trap_exit(True)
unlink(reg)
ref = monitor(reg)
exit(reg, "shutdown")
receive(("DOWN", ref, ANY, ANY, ANY))
say("lookup after stop", attempt(lambda: Registry.lookup("Rooms", "lobby")))
say("register after stop", attempt(lambda: Registry.register("Rooms", "lobby", 1)))
say("the shell's mailbox", mailbox())
