"""Scenario: replacement by hand. A keeper traps exits, starts a named room linked to it,
and starts a new one each time the room dies; the name reaches each new room, a pid
kept from before does not. A message sent by name right after the kill comes before
the keeper has started the new room, and is lost: a name shortens the gap, it does not
remove it. Twin: finding_keeper.exs."""
from twin import attempt, name, say, start

from actorlab import (ANY, GenServer, exit, is_alive, receive, self_pid, send, sleep, spawn,
                      trap_exit, whereis)

start()


class Room(GenServer):
    def init(self, topic):
        return ("ok", [])

    def handle_cast(self, message, people):
        _, who = message
        return ("noreply", people + [who])

    def handle_call(self, request, from_, people):
        return ("reply", people, people)


def keeper_loop(room_name):
    trap_exit(True)
    while True:
        _, room = GenServer.start_link(Room, name=room_name)
        receive(("EXIT", room, ANY))


keeper = spawn(keeper_loop, "lobby")
sleep(100)
GenServer.cast("lobby", ("enter", "ann"))
first = whereis("lobby")

name(keeper, "keeper")
name(first, "first lobby")
say("whereis(:lobby)", first)
say("who", GenServer.call("lobby", "who"))

exit(first, "kill")
sleep(100)
second = whereis("lobby")
name(second, "second lobby")
say("after the kill, whereis(:lobby)", second)
say("who, by name", GenServer.call("lobby", "who"))
say("who, by the old pid", attempt(lambda: GenServer.call(first, "who")))

GenServer.cast("lobby", ("enter", "bob"))
say("who, after bob entered by name", GenServer.call("lobby", "who"))

shell = self_pid()


def impatient():
    exit(whereis("lobby"), "kill")
    GenServer.cast("lobby", ("enter", "cat"))
    send(shell, "cast_sent")


spawn(impatient)
receive("cast_sent")
sleep(100)
say("who, after cat was cast by name right after a kill", GenServer.call("lobby", "who"))
say("the keeper is alive", is_alive(keeper))
