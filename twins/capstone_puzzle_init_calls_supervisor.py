"""Scenario: a deadlock puzzle of the capstone. A room's init asks its own supervisor how
many rooms there are. But the supervisor is busy starting that very room: start_child
waits until init returns, and init waits for the supervisor's answer. Nothing here has
a timeout, so it waits forever (the shell gives up after 500 ms). With a continue, a
room asks once init has returned, and that works.
Twin: capstone_puzzle_init_calls_supervisor.exs."""
from twin import say, start

from actorlab import (ANY, DynamicSupervisor, GenServer, ReceiveTimeout, receive, self_pid,
                      send, spawn)

start()


class Census(GenServer):
    def init(self, name):
        rooms = DynamicSupervisor.count_children("RoomSupervisor")["active"]
        return ("ok", (name, rooms))


class LateCensus(GenServer):
    def init(self, name):
        return ("ok", (name, None), ("continue", "count"))

    def handle_continue(self, arg, state):
        name, _ = state
        return ("noreply", (name, DynamicSupervisor.count_children("RoomSupervisor")["active"]))

    def handle_call(self, request, from_, state):
        return ("reply", state, state)


DynamicSupervisor.start_link(name="RoomSupervisor")
shell = self_pid()

for module in [LateCensus, Census]:
    # Like Elixir's, actorlab's start_link waits for init as long as it takes.
    spec = {"id": "#lobby", "start": (GenServer.start_link, (module, "#lobby"))}
    spawn(lambda: send(shell, ("started", DynamicSupervisor.start_child("RoomSupervisor", spec))))
    try:
        _, (_, pid) = receive(("started", ANY), timeout=500)
        say("started; its state", GenServer.call(pid, "state"))
    except ReceiveTimeout:
        say("after 500 ms, start_child has not returned", module.__name__)
