# Scenario: a message to a registered name is late (staged: A sends it 300 ms later).
# Meanwhile the process holding the name ends and another takes the name. The name is
# looked up when the message is sent (on arrival, between nodes), so the new holder gets
# it.
# Twin: fault_delay_to_name_reregistered.py.
Twin.start()
shell = self()
relay = fn tag -> fn -> receive do
  m -> send(shell, {tag, m})
end end end
first = spawn(relay.(:first))
Twin.name(first, "first")
Process.register(first, :srv)
a = spawn(fn -> receive do: (:go -> :ok); Process.sleep(300); send({:srv, node()}, :late) end)
send(a, :go)
Process.sleep(100)
Process.exit(first, :kill)
Process.sleep(10)
second = spawn(relay.(:second))
Process.register(second, :srv)
Twin.say("heard", Twin.heard(500))
