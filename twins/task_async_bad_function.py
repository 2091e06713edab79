"""Scenario: Task.async_ of something it cannot run: a string, not a function, or a
function that takes an argument it is not given (Task.async_(fn, *args) runs fn(*args)).
It is refused at the call (a BadArgument, Elixir's guard raises a FunctionClauseError):
no task is started, nothing is linked to the caller, and no message comes.
Twin: task_async_bad_function.exs."""
from twin import attempt, heard, say, start

from actorlab import Task, process_info, self_pid

start()
links = process_info(self_pid())["links"]

say("async of an atom", attempt(lambda: Task.async_("report")))
say("async of a fun of one argument", attempt(lambda: Task.async_(lambda name: name)))
say("no new link", process_info(self_pid())["links"] == links)
say("what arrives", heard(100))
