# The Elixir twin of notebook 04: a generic server loop, and a counter as callbacks only.
# Run: elixir docs/elixir/04_a_generic_server.exs

defmodule Generic do
  def start(callbacks, arg), do: spawn(fn -> loop(callbacks, callbacks.init(arg)) end)

  def call(server, request) do
    ref = make_ref()
    send(server, {:call, self(), ref, request})
    receive do
      {^ref, reply} -> reply
    after
      5000 -> exit(:timeout)
    end
  end

  def cast(server, message), do: send(server, {:cast, message})

  defp loop(callbacks, state) do
    receive do
      {:call, from, ref, request} ->
        {reply, state} = callbacks.handle_call(request, state)
        send(from, {ref, reply})
        loop(callbacks, state)
      {:cast, message} ->
        loop(callbacks, callbacks.handle_cast(message, state))
      other ->
        loop(callbacks, callbacks.handle_info(other, state))
    end
  end
end

defmodule CounterCallbacks do
  def init(n), do: n
  def handle_call(:get, n), do: {n, n}
  def handle_cast({:add, k}, n), do: n + k
  def handle_info(_other, n), do: n
end

counter = Generic.start(CounterCallbacks, 10)
Generic.cast(counter, {:add, 5})
send(counter, :stray)
IO.inspect(Generic.call(counter, :get), label: "get")
