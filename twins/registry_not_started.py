"""Scenario: a Registry that was never started. Its functions raise BadArgument (Elixir's
ArgumentError, an error, not an exit: "unknown registry"): register, lookup, unregister
and keys, and so do a start, a call and GenServer.whereis by a via-name in it, in the
caller, before anything is spawned or sent. Only a cast by that via-name quietly returns
"ok". Twin: registry_not_started.exs."""
from twin import attempt, mailbox, say, start

from actorlab import GenServer, Registry, self_pid

start()


class Room(GenServer):
    def init(self, state):
        return ("ok", state)


via = ("via", Registry, ("Rooms", "lobby"))
say("Registry.register", attempt(lambda: Registry.register("Rooms", "lobby", None)))
say("Registry.lookup", attempt(lambda: Registry.lookup("Rooms", "lobby")))
say("Registry.unregister", attempt(lambda: Registry.unregister("Rooms", "lobby")))
say("Registry.keys", attempt(lambda: Registry.keys("Rooms", self_pid())))
say("GenServer.start by a via-name", attempt(lambda: GenServer.start(Room, None, name=via)))
say("GenServer.call by a via-name", attempt(lambda: GenServer.call(via, "hello")))
say("GenServer.whereis of a via-name", attempt(lambda: GenServer.whereis(via)))
say("GenServer.cast by a via-name", GenServer.cast(via, "hello"))
say("the shell's mailbox", mailbox())
