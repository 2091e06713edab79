# Scenario: Task.yield_many gives several tasks one timeout in all, and answers for each
# task, in the order given: {:ok, result}, {:exit, reason} (the owner traps exits here),
# or nil for one still running, which can be yielded again later.
# Twin: task_yield_many.py.
Twin.start()
Process.flag(:trap_exit, true)

tasks = [
  Task.async(fn -> Process.sleep(100); :quick end),
  Task.async(fn -> Process.sleep(1000); :slow end),
  Task.async(fn -> exit(:oops) end),
  Task.async(fn -> :at_once end)
]

results = Task.yield_many(tasks, 500)
Twin.say("the tasks come back in order", Enum.map(results, fn {task, _} -> task end) == tasks)
Twin.say("yield_many, 500 ms", Enum.map(results, fn {_, result} -> result end))
Twin.say("the slow one, yielded again", Task.yield(Enum.at(tasks, 1), 1000))
