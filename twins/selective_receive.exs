# Scenario: a process is a function with a mailbox; receive takes the oldest message that
# matches its pattern and leaves the others where they are, in order; a process keeps its
# state as the argument of its loop. Twin: selective_receive.py.
Twin.start()

pid = spawn(fn ->
  receive do
    {from, message} -> send(from, message)
  end
end)
send(pid, {self(), :hello})
receive do
  reply -> Twin.say("the echo", reply)
end

send(self(), {:news, :cats})
send(self(), {:urgent, "fire!"})
send(self(), {:news, :dogs})
receive do
  {:urgent, what} -> Twin.say("urgent first", what)
end
Twin.say("still in the mailbox, in order", Twin.mailbox())
receive do
  message -> Twin.say("no pattern takes the oldest", message)
end

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
  {:count, count} -> Twin.say("the count", count)
end
Twin.say("left for later", Twin.mailbox())
