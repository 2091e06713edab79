# Scenario: what Process.demonitor(ref, [:flush]) takes out of the mailbox (OTP 25). While
# the monitor is active, no DOWN can have come, so it takes nothing, not even messages
# shaped like one. Once the monitor has fired, it takes ONE message: the oldest shaped
# {_, ref, _, _, _}, whatever its tag, even when that is not the DOWN.
# Twin: demonitor_flush.py.
Twin.start()
worker = spawn(fn -> receive do: (:stop -> :ok) end)
ref = Process.monitor(worker)
send(self(), {:DOWN, ref, :process, worker, :fake})
send(self(), {:other, ref, 1, 2, 3})
Twin.say("active: demonitor flush", Process.demonitor(ref, [:flush]))
Twin.say("active: the mailbox", Twin.heard(100))

ref = Process.monitor(worker)
send(self(), {:other, ref, 1, 2, 3})
send(worker, :stop)
Process.sleep(100)
send(self(), {:DOWN, ref, :process, worker, :fake})
Twin.say("fired: the mailbox", Twin.mailbox())
Twin.say("fired: demonitor flush", Process.demonitor(ref, [:flush]))
Twin.say("fired: the mailbox", Twin.mailbox())
