# Scenario: a task under a supervisor. Elixir's child {Task, fun} is Task.child_spec(fun):
# id Task, started with Task.start_link(fun), restart :temporary. actorlab has no
# Task.child_spec (its AttributeError gives this dict instead), and the dict does the
# same: which_children shows the task (id Task, a worker, modules [Task]), and once it
# returns it is gone from the supervisor's children, not restarted.
# Twin: task_supervised_child.py.
Twin.start()
shell = self()
job = fn -> receive do: (:go -> send(shell, :done)) end
Twin.say("the spec of {Task, job}", Map.delete(Task.child_spec(job), :start))
{:ok, sup} = Supervisor.start_link([{Task, job}], strategy: :one_for_one)
[{id, task, type, modules}] = Supervisor.which_children(sup)
Twin.name(task, "task")
Twin.say("its child", {id, task, type, modules})
send(task, :go)
Twin.say("the task says", receive(do: (message -> message)))
Process.sleep(100)
Twin.say("its children once the task returned", Supervisor.which_children(sup))
Twin.say("count_children", Supervisor.count_children(sup))
