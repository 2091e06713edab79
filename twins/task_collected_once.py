"""Scenario: a task's outcome can be collected once. The owner traps exits here. A task
that raises sends the owner both an EXIT (from the link) and a DOWN (from the monitor),
EXIT first, each with the exception; Task.yield_ takes the DOWN and answers
("exit", exception), leaving the EXIT; after that, yield_ finds nothing (None) and
Task.await_ times out. A finished task's reply, EXIT and DOWN wait in the mailbox: yield_
takes the reply and the DOWN; await_ after it times out. After Task.await_, another await_
times out, yield_ gives None, and Task.shutdown ("exit", "noproc").
Twin: task_collected_once.exs."""
from twin import attempt, heard, mailbox, name, say, start

from actorlab import Task, sleep, trap_exit

start()
trap_exit(True)


def boom():
    raise RuntimeError("boom")


task = Task.async_(boom)
name(task.pid, "task")
sleep(100)
say("mailbox (first elements)", [m[0] for m in mailbox()])
say("yield", Task.yield_(task, 100))
say("mailbox", heard())
say("yield again", Task.yield_(task, 100))
say("await", attempt(lambda: Task.await_(task, 100)))

done = Task.async_(lambda: "result")
name(done.pid, "done")
sleep(100)
say("mailbox (first elements)", [m[0] for m in mailbox()])
say("yield a finished task", Task.yield_(done, 0))
say("mailbox", heard())
say("await it after the yield", attempt(lambda: Task.await_(done, 100)))

again = Task.async_(lambda: "twice")
say("await", Task.await_(again))
say("await twice", attempt(lambda: Task.await_(again, 100)))
say("yield after await", Task.yield_(again, 100))
say("shutdown after await", Task.shutdown(again))
