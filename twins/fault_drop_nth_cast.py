"""Scenario: the second of three casts is dropped. Twin: fault_drop_nth_cast.exs."""
from twin import mailbox, say, start

from actorlab import ANY, GenServer, faults

start(faults=[faults.drop(("$gen_cast", ("add", ANY)), nth=2)])


class Counter(GenServer):
    def init(self, n):
        return ("ok", n)

    def handle_cast(self, request, n):
        return ("noreply", n + request[1])

    def handle_call(self, request, from_, n):
        return ("reply", n, n)


_, pid = GenServer.start(Counter, 0)
for k in (1, 2, 4):
    GenServer.cast(pid, ("add", k))
say("the count", GenServer.call(pid, "get"))
say("the shell's mailbox", mailbox())
