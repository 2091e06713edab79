# The Elixir twins of notebook 05: a GenServer, and a deferred reply.
# Run: elixir docs/elixir/05_genserver.exs

defmodule Counter do
  use GenServer
  def init(n), do: {:ok, n}
  def handle_call(:get, _from, n), do: {:reply, n, n}
  def handle_cast({:add, k}, n), do: {:noreply, n + k}
  def terminate(reason, n), do: IO.inspect({reason, n}, label: "terminate")
end

{:ok, counter} = GenServer.start_link(Counter, 10)
GenServer.cast(counter, {:add, 5})
IO.inspect(GenServer.call(counter, :get), label: "get")
IO.inspect(GenServer.stop(counter), label: "stop")

# A deferred reply: pop waits until something is pushed.
defmodule Queue do
  use GenServer
  def init(_), do: {:ok, {[], []}}                       # {items, waiting callers}
  def handle_call(:pop, _from, {[item | rest], waiting}), do: {:reply, item, {rest, waiting}}
  def handle_call(:pop, from, {[], waiting}), do: {:noreply, {[], waiting ++ [from]}}
  def handle_cast({:push, item}, {items, [from | waiting]}) do
    GenServer.reply(from, item)
    {:noreply, {items, waiting}}
  end
  def handle_cast({:push, item}, {items, []}), do: {:noreply, {items ++ [item], []}}
end

{:ok, queue} = GenServer.start_link(Queue, nil)
task = Task.async(fn -> GenServer.call(queue, :pop) end)
Process.sleep(100)
GenServer.cast(queue, {:push, :parcel})
IO.inspect(Task.await(task), label: "the waiting pop got")
