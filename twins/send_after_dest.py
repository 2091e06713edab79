"""Scenario: where a timer's message goes. A name is looked up when the timer fires, so it
may be registered after send_after; a name nobody has by then gets nothing, and no
error. A timer to a pid is cancelled when that process exits (read_timer: False). The
timer does not belong to the process that set it: it fires after that process has
exited. Twin: send_after_dest.exs (needs actorlab's send_after and read_timer)."""
from twin import say, start

from actorlab import (ANY, exit, read_timer, receive, register, self_pid, send, send_after,
                      sleep, spawn)

start()
shell = self_pid()

send_after("later", "hello", 100)
listener = spawn(lambda: send(shell, ("listener_got", receive())))
register("later", listener)
say("a name registered after send_after gets", receive(("listener_got", ANY))[1])

nobody = send_after("nobody", "hello", 100)
sleep(200)
say("to a name nobody has: read_timer after it fired", read_timer(nobody))

doomed = spawn(lambda: receive("never"))
timer = send_after(doomed, "hello", 500)
exit(doomed, "kill")
sleep(100)
say("to a pid that exited: read_timer", read_timer(timer))

spawn(lambda: send_after(shell, "from_a_process_that_has_exited", 100))
say("the shell gets", receive())
