# Scenario: a monitor made by name watches the process that held the name then, not the
# name. Unregistering the name, or giving it to another process, does not move the
# monitor: the new holder's exit sends no DOWN; the first process's exit does, and the
# DOWN names it as {name, node}. Once the name is free, sending by the bare name raises;
# sending to {name, node} is dropped. Twin: monitor_by_name_keeps_process.py.
Twin.start()

a = spawn(fn -> receive do: (:stop -> :ok) end)
b = spawn(fn -> receive do: (:stop -> :ok) end)
Twin.name(a, "a")
Twin.name(b, "b")
Process.register(a, :svc)
ref = Process.monitor(:svc)
Twin.say("unregister", Process.unregister(:svc))
Twin.say("send by the name now", Twin.attempt(fn -> send(:svc, :hello) end))
Twin.say("send to {name, node} now", send({:svc, node()}, :hello))
Twin.say("register the name again, for b", Process.register(b, :svc))
send(b, :stop)
Process.sleep(100)
Twin.say("after b exits", Twin.mailbox())
send(a, :stop)

receive do
  {:DOWN, ^ref, :process, who, reason} -> Twin.say("after a exits: DOWN for", {who, reason})
end

Twin.say("whereis the name now", Process.whereis(:svc))
