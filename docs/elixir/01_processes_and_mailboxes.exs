# The Elixir twins of notebook 01's key ideas. Run: elixir docs/elixir/01_processes_and_mailboxes.exs

# A process, a message, a reply.
pid = spawn(fn ->
  receive do
    {from, message} -> send(from, message)
  end
end)
send(pid, {self(), "hello"})
receive do
  reply -> IO.inspect(reply, label: "echo")
end

# Selective receive takes the oldest matching message and leaves the rest.
send(self(), {:b, 1})
send(self(), {:a, 1})
receive do
  {:a, x} -> IO.inspect({:a, x}, label: "selective")
end
IO.inspect(Process.info(self(), :messages), label: "left")
receive do
  _ -> :ok
end

# A timeout.
receive do
  :never -> :ok
after
  100 -> IO.puts("timeout: nothing in 100 ms")
end

# State is an argument of a loop.
defmodule Counter do
  def loop(count) do
    receive do
      {:add, n} -> loop(count + n)
      {:get, from} ->
        send(from, {:count, count})
        loop(count)
    end
  end
end

counter = spawn(fn -> Counter.loop(0) end)
send(counter, {:add, 2})
send(counter, {:get, self()})
receive do
  {:count, c} -> IO.inspect(c, label: "count")
end
