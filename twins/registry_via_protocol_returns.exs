# Scenario: the via-name protocol functions of Registry, called by hand (as GenServer calls
# them): register_name, whereis_name for a held and a free key, unregister_name.
# Twin: registry_via_protocol_returns.py.
Twin.start()
{:ok, _} = Registry.start_link(keys: :unique, name: Rooms)
Twin.say("register_name", Registry.register_name({Rooms, "#garden"}, self()))
Twin.say("register_name again", Registry.register_name({Rooms, "#garden"}, self()))
Twin.say("whereis_name, held", Registry.whereis_name({Rooms, "#garden"}))
Twin.say("whereis_name, free", Registry.whereis_name({Rooms, "#nobody"}))
Twin.say("unregister_name", Registry.unregister_name({Rooms, "#garden"}))
Twin.say("whereis_name after unregister", Registry.whereis_name({Rooms, "#garden"}))
Twin.say("GenServer.whereis of a free via-name", GenServer.whereis({:via, Registry, {Rooms, "#nobody"}}))
