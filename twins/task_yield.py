"""Scenario: Task.yield_ waits a while for a task without giving up on it: None if the
task is still running (ask again later), ("ok", result) once it has answered (and None
after that: the result is taken), ("exit", reason) if it died, which a linked owner sees
only when it traps exits; the EXIT from the link stays in the owner's mailbox.
Twin: task_yield.exs."""
from twin import mailbox, name, say, start

from actorlab import Task, exit, sleep, trap_exit

start()


def slow_job():
    sleep(300)
    return "done"


slow = Task.async_(slow_job)
say("yield for 100 ms", Task.yield_(slow, 100))
say("yield for 500 ms", Task.yield_(slow, 500))
say("yield again", Task.yield_(slow, 100))

trap_exit(True)
failing = Task.async_(exit, "oops")
name(failing.pid, "task")
say("yield a task that exits", Task.yield_(failing, 100))
say("the shell's mailbox", mailbox())
