"""Scenario: a linked worker sends the shell (which traps exits) a message that is late by
300 ms (faults.delay), then exits at once. The EXIT travels behind the message: at 100 ms
nothing has come; then both come, in order. Part 2: the shell unlinks at 100 ms, before
the late EXIT comes: it never comes (once unlink has returned, the link has no effect).
Part 3: the same with a monitor and demonitor: no DOWN.
Twin: fault_delay_message_then_exit_linked.exs."""
from twin import heard, mailbox, name, say, start

from actorlab import (demonitor, exit, faults, monitor, self_pid, send, sleep, spawn,
                      spawn_link, trap_exit, unlink)

start(faults=[faults.delay("result", 300)])
trap_exit(True)
shell = self_pid()


def work():
    send(shell, "result")
    exit("finished")


worker = spawn_link(work)
name(worker, "worker")
sleep(100)
say("at 100 ms, the mailbox", mailbox())
say("then the shell heard", heard(500))

worker = spawn_link(work)
name(worker, "worker")
sleep(100)
say("unlink at 100 ms", unlink(worker))
say("then the shell heard", heard(500))

worker = spawn(work)
name(worker, "worker")
ref = monitor(worker)
sleep(100)
say("demonitor at 100 ms", demonitor(ref))
say("then the shell heard", heard(500))
