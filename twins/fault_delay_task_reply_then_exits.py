"""Scenario: a Task's reply is late (faults.delay, 500 ms), and the task ends right after
sending it. Task.await gives up at 100 ms: it exits with the timeout. The task's DOWN
travels behind its reply, so it cannot bring the reply in early; both come after the
await has demonitored, and both are dropped: the shell's mailbox stays empty.
Twin: fault_delay_task_reply_then_exits.exs."""
from twin import attempt, mailbox, name, say, start

from actorlab import Ref, Task, faults, is_alive, sleep

start(faults=[faults.delay((Ref, "done"), 500)])
task = Task.async_(lambda: "done")
name(task.pid, "task")
say("await for 100 ms", attempt(lambda: Task.await_(task, 100)))
sleep(1000)
say("the task is alive", is_alive(task.pid))
say("the shell's mailbox", mailbox())
