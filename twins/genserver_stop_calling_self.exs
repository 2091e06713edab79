# Scenario: GenServer.stop called from inside the server, by pid or by its own name. A
# server cannot wait for its own exit, so GenServer.stop refuses at once: it exits with
# {:calling_self, {GenServer, :stop, [server, :normal, :infinity]}}. Caught, the server
# lives on and answers; uncaught, the server crashes with that reason.
# Twin: genserver_stop_calling_self.py.
Twin.start()

defmodule Quitter do
  use GenServer
  def init(state), do: {:ok, state}

  def handle_call(:try_to_stop, _from, state) do
    {:reply, Twin.attempt(fn -> GenServer.stop(self()) end), state}
  end

  def handle_call(:stop_by_name, _from, state) do
    GenServer.stop(:quitter)
    {:reply, :stopped, state}
  end

  def handle_call(:ping, _from, state), do: {:reply, :pong, state}
end

{:ok, server} = GenServer.start(Quitter, nil, name: :quitter)
Twin.name(server, "server")
Twin.say("caught inside the server", GenServer.call(server, :try_to_stop))
Twin.say("the server still answers", GenServer.call(server, :ping))
ref = Process.monitor(server)
Twin.say("uncaught", Twin.attempt(fn -> GenServer.call(server, :stop_by_name) end))
receive do: ({:DOWN, ^ref, :process, _, reason} -> Twin.say("the server exited", reason))
