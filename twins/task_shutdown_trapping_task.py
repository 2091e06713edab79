"""Scenario: Task.shutdown of tasks that trap exits. Each gets ("EXIT", owner, "shutdown")
as a message and decides: one returns what it saw, and shutdown answers ("ok", value); one
exits "cleanup": ("exit", "cleanup"); one ignores it and is killed when the 100 ms run
out: ("exit", "killed"); one exits "shutdown" itself: None, as if it had been stopped.
"brutal_kill" does not ask: None. The owner does not trap exits, lives on, and gets no
message. Twin: task_shutdown_trapping_task.exs."""
from twin import heard, say, start

from actorlab import ANY, Task, exit, receive, self_pid, send, sleep, trap_exit

start()
shell = self_pid()


def trapping(after_exit):
    def job():
        trap_exit(True)
        send(shell, "ready")
        _, from_, reason = receive(("EXIT", ANY, ANY))
        return after_exit((from_ == shell, reason))

    task = Task.async_(job)
    receive("ready")
    return task


def nap(_seen):
    sleep(1000)


t1 = trapping(lambda seen: seen)
say("returns what it saw (from the owner?, reason)", Task.shutdown(t1, 100))
t2 = trapping(lambda _seen: exit("cleanup"))
say("exits :cleanup", Task.shutdown(t2, 100))
t3 = trapping(nap)
say("ignores it", Task.shutdown(t3, 100))
t4 = trapping(lambda _seen: exit("shutdown"))
say("exits :shutdown", Task.shutdown(t4, 100))
t5 = trapping(nap)
say("brutal_kill", Task.shutdown(t5, "brutal_kill"))
say("mailbox", heard())
