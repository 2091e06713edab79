# Scenario: Task.async of something it cannot run: an atom, not a function, or a function
# that takes an argument (Task.async(fun) runs fun with none). Its guard refuses it at the
# call (a FunctionClauseError, shown as ArgumentError): no task is started, nothing is
# linked to the caller, and no message comes.
# Twin: task_async_bad_function.py.
Twin.start()
links = elem(Process.info(self(), :links), 1)

Twin.say("async of an atom", Twin.attempt(fn -> Task.async(:report) end))
Twin.say("async of a fun of one argument", Twin.attempt(fn -> Task.async(fn name -> name end) end))
Twin.say("no new link", elem(Process.info(self(), :links), 1) == links)
Twin.say("what arrives", Twin.heard(100))
