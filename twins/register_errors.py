"""Scenario: register's rules. A name belongs to one process, and a process has at most one
name: registering a taken name, giving a named process a second name, or naming a
process that has exited raises BadArgument (Elixir's ArgumentError); so does
unregistering a name nobody has. A name is freed when its process exits, and can then be
taken again. Twin: register_errors.exs."""
from twin import attempt, say, start

from actorlab import ANY, monitor, receive, register, send, sleep, spawn, unregister, whereis

start()

first = spawn(lambda: receive("stop"))
second = spawn(lambda: receive("stop"))
dead = spawn(lambda: "ok")
sleep(100)
register("worker", first)
say("the same name for another process", attempt(lambda: register("worker", second)))
say("a second name for the same process", attempt(lambda: register("helper", first)))
say("a name for a dead process", attempt(lambda: register("ghost", dead)))
say("unregister a name nobody has", attempt(lambda: unregister("ghost")))
ref = monitor(first)
send(first, "stop")
receive(("DOWN", ref, "process", ANY, ANY))
say("whereis, once its process exited", whereis("worker"))
register("worker", second)
say("registered again", whereis("worker") == second)
