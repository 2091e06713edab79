# Scenario: Registry.register with unique keys. A process can hold several keys, but a
# key has one holder: registering it again, by the holder or anyone else, gives
# {:error, {:already_registered, holder}}. Registry.keys lists a process's keys (sorted
# here: their order is not promised). Registry.unregister removes only the caller's own
# entry and returns :ok even when there is nothing to remove.
# Twin: registry_register_keys.py.
Twin.start()

{:ok, _} = Registry.start_link(keys: :unique, name: Rooms)
shell = self()

{:ok, _} = Registry.register(Rooms, :lobby, :first)
{:ok, _} = Registry.register(Rooms, :garden, :second)
Twin.say("register lobby again", Registry.register(Rooms, :lobby, :again))

other = spawn(fn ->
  send(shell, {:other, Registry.register(Rooms, :lobby, :other)})
  send(shell, {:other, Registry.unregister(Rooms, :lobby)})
  receive do: (:stop -> :ok)
end)
Twin.name(other, "other")
receive do: ({:other, answer} -> Twin.say("another process registers lobby", answer))
receive do: ({:other, answer} -> Twin.say("another process unregisters lobby", answer))
Twin.say("lookup lobby", Registry.lookup(Rooms, :lobby))

Twin.say("the shell's keys", Enum.sort(Registry.keys(Rooms, shell)))
Twin.say("the other's keys", Registry.keys(Rooms, other))
Twin.say("unregister a key nobody has", Registry.unregister(Rooms, :attic))
Twin.say("unregister lobby", Registry.unregister(Rooms, :lobby))
Twin.say("lookup lobby", Registry.lookup(Rooms, :lobby))
Twin.say("the shell's keys", Registry.keys(Rooms, shell))
