# Scenario: a handle_continue that stops the server. start_link has already returned
# {:ok, pid} when the continue runs (it takes 100 ms here); a call made meanwhile waits
# for it, then exits with the stop reason (wrapped in the call's). terminate runs with
# that reason, and the shell, linked and trapping exits, gets the EXIT after it.
# Twin: genserver_continue_stop.py.
Twin.start()
Process.register(self(), :shell)
Process.flag(:trap_exit, true)

defmodule Quitter do
  use GenServer
  def init(:ok), do: {:ok, nil, {:continue, :quit}}

  def handle_continue(:quit, state) do
    Process.sleep(100)
    {:stop, :bye, state}
  end

  def handle_call(:hi, _from, state), do: {:reply, :hello, state}
  def terminate(reason, _state), do: send(:shell, {:terminate, reason})
end

{:ok, server} = GenServer.start_link(Quitter, :ok)
Twin.name(server, "server")
Twin.say("call during the continue", Twin.attempt(fn -> GenServer.call(server, :hi) end))
Twin.say("heard", Twin.heard())
