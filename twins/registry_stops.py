"""Scenario: what a registry's end does to the processes registered in it. They are linked
to it: when the registry is stopped, even normally, each gets an exit signal "shutdown",
so one that does not trap exits dies, and one that traps exits gets an EXIT message. When
the registry is killed, they get "killed". Twin: registry_stops.exs."""
from twin import say, start

from actorlab import (ANY, GenServer, Registry, exit, monitor, receive, register, self_pid, send,
                      spawn, trap_exit, unlink)

start()
register("shell", self_pid())


def member(registry, key, trap):
    trap_exit(trap)
    Registry.register(registry, key, None)
    send("shell", ("registered", key))
    _, _, reason = receive(("EXIT", ANY, ANY))
    send("shell", (key, "got_EXIT", reason))


def try_ending(how, registry):
    _, reg = Registry.start_link(keys="unique", name=registry)
    unlink(reg)
    plain = spawn(member, registry, "plain", False)
    spawn(member, registry, "trapping", True)
    receive(("registered", "plain"))
    receive(("registered", "trapping"))
    ref = monitor(plain)
    if how == "stopped":
        GenServer.stop(reg)
    else:
        exit(reg, "kill")
    down = receive(("DOWN", ref, "process", ANY, ANY))
    say(f"{how}: one that does not trap exits dies of", down[4])
    say(f"{how}: one that traps exits gets an EXIT with", receive(("trapping", "got_EXIT", ANY))[2])


try_ending("stopped", "Stopped")
try_ending("killed", "Killed")
