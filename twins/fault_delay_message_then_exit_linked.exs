# Scenario: a linked worker sends the shell (which traps exits) a message that is late by
# 300 ms (staged: the worker sleeps 300 ms first), then exits. The EXIT travels behind the
# message: at 100 ms nothing has come; then both come, in order. Part 2: the shell
# unlinks at 100 ms, before the late EXIT comes: it never comes (once unlink has
# returned, the link has no effect). Part 3: the same with a monitor and demonitor: no
# DOWN. (actorlab: faults.delay on the message, the worker sending and exiting at once.)
# Twin: fault_delay_message_then_exit_linked.py.
Twin.start()
Process.flag(:trap_exit, true)
shell = self()

worker = spawn_link(fn -> Process.sleep(300); send(shell, :result); exit(:finished) end)
Twin.name(worker, "worker")
Process.sleep(100)
Twin.say("at 100 ms, the mailbox", Twin.mailbox())
Twin.say("then the shell heard", Twin.heard(500))

worker = spawn_link(fn -> Process.sleep(300); send(shell, :result); exit(:finished) end)
Twin.name(worker, "worker")
Process.sleep(100)
Twin.say("unlink at 100 ms", Process.unlink(worker))
Twin.say("then the shell heard", Twin.heard(500))

worker = spawn(fn -> Process.sleep(300); send(shell, :result); exit(:finished) end)
Twin.name(worker, "worker")
ref = Process.monitor(worker)
Process.sleep(100)
Twin.say("demonitor at 100 ms", Process.demonitor(ref))
Twin.say("then the shell heard", Twin.heard(500))
