"""Scenario: GenServer.whereis turns any way of naming a server into its pid: a pid is
itself (alive or not), a registered name or a via-name is the pid that has it now, and
None when nobody has it. Twin: genserver_whereis.exs."""
from twin import name, say, start

from actorlab import GenServer, Registry

start()


class Plain(GenServer):
    def init(self, state):
        return ("ok", state)


Registry.start_link(keys="unique", name="Places")
_, named = GenServer.start(Plain, None, name="named")
_, via = GenServer.start(Plain, None, name=("via", Registry, ("Places", "via")))
name(named, "named")
name(via, "via")
say("a name", GenServer.whereis("named"))
via_name = ("via", Registry, ("Places", "via"))
say("a via-name", GenServer.whereis(via_name))
say("a pid", GenServer.whereis(via))
GenServer.stop(named)
GenServer.stop(via)
say("the name, once its server stopped", GenServer.whereis("named"))
say("the via-name, once its server stopped", GenServer.whereis(via_name))
say("the dead pid", GenServer.whereis(via))
