"""Scenario: send_after's edge cases. A 0 ms timer has not fired by the next line:
read_timer gives 0, the mailbox is empty, and cancel_timer (0) stops it, so its message
never comes. A timer to a pid that has already exited is cancelled at once (read_timer
and cancel_timer: False). A ref that no timer made gives False too.
Twin: send_after_edge.exs."""
from twin import heard, mailbox, say, start

from actorlab import cancel_timer, make_ref, read_timer, self_pid, send_after, sleep, spawn

start()
now = send_after(self_pid(), "now", 0)
say("0 ms: read_timer at once", read_timer(now))
say("0 ms: the mailbox", mailbox())
say("0 ms: cancel_timer", cancel_timer(now))
say("0 ms: the mailbox later", heard(100))

dead = spawn(lambda: None)
sleep(100)
timer = send_after(dead, "hello", 500)
say("to a dead pid: read_timer", read_timer(timer))
say("to a dead pid: cancel_timer", cancel_timer(timer))

other = make_ref()
say("read_timer of a plain ref", read_timer(other))
say("cancel_timer of a plain ref", cancel_timer(other))
