# Scenario: a server named {name, node}. On a node that is not part of a cluster, node()
# is :nonode@nohost, and {name, node()} means the name on this node: call, cast, stop and
# whereis accept it, and the exit reasons quote it as given. A name on another node cannot
# be reached from here: a call exits with {:nodedown, node}, a cast returns :ok anyway,
# and GenServer.whereis answers the pair itself. Twin: genserver_name_node.py.
Twin.start()

defmodule Counter do
  use GenServer
  def init(count), do: {:ok, count}
  def handle_call(:get, _from, count), do: {:reply, count, count}
  def handle_cast(:bump, count), do: {:noreply, count + 1}
end

{:ok, counter} = GenServer.start(Counter, 0, name: :counter)
Twin.name(counter, "counter")
here = {:counter, :nonode@nohost}
Twin.say("cast", GenServer.cast(here, :bump))
Twin.say("call", GenServer.call(here, :get))
Twin.say("whereis", GenServer.whereis(here))
Twin.say("call a name nobody has", Twin.attempt(fn -> GenServer.call({:nobody, node()}, :get) end))

there = {:counter, :other@host}
Twin.say("call another node", Twin.attempt(fn -> GenServer.call(there, :get) end))
Twin.say("cast to another node", GenServer.cast(there, :bump))
Twin.say("whereis on another node", GenServer.whereis(there))

Twin.say("stop", GenServer.stop(here))
Twin.say("stop again", Twin.attempt(fn -> GenServer.stop(here) end))
