"""Scenario: Task.shutdown unlinks a task and stops it, then says what became of it: None if
it was stopped (a "shutdown" exit, or "brutal_kill"), ("ok", result) if its result had
come meanwhile, ("exit", reason) if it had died of something else. A task that traps exits
and ignores the "shutdown" is killed when the timeout runs out: ("exit", "killed"). The
owner traps exits here: the tasks it stopped send it no EXIT (they were unlinked), but
those that had ended before the shutdown had sent theirs already. Twin: task_shutdown.exs."""
from twin import mailbox, name, say, start

from actorlab import Task, exit, sleep, trap_exit

start()
trap_exit(True)

running = Task.async_(sleep, 1000)
say("a running task", Task.shutdown(running))

brutal = Task.async_(sleep, 1000)
say("a running task, :brutal_kill", Task.shutdown(brutal, "brutal_kill"))

finished = Task.async_(lambda: "done")
name(finished.pid, "finished")
sleep(100)
say("a task that has answered", Task.shutdown(finished))


def stubborn_job():
    trap_exit(True)
    sleep(1000)


stubborn = Task.async_(stubborn_job)
sleep(100)
say("a task that traps exits, timeout 100", Task.shutdown(stubborn, 100))

crashed = Task.async_(exit, "oops")
name(crashed.pid, "crashed")
sleep(100)
say("a task that had crashed", Task.shutdown(crashed))
say("the shell's mailbox", mailbox())
