"""Scenario: starting a server under a name another process has. OTP looks the name up
before it spawns anything, so start and start_link answer
("error", ("already_started", pid)) with the holder's pid, and nothing else happens: no
process is spawned, so even a caller that traps exits finds its mailbox empty. The same
goes for a via-name. Twin: genserver_start_name_taken.exs."""
from twin import mailbox, name, say, start

from actorlab import GenServer, Registry, trap_exit

start()


class Named(GenServer):
    def init(self, state):
        return ("ok", state)


_, first = GenServer.start(Named, None, name="unique")
name(first, "first")
trap_exit(True)
say("start_link", GenServer.start_link(Named, None, name="unique"))
say("start", GenServer.start(Named, None, name="unique"))
say("the shell's mailbox", mailbox())

Registry.start_link(keys="unique", name="Names")
via = ("via", Registry, ("Names", "taken"))
_, holder = GenServer.start(Named, None, name=via)
name(holder, "holder")
say("start_link by a via-name", GenServer.start_link(Named, None, name=via))
say("the shell's mailbox", mailbox())
