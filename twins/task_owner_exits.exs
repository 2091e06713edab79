# Scenario: a task and the owner that dies before collecting it. The task is linked to its
# owner: an owner that crashes takes the task with it, with the owner's reason; an owner
# that ends normally does not, and the task runs on (its result then goes nowhere).
# Twin: task_owner_exits.py.
Twin.start()
shell = self()

for ending <- [:oops, :normal] do
  owner = spawn(fn ->
    task = Task.async(fn -> Process.sleep(1000) end)
    send(shell, {:task, task.pid})
    receive do: (:end -> exit(ending))
  end)

  task_pid = receive do: ({:task, pid} -> pid)
  ref = Process.monitor(task_pid)
  send(owner, :end)

  receive do
    {:DOWN, ^ref, :process, _, reason} -> Twin.say("the owner exits with #{ending}: the task dies of", reason)
  after
    500 -> Twin.say("the owner exits with #{ending}: the task is alive", Process.alive?(task_pid))
  end
end
