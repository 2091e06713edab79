# Scenario: a Registry that was never started. Its functions raise ArgumentError (an
# error, not an exit: "unknown registry"): register, lookup, unregister and keys, and so
# do a start, a call and GenServer.whereis by a via-name in it, in the caller, before
# anything is spawned or sent. Only a cast by that via-name quietly returns :ok.
# Twin: registry_not_started.py.
Twin.start()

defmodule Room do
  use GenServer
  def init(state), do: {:ok, state}
end

via = {:via, Registry, {Rooms, "lobby"}}
Twin.say("Registry.register", Twin.attempt(fn -> Registry.register(Rooms, "lobby", nil) end))
Twin.say("Registry.lookup", Twin.attempt(fn -> Registry.lookup(Rooms, "lobby") end))
Twin.say("Registry.unregister", Twin.attempt(fn -> Registry.unregister(Rooms, "lobby") end))
Twin.say("Registry.keys", Twin.attempt(fn -> Registry.keys(Rooms, self()) end))
Twin.say("GenServer.start by a via-name", Twin.attempt(fn -> GenServer.start(Room, nil, name: via) end))
Twin.say("GenServer.call by a via-name", Twin.attempt(fn -> GenServer.call(via, :hello) end))
Twin.say("GenServer.whereis of a via-name", Twin.attempt(fn -> GenServer.whereis(via) end))
Twin.say("GenServer.cast by a via-name", GenServer.cast(via, :hello))
Twin.say("the shell's mailbox", Twin.mailbox())
