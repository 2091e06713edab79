"""Scenario: Registry.register with unique keys. A process can hold several keys, but a
key has one holder: registering it again, by the holder or anyone else, gives
("error", ("already_registered", holder)). Registry.keys lists a process's keys (sorted
here: their order is not promised). Registry.unregister removes only the caller's own
entry and returns "ok" even when there is nothing to remove.
Twin: registry_register_keys.exs."""
from twin import name, say, start

from actorlab import ANY, Registry, receive, self_pid, send, spawn

start()

Registry.start_link(keys="unique", name="Rooms")
shell = self_pid()

Registry.register("Rooms", "lobby", "first")
Registry.register("Rooms", "garden", "second")
say("register lobby again", Registry.register("Rooms", "lobby", "again"))


def other_process():
    send(shell, ("other", Registry.register("Rooms", "lobby", "other")))
    send(shell, ("other", Registry.unregister("Rooms", "lobby")))
    receive("stop")


other = spawn(other_process)
name(other, "other")
say("another process registers lobby", receive(("other", ANY))[1])
say("another process unregisters lobby", receive(("other", ANY))[1])
say("lookup lobby", Registry.lookup("Rooms", "lobby"))

say("the shell's keys", sorted(Registry.keys("Rooms", shell)))
say("the other's keys", Registry.keys("Rooms", other))
say("unregister a key nobody has", Registry.unregister("Rooms", "attic"))
say("unregister lobby", Registry.unregister("Rooms", "lobby"))
say("lookup lobby", Registry.lookup("Rooms", "lobby"))
say("the shell's keys", Registry.keys("Rooms", shell))
