"""Scenario: an exit signal with a custom reason, sent with exit(pid, reason) to a process
that does not trap exits, kills it with that reason, and the reason travels on along its
links: its non-trapping partner dies with the same ("custom", 1). The shell, trapping
exits and linked to both, gets an EXIT from each (they come from different processes,
so they are sorted before printing: the target's, then the partner's).
Twin: exit_reason_along_links.exs."""
from twin import heard, name, say, start

from actorlab import exit, link, receive, self_pid, send, spawn, spawn_link, trap_exit

start()
trap_exit(True)
shell = self_pid()

target = spawn_link(lambda: receive("never"))
name(target, "target")


def partner_body():
    link(target)
    link(shell)
    send(shell, "ready")
    receive("never")


partner = spawn(partner_body)
name(partner, "partner")
receive("ready")

exit(target, ("custom", 1))
exits = heard(100)
say("the shell got", sorted(exits, key=lambda message: message[1] == partner))
