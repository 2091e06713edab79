# Scenario: what the runtime says about a process right after the shell sent it an exit
# signal. Signals from one process arrive in order, so after Process.exit(pid, :kill) the
# next query already sees it dead: Process.alive? is false, Process.info is nil, and its
# registered name is free. A :normal signal to a process that does not trap exits changes
# nothing; :shutdown kills it. spawn_monitor gives {pid, ref}; sending to a dead pid
# returns the message, as always. Twin: process_queries_after_exit_signal.py.
Twin.start()

a = spawn(fn -> receive do: (:never -> :ok) end)
Process.register(a, :a)
Process.exit(a, :kill)
Twin.say("alive? right after exit(pid, :kill)", Process.alive?(a))
Twin.say("its info", Process.info(a))
Twin.say("whereis its name", Process.whereis(:a))

b = spawn(fn -> receive do: (:never -> :ok) end)
Process.exit(b, :normal)
Twin.say("alive? after exit(pid, :normal)", Process.alive?(b))
Process.exit(b, :shutdown)
Twin.say("alive? right after exit(pid, :shutdown)", Process.alive?(b))

{c, ref} = spawn_monitor(fn -> exit(:bye) end)
Twin.name(c, "c")
Twin.say("spawn_monitor returns", {c, ref})
receive do: ({:DOWN, ^ref, :process, _, reason} -> Twin.say("its DOWN", reason))
Twin.say("send to it", send(c, :late))
