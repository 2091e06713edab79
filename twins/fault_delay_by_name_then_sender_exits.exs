# Scenario: a message to a registered name is late (staged: sent at 200 ms, just before
# its sender exits). By then the name has moved (at 100 ms) to a second process, which
# is linked to the sender and traps exits. The message was sent before the exit, so the
# second process gets it before the EXIT. Part 2: the same with a monitor (DOWN).
# Twin: fault_delay_by_name_then_sender_exits.py.
Twin.start()
shell = self()
relay = fn tag -> fn ->
  Process.flag(:trap_exit, true)
  loop = fn loop ->
    receive do
      {:watch, who, :link} -> Process.link(who); send(shell, :watching)
      {:watch, who, :monitor} -> Process.monitor(who); send(shell, :watching)
      {:DOWN, _, _, _, r} -> send(shell, {tag, {:DOWN, r}})
      m -> send(shell, {tag, m})
    end
    loop.(loop)
  end
  loop.(loop)
end end
for how <- [:link, :monitor] do
  first = spawn(relay.(:first))
  Process.register(first, :srv)
  second = spawn(relay.(:second))
  a = spawn(fn -> receive do: (:go -> :ok); Process.sleep(200); send(:srv, :late); exit(:boom) end)
  Twin.name(a, "a")
  send(second, {:watch, a, how})
  receive do: (:watching -> :ok)
  send(a, :go)
  Process.sleep(100)
  Process.unregister(:srv)
  Process.register(second, :srv)
  Twin.say("#{how}: heard", Twin.heard(500))
  Process.unregister(:srv)
end
