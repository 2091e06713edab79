# Scenario: a Registry names servers by any key, not only by atoms: a via-name finds the
# server, Registry.lookup says who holds a key, the key is freed when its process dies, and
# the same name then reaches a replacement. Twin: finding_registry_lookup.py.
Twin.start()

defmodule Room do
  use GenServer
  def init(_topic), do: {:ok, []}
  def handle_cast({:enter, who}, people), do: {:noreply, people ++ [who]}
  def handle_call(:who, _from, people), do: {:reply, people, people}
end

{:ok, _} = Registry.start_link(keys: :unique, name: Rooms)

garden = {:via, Registry, {Rooms, "garden"}}
{:ok, first} = GenServer.start(Room, nil, name: garden)
GenServer.cast(garden, {:enter, :ann})
people = GenServer.call(garden, :who)
found = Registry.lookup(Rooms, "garden")

Twin.name(first, "first garden")
Twin.say("who is in the garden", people)
Twin.say("Registry.lookup(Rooms, \"garden\")", found)
Twin.say("a second garden", GenServer.start(Room, nil, name: garden))

{:ok, table} = GenServer.start(Room, nil, name: {:via, Registry, {Rooms, {:table, 7}}})
Twin.name(table, "table 7")
Twin.say("a key can be any term", Registry.lookup(Rooms, {:table, 7}))

ref = Process.monitor(first)
Process.exit(first, :kill)
receive do
  {:DOWN, ^ref, :process, _pid, _reason} -> Twin.say("the first garden died")
end

# The registry hears of the death through its link, a moment after this DOWN: until then
# a lookup may still answer the dead pid.
Process.sleep(100)
Twin.say("lookup after it died", Registry.lookup(Rooms, "garden"))
{:exit, {reason, _}} = Twin.attempt(fn -> GenServer.call(garden, :who) end)
Twin.say("a call by the via-name exits with", reason)

{:ok, second} = GenServer.start(Room, nil, name: garden)
GenServer.cast(garden, {:enter, :bob})

Twin.name(second, "second garden")
Twin.say("lookup after a new start", Registry.lookup(Rooms, "garden"))
Twin.say("the same name reaches the new garden", GenServer.call(garden, :who))
