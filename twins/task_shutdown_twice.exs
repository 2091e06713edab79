# Scenario: Task.shutdown on a task that is already done with. A task whose result came
# after Task.yield gave nil: the first shutdown takes the result, {:ok, 42}; a second
# shutdown, :brutal_kill or not, finds no task and gives {:exit, :noproc}, and Task.await
# after that waits for a reply that will never come and exits with {:timeout, ...}. A
# running task shut down with :brutal_kill gives nil; one that has already exited gives
# {:exit, reason}. The owner traps exits: a task that ended before its shutdown has sent
# its EXIT already, and it stays in the mailbox; the task stopped while running sends none.
# Twin: task_shutdown_twice.py.
Twin.start()
Process.flag(:trap_exit, true)

task = Task.async(fn -> Process.sleep(100); 42 end)
Twin.name(task.pid, "task")
Twin.say("yield 0", Task.yield(task, 0))
Process.sleep(500)
Twin.say("shutdown", Task.shutdown(task))
Twin.say("shutdown again", Task.shutdown(task))
Twin.say("shutdown again, brutal_kill", Task.shutdown(task, :brutal_kill))
Twin.say("await 100 after that", Twin.attempt(fn -> Task.await(task, 100) end))
Twin.say("the mailbox", Twin.mailbox())

slow = Task.async(fn -> Process.sleep(5000) end)
Twin.say("shutdown a running task, brutal_kill", Task.shutdown(slow, :brutal_kill))
Twin.say("the mailbox", Twin.mailbox())

crash = Task.async(fn -> exit(:boom) end)
Twin.name(crash.pid, "crash")
Process.sleep(100)
Twin.say("shutdown a task that exited, brutal_kill", Task.shutdown(crash, :brutal_kill))
Twin.say("the mailbox", Twin.heard())
