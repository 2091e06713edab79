"""Scenario: Task.shutdown with a timeout that is not a timeout ("soon", -1, 1.5). It is
refused before anything is done (a BadArgument, Elixir's guard raises a
FunctionClauseError): the task is not unlinked or stopped, so it is still alive and
linked, and Task.await_ still gets its result.
Twin: task_shutdown_bad_timeout.exs."""
from twin import attempt, mailbox, name, say, start

from actorlab import Task, is_alive, process_info, self_pid, sleep

start()


def job():
    sleep(200)
    return "finished"


task = Task.async_(job)
name(task.pid, "task")
say("shutdown, timeout :soon", attempt(lambda: Task.shutdown(task, "soon")))
say("shutdown, timeout -1", attempt(lambda: Task.shutdown(task, -1)))
say("shutdown, timeout 1.5", attempt(lambda: Task.shutdown(task, 1.5)))
say("the task is alive", is_alive(task.pid))
say("still linked", task.pid in process_info(self_pid())["links"])
say("the shell's mailbox", mailbox())
say("await", attempt(lambda: Task.await_(task, 1000)))
