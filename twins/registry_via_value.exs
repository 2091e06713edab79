# Scenario: a via-name with a value, {:via, Registry, {registry, key, value}} (Elixir
# 1.11 and later), registers the server under the key with that value, as
# Registry.register would. To find the server, the value does not matter: a name with
# another value, or none, reaches it, and a second server cannot take the key. A via-name
# whose term is neither {registry, key} nor {registry, key, value} raises.
# Twin: registry_via_value.py.
Twin.start()

defmodule Worker do
  use GenServer
  def init(arg), do: {:ok, arg}
end

{:ok, _} = Registry.start_link(keys: :unique, name: :rooms)
started = GenServer.start_link(Worker, 1, name: {:via, Registry, {:rooms, :lobby, :the_value}})
Twin.name(elem(started, 1), "lobby")
Twin.say("start_link with a value", started)
Twin.say("lookup", Registry.lookup(:rooms, :lobby))
Twin.say("whereis, no value", GenServer.whereis({:via, Registry, {:rooms, :lobby}}))
Twin.say("whereis, another value", GenServer.whereis({:via, Registry, {:rooms, :lobby, :other}}))
Twin.say("the key taken", GenServer.start_link(Worker, 2, name: {:via, Registry, {:rooms, :lobby, :other}}))
Twin.say("a bad via term", Twin.attempt(fn -> GenServer.start_link(Worker, 3, name: {:via, Registry, :lobby}) end))
Twin.say("a bad via term, whereis", Twin.attempt(fn -> GenServer.whereis({:via, Registry, {:rooms, :lobby, :a, :b}}) end))
