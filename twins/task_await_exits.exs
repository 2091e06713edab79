# Scenario: how Task.await fails. Past its timeout it exits with
# {:timeout, {Task, :await, [task, timeout]}}; the task runs on, and its result, when it
# comes, is dropped (the owner's mailbox stays empty). A task that crashes takes its owner
# with it through the link, with the task's reason; an owner that traps exits lives, and
# its await exits with {reason, {Task, :await, [task, timeout]}}.
# Twin: task_await_exits.py.
Twin.start()

slow = Task.async(fn -> Process.sleep(300); :late end)
Twin.say("await for 100 ms", Twin.attempt(fn -> Task.await(slow, 100) end))
Twin.say("the task is alive", Process.alive?(slow.pid))
Process.sleep(500)
Twin.say("the shell's mailbox", Twin.mailbox())

{_owner, ref} = spawn_monitor(fn -> Task.await(Task.async(fn -> exit(:oops) end)) end)
receive do: ({:DOWN, ^ref, :process, _, reason} -> Twin.say("an owner that does not trap exits dies of", reason))

Process.flag(:trap_exit, true)
failing = Task.async(fn -> exit(:oops) end)
Twin.say("an owner that traps exits", Twin.attempt(fn -> Task.await(failing) end))
