"""Scenario: sleep("infinity") parks a process for good: it stays alive, keeps its name
and its mailbox, and only an exit signal ends it (a monitor then hears why).
`receive(timeout="infinity")` waits as a receive with no timeout does. A time that is not
a whole number of ms, or "infinity", is refused.
Twin: sleep_infinity.exs."""
from twin import attempt, heard, name, say, start

from actorlab import (exit, is_alive, monitor, process_info, receive, register, self_pid,
                      send, sleep, spawn, whereis)

start()
shell = self_pid()

parked = spawn(sleep, "infinity")
name(parked, "parked")
register("parked", parked)
send("parked", "wake_up")
sleep(1000)
say("alive after a message and 1000 ms", is_alive(parked))
say("its name", whereis("parked"))
say("its mailbox", process_info(parked)["messages"])
monitor(parked)
exit(parked, "stop")
say("an exit signal ends it", heard())
say("its name now", whereis("parked"))


def waiter():
    send(shell, ("got", receive(timeout="infinity")))


waiter_pid = spawn(waiter)
sleep(5000)
send(waiter_pid, "late")
say("after :infinity", heard())
say("sleep(:forever)", attempt(lambda: sleep("forever")))
say("sleep(-1)", attempt(lambda: sleep(-1)))
