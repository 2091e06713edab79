# The Elixir twins of notebook 03. Run: elixir docs/elixir/03_the_self_call_deadlock.exs
# (It takes 5 seconds: the indirect deadlock waits for GenServer.call's default timeout.)

defmodule Counter do
  use GenServer
  def init(n), do: {:ok, n}
  def handle_call(:get, _from, n), do: {:reply, n, n}
  # A callback calling its own server's public API: the self-call.
  def handle_call(:get_twice, _from, n), do: {:reply, 2 * GenServer.call(self(), :get), n}
end

defmodule Relay do
  use GenServer
  def init(peer), do: {:ok, peer}
  def handle_call(:ping, _from, peer), do: {:reply, GenServer.call(peer, :ping), peer}
end

defmodule Try do
  def it(f) do
    try do
      f.()
    catch
      :exit, reason -> {:exit, reason}
    end
  end
end

Logger.configure(level: :none)   # the crash reports are not the point here
{:ok, counter} = GenServer.start(Counter, 21)
IO.inspect(Try.it(fn -> GenServer.call(counter, :get_twice) end), label: "direct self-call")

GenServer.start(Relay, :b, name: :a)
GenServer.start(Relay, :a, name: :b)
started = System.monotonic_time(:millisecond)
result = Try.it(fn -> GenServer.call(:a, :ping, :infinity) end)
elapsed = System.monotonic_time(:millisecond) - started
IO.inspect(result, label: "indirect A->B->A")
IO.puts("after about #{div(elapsed + 500, 1000)} s")
