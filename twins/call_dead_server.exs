# Scenario: GenServer.call to a server that is not there exits at once with :noproc, whether
# the server is a pid that has exited or a name nobody registered; a server that dies while
# handling the call makes the call exit with the server's own exit reason.
# Twin: call_dead_server.py. Crash reasons print without their stack trace.
Twin.start()

defmodule Fragile do
  use GenServer
  def init(state), do: {:ok, state}
  def handle_call(:ping, _from, state), do: {:reply, :pong, state}
  def handle_call(:crash, _from, _state), do: raise("boom")
end

{:ok, server} = GenServer.start(Fragile, nil)
Twin.name(server, "server")
Twin.say("ping", GenServer.call(server, :ping))
Twin.say("stop", GenServer.stop(server))
Twin.say("a dead pid", Twin.attempt(fn -> GenServer.call(server, :ping) end))
Twin.say("an unregistered name", Twin.attempt(fn -> GenServer.call(:nobody, :ping) end))

{:ok, fragile} = GenServer.start(Fragile, nil)
Twin.name(fragile, "fragile")
Twin.say("a crash during the call", Twin.attempt(fn -> GenServer.call(fragile, :crash) end))
