"""Scenario: a task's monitor fires with "noconnection" (what a monitor reports when the
task is cut off, by a partition of actorlab's faults or, on the BEAM, its node's
connection lost; staged by hand: an exit signal "noconnection"). Elixir's Task makes it
no result: await, yield, yield_many and shutdown all exit with ("nodedown", node), this
node (nonode@nohost) for a local task. The owner traps exits, so the link's EXIT is left
in its mailbox (the test waits until it is there).
Twin: task_noconnection.exs."""
from twin import attempt, heard, say, start

from actorlab import Task, exit, sleep, trap_exit

start()
trap_exit(True)


def cut_off():
    task = Task.async_(sleep, 1000)
    exit(task.pid, "noconnection")
    sleep(50)
    return task


task = cut_off()
say("await", attempt(lambda: Task.await_(task)))
say("mailbox", heard(100))
task = cut_off()
say("yield", attempt(lambda: Task.yield_(task)))
task = cut_off()
say("yield_many", attempt(lambda: Task.yield_many([task])))
task = cut_off()
say("shutdown", attempt(lambda: Task.shutdown(task)))
say("mailbox", heard(100))
