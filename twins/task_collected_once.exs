# Scenario: a task's outcome can be collected once. The owner traps exits here. A task
# that raises sends the owner both an EXIT (from the link) and a DOWN (from the monitor),
# EXIT first, each with the exception; Task.yield takes the DOWN and answers
# {:exit, exception}, leaving the EXIT; after that, yield finds nothing (nil) and
# Task.await times out. A finished task's reply, EXIT and DOWN wait in the mailbox:
# yield takes the reply and the DOWN; await after it times out. After Task.await,
# another await times out, yield gives nil, and Task.shutdown {:exit, :noproc}.
# Twin: task_collected_once.py.
Twin.start()
Process.flag(:trap_exit, true)

task = Task.async(fn -> raise "boom" end)
Twin.name(task.pid, "task")
Process.sleep(100)
Twin.say("mailbox (first elements)", Enum.map(Twin.mailbox(), &elem(&1, 0)))
Twin.say("yield", Task.yield(task, 100))
Twin.say("mailbox", Twin.heard())
Twin.say("yield again", Task.yield(task, 100))
Twin.say("await", Twin.attempt(fn -> Task.await(task, 100) end))

done = Task.async(fn -> :result end)
Twin.name(done.pid, "done")
Process.sleep(100)
Twin.say("mailbox (first elements)", Enum.map(Twin.mailbox(), &elem(&1, 0)))
Twin.say("yield a finished task", Task.yield(done, 0))
Twin.say("mailbox", Twin.heard())
Twin.say("await it after the yield", Twin.attempt(fn -> Task.await(done, 100) end))

again = Task.async(fn -> :twice end)
Twin.say("await", Task.await(again))
Twin.say("await twice", Twin.attempt(fn -> Task.await(again, 100) end))
Twin.say("yield after await", Task.yield(again, 100))
Twin.say("shutdown after await", Task.shutdown(again))
