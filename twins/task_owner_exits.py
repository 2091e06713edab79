"""Scenario: a task and the owner that dies before collecting it. The task is linked to its
owner: an owner that crashes takes the task with it, with the owner's reason; an owner
that ends normally does not, and the task runs on (its result then goes nowhere).
Twin: task_owner_exits.exs."""
from twin import say, start

from actorlab import (ANY, ReceiveTimeout, Task, exit, is_alive, monitor, receive, self_pid, send,
                      sleep, spawn)

start()
shell = self_pid()


def owner(ending):
    task = Task.async_(sleep, 1000)
    send(shell, ("task", task.pid))
    receive("end")
    exit(ending)


for ending in ["oops", "normal"]:
    owner_pid = spawn(owner, ending)
    _, task_pid = receive(("task", ANY))
    ref = monitor(task_pid)
    send(owner_pid, "end")
    try:
        reason = receive(("DOWN", ref, "process", ANY, ANY), timeout=500)[4]
        say(f"the owner exits with {ending}: the task dies of", reason)
    except ReceiveTimeout:
        say(f"the owner exits with {ending}: the task is alive", is_alive(task_pid))
