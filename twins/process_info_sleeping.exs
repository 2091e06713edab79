# Scenario: a process in Process.sleep is waiting (status :waiting) in no receive: its
# current function is Process.sleep/1, and a message sent to it does not end its sleep but
# stays in its mailbox. When the sleep ends it goes on (here into a receive that leaves
# that message alone), and it is no longer in sleep. actorlab's process_info tells the
# same with "sleeping" (and "waiting_for" None: no receive pattern).
# Twin: process_info_sleeping.py.
Twin.start()
shell = self()

sleeper =
  spawn(fn ->
    Process.sleep(300)
    send(shell, :awake)
    receive do: (:stop -> :ok)
  end)

Twin.name(sleeper, "sleeper")
sleeping? = fn pid -> Process.info(pid, :current_function) == {:current_function, {Process, :sleep, 1}} end
Process.sleep(100)
Twin.say("in sleep: status", elem(Process.info(sleeper, :status), 1))
Twin.say("in sleep: sleeping?", sleeping?.(sleeper))
send(sleeper, :hello)
Process.sleep(100)
Twin.say("a message did not end the sleep: sleeping?", sleeping?.(sleeper))
Twin.say("its messages", elem(Process.info(sleeper, :messages), 1))
Twin.say("the shell hears", receive(do: (message -> message)))
Process.sleep(100)
Twin.say("after the sleep, in a receive: status", elem(Process.info(sleeper, :status), 1))
Twin.say("after the sleep: sleeping?", sleeping?.(sleeper))
Twin.say("its messages", elem(Process.info(sleeper, :messages), 1))
send(sleeper, :stop)
