"""Scenario: Task.yield_many gives several tasks one timeout in all, and answers for each
task, in the order given: ("ok", result), ("exit", reason) (the owner traps exits here),
or None for one still running, which can be yielded again later.
Twin: task_yield_many.exs."""
from twin import say, start

from actorlab import Task, exit, sleep, trap_exit

start()
trap_exit(True)


def sleeper(ms, result):
    sleep(ms)
    return result


tasks = [
    Task.async_(sleeper, 100, "quick"),
    Task.async_(sleeper, 1000, "slow"),
    Task.async_(exit, "oops"),
    Task.async_(lambda: "at_once"),
]

results = Task.yield_many(tasks, 500)
say("the tasks come back in order", [task for task, _ in results] == tasks)
say("yield_many, 500 ms", [result for _, result in results])
say("the slow one, yielded again", Task.yield_(tasks[1], 1000))
