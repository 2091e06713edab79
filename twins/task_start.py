"""Scenario: Task.start and Task.start_link run a function in a new process for its
effect: they return ("ok", pid) and nobody awaits a result. A Task.start crash leaves the
caller alone (no link); a Task.start_link task is linked, so the trapping shell gets its
EXIT: the error for a crash, "normal" when it returns. A function that cannot be called
with the arguments given is refused at once.
Twin: task_start.exs."""
from twin import attempt, heard, name, say, start

from actorlab import Task, receive, self_pid, send, trap_exit

start()
trap_exit(True)
shell = self_pid()


def boom():
    raise RuntimeError("boom")


_, pid = Task.start(lambda: send(shell, "hello_from_start"))
name(pid, "started")
say("Task.start sent", receive())
_, crasher = Task.start(boom)
name(crasher, "crasher")
say("after a Task.start crash", heard())
_, linked = Task.start_link(boom)
name(linked, "linked")
say("after a Task.start_link crash", heard())
_, fine = Task.start_link(send, shell, "hello_from_start_link")
name(fine, "fine")
say("after a Task.start_link that returns", heard())
say("Task.start with a non-function", attempt(lambda: Task.start("not_a_function")))
say("Task.start with a fn of one argument", attempt(lambda: Task.start(lambda x: x)))
