# Scenario: what GenServer.stop returns. It answers :ok once the server has run terminate
# and exited with the reason asked for, whatever that reason (:normal, :shutdown, or your
# own). It exits with {why, {GenServer, :stop, [server, reason, timeout]}} when the server
# is not there (:noproc, a dead pid or a name nobody has), when terminate raises (the
# server's crash), or when the server takes longer than the timeout (:timeout), in which
# case the server goes on stopping. Twin: genserver_stop_results.py.
Twin.start()
Process.register(self(), :shell)

defmodule Stoppable do
  use GenServer
  def init(how), do: {:ok, how}

  def terminate(_reason, :raises), do: raise("boom")

  def terminate(reason, :slow) do
    Process.sleep(500)
    send(:shell, {:terminate, reason})
  end

  def terminate(reason, _how), do: send(:shell, {:terminate, reason})
end

for reason <- [:normal, :shutdown, :closing_time] do
  {:ok, server} = GenServer.start(Stoppable, :quick)
  Twin.say("stop with #{reason}", GenServer.stop(server, reason))
  receive do: ({:terminate, got} -> Twin.say("terminate got", got))
end

{:ok, server} = GenServer.start(Stoppable, :quick)
Twin.name(server, "server")
GenServer.stop(server)
receive do: ({:terminate, _} -> :ok)
Twin.say("stop a dead pid", Twin.attempt(fn -> GenServer.stop(server) end))
Twin.say("stop a name nobody has", Twin.attempt(fn -> GenServer.stop(:nobody) end))

{:ok, server} = GenServer.start(Stoppable, :raises)
Twin.name(server, "server")
Twin.say("terminate raises", Twin.attempt(fn -> GenServer.stop(server) end))

{:ok, server} = GenServer.start(Stoppable, :slow)
Twin.name(server, "slow")
Twin.say("stop with a 100 ms timeout", Twin.attempt(fn -> GenServer.stop(server, :normal, 100) end))
Twin.say("alive just after", Process.alive?(server))
receive do: ({:terminate, got} -> Twin.say("later, terminate got", got))
Process.sleep(100)
Twin.say("alive", Process.alive?(server))
