# Scenario: a server that traps exits, started with start_link by the shell, gets an exit
# signal sent with Process.exit(server, reason). From a stranger, any reason is just a
# message for handle_info. From its parent (the shell, still alive), the same signal
# stops the server, as the parent's own exit would: terminate runs with that reason, even
# :normal, and the shell gets the DOWN and, through the link, the EXIT.
# Twin: genserver_exit_signal_from_parent.py.
Twin.start()
Process.register(self(), :shell)
Process.flag(:trap_exit, true)

defmodule Trapper do
  use GenServer
  def init(state) do
    Process.flag(:trap_exit, true)
    {:ok, state}
  end
  def handle_info({:EXIT, _from, reason}, state) do
    send(:shell, {:handle_info, :EXIT, reason})
    {:noreply, state}
  end
  def terminate(reason, _state), do: send(:shell, {:terminate, reason})
end

for reason <- [:normal, :shutdown, :other] do
  {:ok, server} = GenServer.start_link(Trapper, nil)
  ref = Process.monitor(server)
  spawn(fn -> Process.exit(server, reason) end)
  Twin.say("from a stranger, #{reason}", Twin.heard(200))
  Process.exit(server, reason)
  Twin.say("from the parent, #{reason}", Enum.map(Twin.heard(200), fn
    {:DOWN, ^ref, :process, _, why} -> {:DOWN, why}
    {:EXIT, ^server, why} -> {:EXIT, why}
    message -> message
  end))
end
