"""Scenario: a Task is killed while it works (faults.kill("work", after=1)).
Twin: fault_kill_task.exs."""
from twin import attempt, mailbox, name, say, start

from actorlab import ANY, OneOf, Task, faults, monitor, receive, self_pid, send, sleep, spawn, trap_exit

start(faults=[faults.kill("work", after=1), faults.kill("work", after=1)])
shell = self_pid()


def work():
    receive("go")
    sleep(1000)


for trap in (False, True):
    def owner_fn():
        receive("start")
        trap_exit(trap)
        task = Task.async_(work)
        send(task.pid, "go")
        result = attempt(lambda: Task.await_(task, 500))
        if type(result) is tuple and result[0] == "exit" and type(result[1]) is tuple:
            result = ("exit", (result[1][0], "await"))
        box = [("EXIT", m[2]) if type(m) is tuple and m[0] == "EXIT" else m for m in mailbox()]
        send(shell, ("owner", result, box))
    owner = spawn(owner_fn)
    name(owner, "owner")
    ref = monitor(owner)
    send(owner, "start")
    m = receive(OneOf(("owner", ANY, ANY), ("DOWN", ref, "process", ANY, ANY)))
    if m[0] == "owner":
        say(f"trap {'true' if trap else 'false'}: await", m[1])
        say(f"trap {'true' if trap else 'false'}: owner's mailbox", m[2])
    else:
        say(f"trap {'true' if trap else 'false'}: the owner ended", m[4])
