"""Scenario: the via-name protocol functions of Registry, called by hand (as GenServer calls
them): register_name, whereis_name for a held and a free key, unregister_name.
Twin: registry_via_protocol_returns.exs."""
from twin import say, start

from actorlab import GenServer, Registry, self_pid

start()
Registry.start_link(keys="unique", name="Rooms")
say("register_name", Registry.register_name(("Rooms", "#garden"), self_pid()))
say("register_name again", Registry.register_name(("Rooms", "#garden"), self_pid()))
say("whereis_name, held", Registry.whereis_name(("Rooms", "#garden")))
say("whereis_name, free", Registry.whereis_name(("Rooms", "#nobody")))
say("unregister_name", Registry.unregister_name(("Rooms", "#garden")))
say("whereis_name after unregister", Registry.whereis_name(("Rooms", "#garden")))
say("GenServer.whereis of a free via-name", GenServer.whereis(("via", Registry, ("Rooms", "#nobody"))))
