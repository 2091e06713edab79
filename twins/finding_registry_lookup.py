"""Scenario: a Registry names servers by any key, not only by atoms: a via-name finds the
server, Registry.lookup says who holds a key, the key is freed when its process dies, and
the same name then reaches a replacement. Twin: finding_registry_lookup.exs."""
from twin import attempt, name, say, start

from actorlab import ANY, GenServer, Registry, exit, monitor, receive, sleep

start()


class Room(GenServer):
    def init(self, topic):
        return ("ok", [])

    def handle_cast(self, message, people):
        _, who = message
        return ("noreply", people + [who])

    def handle_call(self, request, from_, people):
        return ("reply", people, people)


Registry.start_link(keys="unique", name="Rooms")

garden = ("via", Registry, ("Rooms", "garden"))
_, first = GenServer.start(Room, name=garden)
GenServer.cast(garden, ("enter", "ann"))
people = GenServer.call(garden, "who")
found = Registry.lookup("Rooms", "garden")

name(first, "first garden")
say("who is in the garden", people)
say('Registry.lookup(Rooms, "garden")', found)
say("a second garden", GenServer.start(Room, name=garden))

_, table = GenServer.start(Room, name=("via", Registry, ("Rooms", ("table", 7))))
name(table, "table 7")
say("a key can be any term", Registry.lookup("Rooms", ("table", 7)))

ref = monitor(first)
exit(first, "kill")
receive(("DOWN", ref, "process", ANY, ANY))
say("the first garden died")

# The registry hears of the death through its link, a moment after this DOWN: until then
# a lookup may still answer the dead pid.
sleep(100)
say("lookup after it died", Registry.lookup("Rooms", "garden"))
_, (reason, _) = attempt(lambda: GenServer.call(garden, "who"))
say("a call by the via-name exits with", reason)

_, second = GenServer.start(Room, name=garden)
GenServer.cast(garden, ("enter", "bob"))

name(second, "second garden")
say("lookup after a new start", Registry.lookup("Rooms", "garden"))
say("the same name reaches the new garden", GenServer.call(garden, "who"))
