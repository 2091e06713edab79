"""Scenario: a pid kept in another server's state goes stale when its process is replaced:
a cast to it is silently dropped, a call to it exits with "noproc", and only the name
reaches the replacement. Twin: finding_stale_pid.exs."""
from twin import attempt, name, say, start

from actorlab import ANY, GenServer, exit, is_alive, monitor, receive, whereis

start()


class Room(GenServer):
    def init(self, topic):
        return ("ok", [])

    def handle_cast(self, message, people):
        _, who = message
        return ("noreply", people + [who])

    def handle_call(self, request, from_, people):
        return ("reply", people, people)


class Doorman(GenServer):
    def init(self, room):
        return ("ok", room)

    def handle_call(self, request, from_, room):
        _, who = request
        GenServer.cast(room, ("enter", who))
        return ("reply", "ok", room)


_, lobby = GenServer.start(Room, name="lobby")
_, doorman = GenServer.start(Doorman, lobby)
GenServer.call(doorman, ("admit", "ann"))

name(lobby, "old lobby")
name(doorman, "doorman")
say("who is in the lobby", GenServer.call("lobby", "who"))

ref = monitor(lobby)
exit(lobby, "kill")
_, _, _, _, reason = receive(("DOWN", ref, "process", ANY, ANY))
say("the old lobby died", reason)

_, new_lobby = GenServer.start(Room, name="lobby")
name(new_lobby, "new lobby")
say("whereis(:lobby) now", whereis("lobby"))

say("the doorman admits bob", GenServer.call(doorman, ("admit", "bob")))
say("who is in the new lobby", GenServer.call("lobby", "who"))
say("the old pid is alive", is_alive(lobby))
say("a call to the old pid", attempt(lambda: GenServer.call(lobby, "who")))
