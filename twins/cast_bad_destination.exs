# Scenario: what GenServer.cast does with each kind of destination. It answers :ok for a
# server that is gone, a name nobody has, a name on another node, a via-name whose
# registry is not running, and nil: nobody waits for a cast, so nothing is checked. A
# term that cannot name a server at all raises in the caller.
# Twin: cast_bad_destination.py.
Twin.start()

defmodule Quiet do
  use GenServer
  def init(state), do: {:ok, state}
end

{:ok, server} = GenServer.start(Quiet, nil)
GenServer.stop(server)
Twin.say("a dead pid", GenServer.cast(server, :hello))
Twin.say("a name nobody has", GenServer.cast(:nobody, :hello))
Twin.say("a name on another node", GenServer.cast({:nobody, :elsewhere@host}, :hello))
Twin.say("a via-name, no registry", GenServer.cast({:via, Registry, {:no_registry, "k"}}, :hello))
Twin.say("nil", GenServer.cast(nil, :hello))
Twin.say("a number", Twin.attempt(fn -> GenServer.cast(42, :hello) end))
