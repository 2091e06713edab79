# Scenario: where a timer's message goes. A name is looked up when the timer fires, so it
# may be registered after send_after; a name nobody has by then gets nothing, and no
# error. A timer to a pid is cancelled when that process exits (read_timer: false). The
# timer does not belong to the process that set it: it fires after that process has
# exited. Twin: send_after_dest.py (needs actorlab's send_after and read_timer).
Twin.start()
shell = self()

Process.send_after(:later, :hello, 100)
listener = spawn(fn -> receive do: (message -> send(shell, {:listener_got, message})) end)
Process.register(listener, :later)
receive do: ({:listener_got, message} -> Twin.say("a name registered after send_after gets", message))

nobody = Process.send_after(:nobody, :hello, 100)
Process.sleep(200)
Twin.say("to a name nobody has: read_timer after it fired", Process.read_timer(nobody))

doomed = spawn(fn -> receive do: (:never -> :ok) end)
timer = Process.send_after(doomed, :hello, 500)
Process.exit(doomed, :kill)
Process.sleep(100)
Twin.say("to a pid that exited: read_timer", Process.read_timer(timer))

spawn(fn -> Process.send_after(shell, :from_a_process_that_has_exited, 100) end)
receive do: (message -> Twin.say("the shell gets", message))
