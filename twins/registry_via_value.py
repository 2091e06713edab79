"""Scenario: a via-name with a value, ("via", Registry, (registry, key, value)) (Elixir
1.11 and later), registers the server under the key with that value, as
Registry.register would. To find the server, the value does not matter: a name with
another value, or none, reaches it, and a second server cannot take the key. A via-name
whose term is neither (registry, key) nor (registry, key, value) raises.
Twin: registry_via_value.exs."""
from twin import attempt, name, say, start

from actorlab import GenServer, Registry

start()


class Worker(GenServer):
    def init(self, arg):
        return ("ok", arg)


Registry.start_link(keys="unique", name="rooms")
started = GenServer.start_link(Worker, 1, name=("via", Registry, ("rooms", "lobby", "the_value")))
name(started[1], "lobby")
say("start_link with a value", started)
say("lookup", Registry.lookup("rooms", "lobby"))
say("whereis, no value", GenServer.whereis(("via", Registry, ("rooms", "lobby"))))
say("whereis, another value", GenServer.whereis(("via", Registry, ("rooms", "lobby", "other"))))
say("the key taken",
    GenServer.start_link(Worker, 2, name=("via", Registry, ("rooms", "lobby", "other"))))
say("a bad via term",
    attempt(lambda: GenServer.start_link(Worker, 3, name=("via", Registry, "lobby"))))
say("a bad via term, whereis",
    attempt(lambda: GenServer.whereis(("via", Registry, ("rooms", "lobby", "a", "b")))))
