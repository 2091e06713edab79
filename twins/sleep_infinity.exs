# Scenario: Process.sleep(:infinity) parks a process for good: it stays alive, keeps its
# name and its mailbox, and only an exit signal ends it (a monitor then hears why).
# `receive ... after :infinity` waits as a receive with no `after` does. A time that is
# not a whole number of ms, or :infinity, is refused.
# Twin: sleep_infinity.py.
Twin.start()
shell = self()

parked = spawn(fn -> Process.sleep(:infinity) end)
Twin.name(parked, "parked")
Process.register(parked, :parked)
send(:parked, :wake_up)
Process.sleep(1000)
Twin.say("alive after a message and 1000 ms", Process.alive?(parked))
Twin.say("its name", Process.whereis(:parked))
Twin.say("its mailbox", elem(Process.info(parked, :messages), 1))
Process.monitor(parked)
Process.exit(parked, :stop)
Twin.say("an exit signal ends it", Twin.heard())
Twin.say("its name now", Process.whereis(:parked))

waiter = spawn(fn ->
  receive do
    message -> send(shell, {:got, message})
  after
    :infinity -> send(shell, :timed_out)
  end
end)

Process.sleep(5000)
send(waiter, :late)
Twin.say("after :infinity", Twin.heard())
Twin.say("sleep(:forever)", Twin.attempt(fn -> Process.sleep(:forever) end))
Twin.say("sleep(-1)", Twin.attempt(fn -> Process.sleep(-1) end))
