"""Scenario: a task under a supervisor. Elixir's child {Task, fun} is Task.child_spec(fun):
id Task, started with Task.start_link(fun), restart "temporary". actorlab has no
Task.child_spec (its AttributeError gives this dict instead), and the dict does the same:
which_children shows the task (id Task, a worker, modules [Task]), and once it returns it
is gone from the supervisor's children, not restarted.
Twin: task_supervised_child.exs."""
from twin import name, say, start

from actorlab import receive, self_pid, send, sleep
from actorlab.otp import Supervisor, Task

start()
shell = self_pid()


def job():
    receive("go")
    send(shell, "done")


spec = {"id": "Task", "start": (Task.start_link, (job,)), "restart": "temporary"}
say("the spec of {Task, job}", {key: value for key, value in spec.items() if key != "start"})
_, sup = Supervisor.start_link([spec], strategy="one_for_one")
[(id_, task, type_, modules)] = Supervisor.which_children(sup)
name(task, "task")
say("its child", (id_, task, type_, modules))
send(task, "go")
say("the task says", receive())
sleep(100)
say("its children once the task returned", Supervisor.which_children(sup))
say("count_children", Supervisor.count_children(sup))
