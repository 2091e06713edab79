"""Scenario: linking to a process that has already exited. A caller that does not trap
exits gets a catchable error, "noproc" (OTP 25's link/1 raises it), and lives on; one
that traps exits gets True and an ("EXIT", pid, "noproc") message, as if the link had been
made and then broken. Twin: link_dead_pid_raises_noproc.exs (needs actorlab's runtime to
raise instead of sending an exit signal)."""
from twin import attempt, mailbox, name, say, start

from actorlab import link, sleep, spawn, trap_exit

start()

dead = spawn(lambda: "ok")
name(dead, "dead")
sleep(100)
say("link, not trapping exits", attempt(lambda: link(dead)))
say("the shell lives on, its mailbox", mailbox())
trap_exit(True)
say("link, trapping exits", link(dead))
say("the shell's mailbox", mailbox())
