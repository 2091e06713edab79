# Scenario: Task.yield_many with every kind of outcome, the owner trapping exits: a raise
# and an exit give {:exit, reason}, :normal too (the task ended without a result); a
# result gives {:ok, value}; a task already collected with await gives nil, like one
# still running. With timeout 0, after every task but the slow one has ended. A list that
# holds another process's task raises ArgumentError, but only once yield_many reaches it:
# it has already taken the results of the tasks before it, so await on them times out.
# Twin: task_yield_many_outcomes.py.
Twin.start()
Process.flag(:trap_exit, true)
shell = self()

collected = Task.async(fn -> :old end)
Task.await(collected)

tasks = [
  Task.async(fn -> raise "boom" end),
  Task.async(fn -> exit(:oops) end),
  Task.async(fn -> exit(:normal) end),
  Task.async(fn -> :value end),
  collected,
  Task.async(fn -> Process.sleep(1000) end)
]

Process.sleep(100)
Twin.say("yield_many, 0", Enum.map(Task.yield_many(tasks, 0), fn {_task, result} -> result end))
Twin.say("EXITs (from different tasks, so counted)", length(Twin.heard()))

spawn(fn ->
  send(shell, Task.async(fn -> :theirs end))
  Process.sleep(500)
end)

theirs = receive do: (%Task{} = task -> task)
mine = Task.async(fn -> :mine end)
Twin.say("another's task in the list", Twin.attempt(fn -> Task.yield_many([mine, theirs], 100) end))
Twin.say("await mine after that", Twin.attempt(fn -> Task.await(mine, 100) end))
