"""Scenario: an alias (OTP 24+) is a ref that stands for the process that made it: a
message sent to it reaches that process until unalias, after which such messages are
dropped. unalias returns True for an active alias and False after that.
Twin: alias_unalias.exs."""
from twin import mailbox, say, start

from actorlab import ANY, alias, receive, self_pid, send, spawn, unalias

start()
shell = self_pid()

door = alias()
spawn(lambda: send(door, ("knock", 1)))
say("through the alias", receive(("knock", ANY))[1])
say("unalias", unalias(door))
say("unalias again", unalias(door))
spawn(lambda: (send(door, ("knock", 2)), send(shell, "sent")))
receive("sent")
say("after unalias, the shell's mailbox", mailbox())
