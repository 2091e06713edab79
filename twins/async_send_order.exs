# Scenario: send is asynchronous (it returns the message at once), and messages between
# one pair of processes arrive in the order they were sent. Twin: async_send_order.py.
Twin.start()

echo =
  spawn(fn ->
    receive do
      {from, message} -> send(from, {:echo, message})
    end
  end)

Twin.name(echo, "echo")
Twin.say("send returned", send(echo, {self(), :hello}))

receive do
  reply -> Twin.say("the shell received", reply)
end

collector =
  spawn(fn ->
    receive do
      {:report, from} -> send(from, Twin.mailbox())
    end
  end)

Twin.name(collector, "collector")
for n <- 1..5, do: send(collector, {:number, n})
send(collector, {:report, self()})

receive do
  messages -> Twin.say("the collector's other messages, oldest first", messages)
end
