"""Scenario: a registered name finds a process without knowing its pid; GenServer's name=
registers at start; a name belongs to one process and dies with it; an unknown name
raises on send and exits with "noproc" on call. Twin: finding_names.exs."""
from twin import attempt, name, say, start

from actorlab import ANY, BadArgument, GenServer, exit, monitor, receive, register, send, whereis

start()


class Room(GenServer):
    def init(self, topic):
        return ("ok", [])

    def handle_cast(self, message, people):
        _, who = message
        return ("noreply", people + [who])

    def handle_call(self, request, from_, people):
        return ("reply", people, people)


before = whereis("lobby")

_, room = GenServer.start(Room)
register("lobby", room)
GenServer.cast("lobby", ("enter", "ann"))
people = GenServer.call("lobby", "who")

name(room, "lobby")
say("whereis(:lobby) before register", before)
say("whereis(:lobby) after register", whereis("lobby"))
say("who is in the room found by name", people)

_, kitchen = GenServer.start(Room, name="kitchen")
again = GenServer.start(Room, name="kitchen")

name(kitchen, "kitchen")
say("whereis(:kitchen) after start with name", whereis("kitchen"))
say("a second start with the same name", again)

try:
    send("cellar", "hello")
    unknown = "sent"
except BadArgument:
    unknown = "raised"

say("send to an unregistered name", unknown)
say("call to an unregistered name", attempt(lambda: GenServer.call("cellar", "who")))
say("cast to an unregistered name", GenServer.cast("cellar", ("enter", "bob")))

ref = monitor(room)
exit(room, "kill")
_, _, _, _, reason = receive(("DOWN", ref, "process", ANY, ANY))
say("the lobby died", reason)

say("whereis(:lobby) after it died", whereis("lobby"))
say("call by the name after it died", attempt(lambda: GenServer.call("lobby", "who")))
