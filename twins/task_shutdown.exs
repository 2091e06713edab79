# Scenario: Task.shutdown unlinks a task and stops it, then says what became of it: nil if
# it was stopped (a :shutdown exit, or :brutal_kill), {:ok, result} if its result had come
# meanwhile, {:exit, reason} if it had died of something else. A task that traps exits
# and ignores the :shutdown is killed when the timeout runs out: {:exit, :killed}. The
# owner traps exits here: the tasks it stopped send it no EXIT (they were unlinked), but
# those that had ended before the shutdown had sent theirs already.
# Twin: task_shutdown.py.
Twin.start()
Process.flag(:trap_exit, true)

running = Task.async(fn -> Process.sleep(1000) end)
Twin.say("a running task", Task.shutdown(running))

brutal = Task.async(fn -> Process.sleep(1000) end)
Twin.say("a running task, :brutal_kill", Task.shutdown(brutal, :brutal_kill))

finished = Task.async(fn -> :done end)
Twin.name(finished.pid, "finished")
Process.sleep(100)
Twin.say("a task that has answered", Task.shutdown(finished))

stubborn = Task.async(fn ->
  Process.flag(:trap_exit, true)
  Process.sleep(1000)
end)
Process.sleep(100)
Twin.say("a task that traps exits, timeout 100", Task.shutdown(stubborn, 100))

crashed = Task.async(fn -> exit(:oops) end)
Twin.name(crashed.pid, "crashed")
Process.sleep(100)
Twin.say("a task that had crashed", Task.shutdown(crashed))
Twin.say("the shell's mailbox", Twin.mailbox())
