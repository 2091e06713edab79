# Scenario: a call, a stop or an await that fails exits with {why, {Module, :function,
# arguments}}, and the arguments are the ones it was given: the server as it was named (a
# plain name, or a via-name nobody holds, which is :noproc like a dead pid) and the
# timeout as it was passed, :infinity included (timeout=None in actorlab; GenServer.stop
# waits :infinity by default, GenServer.call 5000 ms). Twin: exit_reason_call_arguments.py.
Twin.start()

defmodule Crashy do
  use GenServer
  def init(:ok), do: {:ok, nil}
  def handle_call(:crash, _from, _state), do: raise("bad request")
end

{:ok, _} = Registry.start_link(keys: :unique, name: Rooms)
nobody = {:via, Registry, {Rooms, "#none"}}
Twin.say("call a name nobody has, :infinity", Twin.attempt(fn -> GenServer.call(:ledger, :report, :infinity) end))
{:ok, server} = GenServer.start(Crashy, :ok)
Twin.name(server, "server")
Twin.say("call a server that crashes, :infinity", Twin.attempt(fn -> GenServer.call(server, :crash, :infinity) end))
Twin.say("call a via-name nobody holds", Twin.attempt(fn -> GenServer.call(nobody, :members) end))
Twin.say("stop a via-name nobody holds", Twin.attempt(fn -> GenServer.stop(nobody) end))
Process.flag(:trap_exit, true)
task = Task.async(fn -> raise "task bug" end)
Twin.say("await a task that crashes, :infinity", Twin.attempt(fn -> Task.await(task, :infinity) end))
