# Scenario: a process that traps exits is not killed by its links: each linked process's
# exit arrives as a message {:EXIT, pid, reason}, for a normal exit as well as a crash.
# An exit signal sent with Process.exit(pid, reason) arrives the same way; :normal sent to a
# process that does not trap exits is ignored, any other reason kills it. The watcher
# forwards what it receives to the shell, which prints it in the order it was sent.
# Twin: trap_exit.py. Crash reasons print without their stack trace.
Twin.start()
shell = self()

watcher = spawn(fn ->
  Process.flag(:trap_exit, true)
  for job <- [fn -> :ok end, fn -> raise "boom" end, fn -> exit(:oops) end] do
    spawn_link(job)
    receive do
      {:EXIT, _child, reason} -> send(shell, {:a_child_exited, reason})
    end
  end
  receive do
    message -> send(shell, message)
  end
end)
Twin.name(watcher, "watcher")
for _ <- 1..3 do
  receive do
    message -> Twin.say("the watcher got", message)
  end
end
Process.exit(watcher, :shutdown)
receive do
  message -> Twin.say("the watcher got", message)
end

plain = spawn(fn ->
  receive do
    :never -> :ok
  end
end)
monitor = Process.monitor(plain)
Process.exit(plain, :normal)
Process.exit(plain, :shutdown)
receive do
  {:DOWN, ^monitor, :process, _, reason} ->
    Twin.say("sent normal then shutdown, it exited with", reason)
end
