"""Scenario: how Task.await_ fails. Past its timeout it exits with
("timeout", ("Task", "await", [task, timeout])); the task runs on, and its result, when it
comes, is dropped (the owner's mailbox stays empty). A task that crashes takes its owner
with it through the link, with the task's reason; an owner that traps exits lives, and
its await exits with (reason, ("Task", "await", [task, timeout])).
Twin: task_await_exits.exs."""
from twin import attempt, mailbox, say, start

from actorlab import ANY, Task, exit, is_alive, receive, sleep, spawn_monitor, trap_exit

start()


def slow_job():
    sleep(300)
    return "late"


slow = Task.async_(slow_job)
say("await for 100 ms", attempt(lambda: Task.await_(slow, 100)))
say("the task is alive", is_alive(slow.pid))
sleep(500)
say("the shell's mailbox", mailbox())

_, ref = spawn_monitor(lambda: Task.await_(Task.async_(exit, "oops")))
say("an owner that does not trap exits dies of", receive(("DOWN", ref, "process", ANY, ANY))[4])

trap_exit(True)
failing = Task.async_(exit, "oops")
say("an owner that traps exits", attempt(lambda: Task.await_(failing)))
