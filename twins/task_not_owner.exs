# Scenario: only the process that started a task (its owner) may collect it. Task.await,
# Task.yield and Task.shutdown from any other process raise ArgumentError (an error, not
# an exit), and the task is untouched: its owner still gets the result.
# Twin: task_not_owner.py.
Twin.start()

shell = self()
task = Task.async(fn -> :result end)

spawn(fn ->
  send(shell, {:await, Twin.attempt(fn -> Task.await(task) end)})
  send(shell, {:yield, Twin.attempt(fn -> Task.yield(task) end)})
  send(shell, {:shutdown, Twin.attempt(fn -> Task.shutdown(task) end)})
end)

for what <- [:await, :yield, :shutdown] do
  receive do: ({^what, outcome} -> Twin.say("Task.#{what} from another process", outcome))
end

Twin.say("Task.await by the owner", Task.await(task))
