# Scenario: links are not counted, monitors are. Linking twice and unlinking once leaves
# no link: the shell, trapping exits, gets no EXIT when the worker ends. Each monitor is
# its own: three monitors give three refs, and after demonitoring the second, the other
# two each give a DOWN. A send_after to a name is not tied to the process holding the name
# when it is set: that process exiting does not cancel the timer, and the message goes to
# whoever holds the name when it fires. Twin: link_twice_monitor_twice.py.
Twin.start()
Process.flag(:trap_exit, true)
shell = self()

w = spawn(fn -> receive do: (:stop -> exit(:bye)) end)
Twin.name(w, "w")
Twin.say("link", Process.link(w))
Twin.say("link again", Process.link(w))
Twin.say("unlink once", Process.unlink(w))
r1 = Process.monitor(w)
r2 = Process.monitor(w)
r3 = Process.monitor(w)
Twin.say("three monitors, three refs", length(Enum.uniq([r1, r2, r3])))
Process.demonitor(r2)
send(w, :stop)

came =
  Enum.map(Twin.heard(200), fn
    {:DOWN, ref, :process, pid, reason} -> {:DOWN, Enum.find_index([r1, r2, r3], &(&1 == ref)) + 1, pid, reason}
    other -> other
  end)

Twin.say("what came (the monitor's number)", came)

a = spawn(fn -> receive do: (m -> send(shell, {:a_got, m})) end)
b = spawn(fn -> receive do: (m -> send(shell, {:b_got, m})) end)
Process.register(a, :svc)
t = Process.send_after(:svc, :hello, 300)
Process.sleep(100)
Process.exit(a, :kill)
Process.sleep(100)
Twin.say("the name's holder killed: read_timer", is_integer(Process.read_timer(t)))
Process.register(b, :svc)
Twin.say("then", Twin.heard(400))
