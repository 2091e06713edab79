# Scenario: a GenServer callback that calls its own server. GenServer.call refuses at
# once: the inner call exits with :calling_self (by pid or by the server's own name), so
# the server crashes with that reason, and its caller's call exits with the inner reason
# wrapped in its own. (Elixir's GenServer.call has had this check since Elixir 1.3;
# Erlang's gen_server:call has had one since OTP 25.) Twin: genserver_calling_self.py.
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
