# The Elixir twins of notebook 02: a synchronous call built from send and receive.
# Run: elixir docs/elixir/02_building_call.exs

defmodule Hand do
  # A call: my pid and a fresh ref go with the request; I wait for a reply with that ref.
  def call(server, request, timeout \\ 5000) do
    ref = make_ref()
    send(server, {:call, self(), ref, request})
    receive do
      {^ref, reply} -> reply
    after
      timeout -> exit(:timeout)
    end
  end

  # A cast is just a send.
  def cast(server, message), do: send(server, {:cast, message})

  def counter(count) do
    receive do
      {:call, caller, ref, :get} ->
        send(caller, {ref, count})
        counter(count)
      {:cast, {:add, n}} ->
        counter(count + n)
    end
  end
end

server = spawn(fn -> Hand.counter(0) end)
send(self(), {:stray, 1})                      # other messages do not confuse the call
Hand.cast(server, {:add, 5})
IO.inspect(Hand.call(server, :get), label: "call get")
IO.inspect(Process.info(self(), :messages), label: "still in the mailbox")

silent = spawn(fn -> receive do _ -> :ok end end)
result = try do
  Hand.call(silent, :get, 100)
catch
  :exit, reason -> {:exit, reason}
end
IO.inspect(result, label: "a silent server")
