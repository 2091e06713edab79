# Scenario: Task.start and Task.start_link run a function in a new process for its
# effect: they return {:ok, pid} and nobody awaits a result. A Task.start crash leaves the
# caller alone (no link); a Task.start_link task is linked, so the trapping shell gets its
# EXIT: the error for a crash, :normal when it returns. A function that cannot be called
# with no arguments is refused at once.
# Twin: task_start.py.
Twin.start()
Process.flag(:trap_exit, true)
shell = self()

{:ok, pid} = Task.start(fn -> send(shell, :hello_from_start) end)
Twin.name(pid, "started")
Twin.say("Task.start sent", receive(do: (message -> message)))
{:ok, crasher} = Task.start(fn -> raise "boom" end)
Twin.name(crasher, "crasher")
Twin.say("after a Task.start crash", Twin.heard())
{:ok, linked} = Task.start_link(fn -> raise "boom" end)
Twin.name(linked, "linked")
Twin.say("after a Task.start_link crash", Twin.heard())
{:ok, fine} = Task.start_link(Kernel, :send, [shell, :hello_from_start_link])
Twin.name(fine, "fine")
Twin.say("after a Task.start_link that returns", Twin.heard())
Twin.say("Task.start with a non-function", Twin.attempt(fn -> Task.start(:not_a_function) end))
Twin.say("Task.start with a fn of one argument", Twin.attempt(fn -> Task.start(fn x -> x end) end))
