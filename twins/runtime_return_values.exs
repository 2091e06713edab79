# Scenario: what the runtime's functions return when there is nothing much to say:
# Process.register and Process.unregister return true, Process.sleep returns :ok,
# Process.demonitor returns true (for a monitor that has fired too), and
# Process.flag(:trap_exit, flag) returns the flag it replaces.
# Twin: runtime_return_values.py (needs actorlab's runtime to return these; today
# register, unregister and sleep return None).
Twin.start()

worker = spawn(fn -> receive do: (:stop -> :ok) end)
Twin.say("register", Process.register(worker, :worker))
Twin.say("unregister", Process.unregister(:worker))
Twin.say("sleep", Process.sleep(10))
ref = Process.monitor(worker)
Twin.say("demonitor", Process.demonitor(ref))
ref = Process.monitor(worker)
send(worker, :stop)
receive do: ({:DOWN, ^ref, :process, _, _} -> :ok)
Twin.say("demonitor a monitor that has fired", Process.demonitor(ref))
Twin.say("trap_exit true", Process.flag(:trap_exit, true))
Twin.say("trap_exit false", Process.flag(:trap_exit, false))
