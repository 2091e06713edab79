# Scenario: the timeout at the end of a callback's return: {:ok, s, t} from init,
# {:reply, r, s, t} from handle_call, {:noreply, s, t} from handle_cast. :infinity is a
# timeout (none: no :timeout message comes); a negative number or a float is not. OTP
# checks the whole return before it acts on any of it: init's start fails with
# {:bad_return_value, return}; a callback's server ends with it (terminate gets it), and
# the caller gets no reply, only the exit. Twin: callback_timeout_values.py.
Twin.start()
Process.register(self(), :shell)

defmodule Timeouts do
  use GenServer
  def init(t), do: {:ok, nil, t}
  def handle_call({:with, t}, _from, s), do: {:reply, :ok, s, t}
  def handle_cast({:with, t}, s), do: {:noreply, s, t}
  def handle_info(msg, s), do: (send(:shell, {:info, msg}); {:noreply, s})
  def terminate(reason, _s), do: send(:shell, {:terminate, reason})
end

for t <- [:infinity, -1, 1.5] do
  Twin.say("init returns {:ok, nil, #{inspect(t)}}: start", GenServer.start(Timeouts, t))

  {:ok, server} = GenServer.start(Timeouts, :infinity)
  Twin.name(server, "server")
  Twin.say("  call", Twin.attempt(fn -> GenServer.call(server, {:with, t}) end))
  Twin.say("  then", Twin.heard(200))

  {:ok, server} = GenServer.start(Timeouts, :infinity)
  Twin.name(server, "server")
  ref = Process.monitor(server)
  GenServer.cast(server, {:with, t})
  Twin.say("  cast, then", Twin.heard(200))
  Process.demonitor(ref, [:flush])
  Process.exit(server, :kill)
end
