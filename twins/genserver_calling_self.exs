# Scenario: a GenServer callback that calls its own server. Since OTP 25, GenServer.call
# refuses at once: the inner call exits with :calling_self (by pid or by the server's own
# name), so the server crashes with that reason, and its caller's call exits with the
# inner reason wrapped in its own. Before OTP 25 the inner call waited for its 5-second
# timeout. Twin: genserver_calling_self.py.
Twin.start()

defmodule Counter do
  use GenServer
  def init(n), do: {:ok, n}
  def handle_call(:get, _from, n), do: {:reply, n, n}
  # A callback calling its own server's public API: the self-call.
  def handle_call(:twice, _from, n), do: {:reply, 2 * GenServer.call(self(), :get), n}
  def handle_call(:thrice, _from, n), do: {:reply, 3 * GenServer.call(:tally, :get), n}
end

{:ok, counter} = GenServer.start(Counter, 21)
Twin.name(counter, "counter")
monitor = Process.monitor(counter)
Twin.say("get", GenServer.call(counter, :get))
Twin.say("the caller gets", Twin.attempt(fn -> GenServer.call(counter, :twice) end))
receive do
  {:DOWN, ^monitor, :process, _, reason} -> Twin.say("the server exited", reason)
end

GenServer.start(Counter, 21, name: :tally)
Twin.say("by name", Twin.attempt(fn -> GenServer.call(:tally, :thrice) end))
