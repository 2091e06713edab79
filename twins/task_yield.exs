# Scenario: Task.yield waits a while for a task without giving up on it: nil if the task
# is still running (ask again later), {:ok, result} once it has answered (and nil after
# that: the result is taken), {:exit, reason} if it died, which a linked owner sees only
# when it traps exits; the EXIT from the link stays in the owner's mailbox.
# Twin: task_yield.py.
Twin.start()

slow = Task.async(fn -> Process.sleep(300); :done end)
Twin.say("yield for 100 ms", Task.yield(slow, 100))
Twin.say("yield for 500 ms", Task.yield(slow, 500))
Twin.say("yield again", Task.yield(slow, 100))

Process.flag(:trap_exit, true)
failing = Task.async(fn -> exit(:oops) end)
Twin.name(failing.pid, "task")
Twin.say("yield a task that exits", Task.yield(failing, 100))
Twin.say("the shell's mailbox", Twin.mailbox())
