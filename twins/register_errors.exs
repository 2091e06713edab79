# Scenario: Process.register's rules. A name belongs to one process, and a process has at
# most one name: registering a taken name, giving a named process a second name, or
# naming a process that has exited raises ArgumentError; so does unregistering a name
# nobody has. A name is freed when its process exits, and can then be taken again.
# Twin: register_errors.py.
Twin.start()

first = spawn(fn -> receive do: (:stop -> :ok) end)
second = spawn(fn -> receive do: (:stop -> :ok) end)
dead = spawn(fn -> :ok end)
Process.sleep(100)
Process.register(first, :worker)
Twin.say("the same name for another process", Twin.attempt(fn -> Process.register(second, :worker) end))
Twin.say("a second name for the same process", Twin.attempt(fn -> Process.register(first, :helper) end))
Twin.say("a name for a dead process", Twin.attempt(fn -> Process.register(dead, :ghost) end))
Twin.say("unregister a name nobody has", Twin.attempt(fn -> Process.unregister(:ghost) end))
ref = Process.monitor(first)
send(first, :stop)
receive do: ({:DOWN, ^ref, :process, _, _} -> :ok)
Twin.say("whereis, once its process exited", Process.whereis(:worker))
Process.register(second, :worker)
Twin.say("registered again", Process.whereis(:worker) == second)
