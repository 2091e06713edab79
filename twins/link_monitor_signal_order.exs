# Scenario: one process, three ways to hear of its end. The shell traps exits, is linked
# to a worker and monitors it twice. When the worker exits, the EXIT from the link comes
# first, then the two DOWN messages in the order the monitors were made. (All three are
# signals from the same process to the same process, so the BEAM gives them one order.)
# Twin: link_monitor_signal_order.py.
Twin.start()
Process.flag(:trap_exit, true)

worker = spawn_link(fn -> receive do: (:go -> exit(:bye)) end)
Twin.name(worker, "worker")
first = Process.monitor(worker)
second = Process.monitor(worker)
send(worker, :go)
# Wait in a receive, not Process.sleep, so that Twin.mailbox() shows what has arrived.
receive do
  :nothing -> :ok
after
  100 -> :ok
end

Twin.say("the mailbox", Enum.map(Twin.mailbox(), fn
  {:DOWN, ^first, :process, _, reason} -> {:down_first, reason}
  {:DOWN, ^second, :process, _, reason} -> {:down_second, reason}
  other -> other
end))
