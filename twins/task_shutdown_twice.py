"""Scenario: Task.shutdown on a task that is already done with. A task whose result came
after Task.yield_ gave None: the first shutdown takes the result, ("ok", 42); a second
shutdown, "brutal_kill" or not, finds no task and gives ("exit", "noproc"), and
Task.await_ after that waits for a reply that will never come and exits with
("timeout", ...). A running task shut down with "brutal_kill" gives None; one that has
already exited gives ("exit", reason). The owner traps exits: a task that ended before
its shutdown has sent its EXIT already, and it stays in the mailbox; the task stopped
while running sends none. Twin: task_shutdown_twice.exs."""
from twin import attempt, heard, mailbox, name, say, start

from actorlab import Task, exit, sleep, trap_exit

start()
trap_exit(True)


def answer_later():
    sleep(100)
    return 42


task = Task.async_(answer_later)
name(task.pid, "task")
say("yield 0", Task.yield_(task, 0))
sleep(500)
say("shutdown", Task.shutdown(task))
say("shutdown again", Task.shutdown(task))
say("shutdown again, brutal_kill", Task.shutdown(task, "brutal_kill"))
say("await 100 after that", attempt(lambda: Task.await_(task, 100)))
say("the mailbox", mailbox())

slow = Task.async_(lambda: sleep(5000))
say("shutdown a running task, brutal_kill", Task.shutdown(slow, "brutal_kill"))
say("the mailbox", mailbox())

crash = Task.async_(lambda: exit("boom"))
name(crash.pid, "crash")
sleep(100)
say("shutdown a task that exited, brutal_kill", Task.shutdown(crash, "brutal_kill"))
say("the mailbox", heard())
