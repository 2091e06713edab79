# Scenario: a call's reply is late (staged: the server sleeps 500 ms first); the call
# gives up at 100 ms. The reply then arrives at a dead alias and is dropped. Part 2: a
# message to an alias() that is unaliased before the message arrives is dropped too.
# Twin: fault_delay_reply_after_timeout.py.
Twin.start()
defmodule Quick do
  use GenServer
  def init(s), do: {:ok, s}
  def handle_call(:work, _from, s) do
    Process.sleep(500)
    {:reply, :done, s}
  end
end
{:ok, server} = GenServer.start(Quick, nil)
Twin.name(server, "server")
Twin.say("the call", Twin.attempt(fn -> GenServer.call(server, :work, 100) end))
receive do
  :nothing -> :ok
after
  1000 -> :ok
end
Twin.say("mailbox after the late reply", Twin.mailbox())
shell = self()
a = :erlang.alias()
sender = spawn(fn -> receive do: (:go -> :ok); Process.sleep(300); send(a, :via_alias); send(shell, :direct) end)
send(sender, :go)
Process.sleep(100)
Twin.say("unalias", :erlang.unalias(a))
Twin.say("heard", Twin.heard(500))
