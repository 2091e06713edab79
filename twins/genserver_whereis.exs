# Scenario: GenServer.whereis turns any way of naming a server into its pid: a pid is
# itself (alive or not), a registered name or a via-name is the pid that has it now, and
# nil when nobody has it. Twin: genserver_whereis.py.
Twin.start()

defmodule Plain do
  use GenServer
  def init(state), do: {:ok, state}
end

{:ok, _} = Registry.start_link(keys: :unique, name: Places)
{:ok, named} = GenServer.start(Plain, nil, name: :named)
{:ok, via} = GenServer.start(Plain, nil, name: {:via, Registry, {Places, "via"}})
Twin.name(named, "named")
Twin.name(via, "via")
Twin.say("a name", GenServer.whereis(:named))
Twin.say("a via-name", GenServer.whereis({:via, Registry, {Places, "via"}}))
Twin.say("a pid", GenServer.whereis(via))
GenServer.stop(named)
GenServer.stop(via)
Twin.say("the name, once its server stopped", GenServer.whereis(:named))
Twin.say("the via-name, once its server stopped", GenServer.whereis({:via, Registry, {Places, "via"}}))
Twin.say("the dead pid", GenServer.whereis(via))
