# Scenario: who is a GenServer's parent. GenServer.start (no link) makes the server its own
# parent (gen.erl), so to a server that traps exits, an exit signal from the process that
# started it is only a message for handle_info, and it lives on: whether the starter sends
# one with Process.exit or links to it by hand and then crashes. With start_link the
# starter is the parent: its exit signal makes the server run terminate and stop.
# Twin: genserver_start_own_parent.py.
Twin.start()
Process.register(self(), :shell)

defmodule Trapper do
  use GenServer

  def init(:ok) do
    Process.flag(:trap_exit, true)
    {:ok, nil}
  end

  def handle_info({:EXIT, _from, reason}, state) do
    send(:shell, {:handle_info, :EXIT, reason})
    {:noreply, state}
  end

  def terminate(reason, _state), do: send(:shell, {:terminate, reason})
end


{:ok, server} = GenServer.start(Trapper, :ok)
Process.exit(server, :shutdown)
Twin.say("start, then Process.exit(server, :shutdown)", Twin.heard())
Twin.say("alive", Process.alive?(server))

starter = spawn(fn ->
  {:ok, server} = GenServer.start(Trapper, :ok)
  Process.link(server)
  send(:shell, {:server, server})
  receive do: (:crash -> exit(:oops))
end)
server = receive do: ({:server, server} -> server)
send(starter, :crash)
Twin.say("start, link by hand, the starter exits with :oops", Twin.heard())
Twin.say("alive", Process.alive?(server))

Process.flag(:trap_exit, true)
{:ok, server} = GenServer.start_link(Trapper, :ok)
Twin.name(server, "server")
Process.exit(server, :shutdown)
Twin.say("start_link, then Process.exit(server, :shutdown)", Twin.heard())
Twin.say("alive", Process.alive?(server))
