# Scenario: Process.demonitor(ref, [:info]) answers whether the monitor was still on:
# true while its process lives (no DOWN will come), false once it has fired (the DOWN is
# in the mailbox, or was taken). With [:flush, :info], false, and the DOWN is taken out.
# Twin: demonitor_info.py.
Twin.start()
worker = spawn(fn -> receive do: (:stop -> :ok) end)
Twin.name(worker, "worker")
ref = Process.monitor(worker)
Twin.say("alive: demonitor info", Process.demonitor(ref, [:info]))
Twin.say("alive: demonitor info again", Process.demonitor(ref, [:info]))

ref = Process.monitor(worker)
send(worker, :stop)
Process.sleep(100)
Twin.say("fired: demonitor info", Process.demonitor(ref, [:info]))
Twin.say("fired: the mailbox (taken)", Twin.heard(100))

other = spawn(fn -> :ok end)
Twin.name(other, "other")
ref = Process.monitor(other)
Process.sleep(100)
Twin.say("fired: demonitor flush info", Process.demonitor(ref, [:flush, :info]))
Twin.say("fired: the mailbox", Twin.mailbox())
