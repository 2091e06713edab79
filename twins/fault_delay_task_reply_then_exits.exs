# Scenario: a Task's reply is late (staged: the task sleeps 500 ms, then returns), and the
# task ends right after sending it. Task.await gives up at 100 ms: it exits with the
# timeout. The task's DOWN travels behind its reply, so it cannot bring the reply in
# early; both come after the await has demonitored, and both are dropped: the shell's
# mailbox stays empty. (actorlab: faults.delay on the reply, 500 ms.)
# Twin: fault_delay_task_reply_then_exits.py.
Twin.start()
task = Task.async(fn -> Process.sleep(500); :done end)
Twin.name(task.pid, "task")
Twin.say("await for 100 ms", Twin.attempt(fn -> Task.await(task, 100) end))
Process.sleep(1000)
Twin.say("the task is alive", Process.alive?(task.pid))
Twin.say("the shell's mailbox", Twin.mailbox())
