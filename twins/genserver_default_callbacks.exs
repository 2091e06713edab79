# Scenario: the callbacks `use GenServer` writes for you. Without handle_call, a call
# crashes the server with a RuntimeError that says so (and the caller's call exits with
# it); without handle_cast, a cast does the same; without handle_info, a stray message is
# logged and dropped, and the server carries on. Messages are compared with the pid
# written as #PID<…>. Twin: genserver_default_callbacks.py.
Twin.start()

defmodule Bare do
  use GenServer
  def init(state), do: {:ok, state}
end

defmodule Shell do
  def without_pid(text), do: String.replace(text, ~r/#PID<[0-9.]+>/, "#PID<…>")
end

{:ok, server} = GenServer.start(Bare, nil)
Twin.name(server, "server")
{:exit, {{error, _stack}, where}} = Twin.attempt(fn -> GenServer.call(server, :hello) end)
Twin.say("a call exits with", error.__struct__)
Twin.say("saying", Shell.without_pid(error.message))
Twin.say("wrapped in", where)

{:ok, server} = GenServer.start(Bare, nil)
ref = Process.monitor(server)
GenServer.cast(server, :hello)
receive do: ({:DOWN, ^ref, :process, _, {error, _stack}} -> Twin.say("a cast: the server exits with", Shell.without_pid(error.message)))

{:ok, server} = GenServer.start(Bare, nil)
send(server, :hello)
Process.sleep(100)
Twin.say("a stray message: the server is alive", Process.alive?(server))
