"""Scenario: a process that traps exits is not killed by its links: each linked process's
exit arrives as a message ("EXIT", pid, reason), for a normal exit as well as a crash.
An exit signal sent with exit(pid, reason) arrives the same way; "normal" sent to a
process that does not trap exits is ignored, any other reason kills it. The watcher
forwards what it receives to the shell, which prints it in the order it was sent.
Twin: trap_exit.exs."""
from twin import name, say, start

from actorlab import ANY, exit, monitor, receive, self_pid, send, spawn, spawn_link, trap_exit

start()
shell = self_pid()


def crash():
    raise RuntimeError("boom")


def watch():
    trap_exit(True)
    for job in [lambda: None, crash, lambda: exit("oops")]:
        spawn_link(job)
        _, _child, reason = receive(("EXIT", ANY, ANY))
        send(shell, ("a_child_exited", reason))
    send(shell, receive())


watcher = spawn(watch)
name(watcher, "watcher")
for _ in range(3):
    say("the watcher got", receive())
exit(watcher, "shutdown")
say("the watcher got", receive())

plain = spawn(lambda: receive("never"))
ref = monitor(plain)
exit(plain, "normal")
exit(plain, "shutdown")
say("sent normal then shutdown, it exited with", receive(("DOWN", ref, "process", ANY, ANY))[4])
