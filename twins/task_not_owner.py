"""Scenario: only the process that started a task (its owner) may collect it. Task.await_,
Task.yield_ and Task.shutdown from any other process raise BadArgument (Elixir's
ArgumentError: an error, not an exit), and the task is untouched: its owner still gets the
result. Twin: task_not_owner.exs."""
from twin import attempt, say, start

from actorlab import ANY, Task, receive, self_pid, send, spawn

start()

shell = self_pid()
task = Task.async_(lambda: "result")


def stranger():
    send(shell, ("await", attempt(lambda: Task.await_(task))))
    send(shell, ("yield", attempt(lambda: Task.yield_(task))))
    send(shell, ("shutdown", attempt(lambda: Task.shutdown(task))))


spawn(stranger)

for what in ["await", "yield", "shutdown"]:
    say(f"Task.{what} from another process", receive((what, ANY))[1])

say("Task.await by the owner", Task.await_(task))
