"""Scenario: a monitor whose ref is also an alias (alias="demonitor", what a GenServer
call uses). Any number of messages sent through it arrive while the monitor lives. Once
the DOWN has come the alias is gone, so unalias says False; unalias on a live monitor's
alias says True and ends only the alias: the monitor still fires. A plain alias whose
owner has exited can still be sent to: send returns the message, which reaches no one.
Twin: monitor_alias_unalias.exs."""
from twin import attempt, heard, say, start

from actorlab import (ANY, alias, is_alive, monitor, receive, self_pid, send, sleep, spawn,
                      unalias)

start()
shell = self_pid()

worker = spawn(lambda: receive("stop"))
ref = monitor(worker, alias="demonitor")


def send_two():
    send(ref, "one")
    send(ref, "two")
    send(shell, "sent")


spawn(send_two)
receive("sent")
say("through the monitor's alias", heard(100))
send(worker, "stop")
say("the DOWN", receive(("DOWN", ref, ANY, ANY, ANY))[4])
say("unalias after the DOWN", unalias(ref))

other = spawn(lambda: receive("stop"))
ref = monitor(other, alias="demonitor")
say("unalias a live monitor's alias", unalias(ref))
send(other, "stop")
say("the monitor still fires", receive(("DOWN", ref, ANY, ANY, ANY))[4])

owner = spawn(lambda: send(shell, ("alias", alias())))
door = receive(("alias", ANY))[1]
sleep(100)
say("the owner is alive", is_alive(owner))
say("send to its alias", attempt(lambda: send(door, "hi")))
