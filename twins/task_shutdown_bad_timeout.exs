# Scenario: Task.shutdown with a timeout that is not a timeout (:soon, -1, 1.5). Its guard
# refuses it before anything is done (a FunctionClauseError, shown as ArgumentError): the
# task is not unlinked or stopped, so it is still alive and linked, and Task.await still
# gets its result.
# Twin: task_shutdown_bad_timeout.py.
Twin.start()

task = Task.async(fn -> Process.sleep(200); :finished end)
Twin.name(task.pid, "task")
Twin.say("shutdown, timeout :soon", Twin.attempt(fn -> Task.shutdown(task, :soon) end))
Twin.say("shutdown, timeout -1", Twin.attempt(fn -> Task.shutdown(task, -1) end))
Twin.say("shutdown, timeout 1.5", Twin.attempt(fn -> Task.shutdown(task, 1.5) end))
Twin.say("the task is alive", Process.alive?(task.pid))
Twin.say("still linked", task.pid in elem(Process.info(self(), :links), 1))
Twin.say("the shell's mailbox", Twin.mailbox())
Twin.say("await", Twin.attempt(fn -> Task.await(task, 1000) end))
