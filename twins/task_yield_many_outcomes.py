"""Scenario: Task.yield_many with every kind of outcome, the owner trapping exits: a raise
and an exit give ("exit", reason), "normal" too (the task ended without a result); a
result gives ("ok", value); a task already collected with await_ gives None, like one still
running. With timeout 0, after every task but the slow one has ended. A list that holds
another process's task raises ArgumentError, but only once yield_many reaches it: it has
already taken the results of the tasks before it, so await_ on them times out.
Twin: task_yield_many_outcomes.exs."""
from twin import attempt, heard, say, start

from actorlab import Task, exit, receive, self_pid, send, sleep, spawn, trap_exit

start()
trap_exit(True)
shell = self_pid()

collected = Task.async_(lambda: "old")
Task.await_(collected)


def boom():
    raise RuntimeError("boom")


tasks = [
    Task.async_(boom),
    Task.async_(exit, "oops"),
    Task.async_(exit, "normal"),
    Task.async_(lambda: "value"),
    collected,
    Task.async_(sleep, 1000),
]

sleep(100)
say("yield_many, 0", [result for _task, result in Task.yield_many(tasks, 0)])
say("EXITs (from different tasks, so counted)", len(heard()))


def other():
    send(shell, Task.async_(lambda: "theirs"))
    sleep(500)


spawn(other)
theirs = receive(Task)
mine = Task.async_(lambda: "mine")
say("another's task in the list", attempt(lambda: Task.yield_many([mine, theirs], 100)))
say("await mine after that", attempt(lambda: Task.await_(mine, 100)))
