"""Scenario: the capstone's chat room. A Room keeps its members and its history; "say" is
a cast, and the room passes each line on to every member with a cast, never a call. So
a member may call the room while it handles what it heard: the bot asks the room who is
here, and answers, with no cycle. Members tell the shell what they hear, and the shell
prints it. Twin: capstone_room_broadcast.exs."""
from twin import name, say, start

from actorlab import ANY, GenServer, ReceiveTimeout, is_alive, receive, register, self_pid, send

start()
register("shell", self_pid())


class Room(GenServer):
    def init(self, name):
        return ("ok", {"name": name, "members": [], "history": []})

    def handle_call(self, request, from_, state):
        if request == "members":
            return ("reply", state["members"], state)
        if request == "history":
            return ("reply", state["history"], state)
        _, member = request
        return ("reply", state["history"], {**state, "members": state["members"] + [member]})

    def handle_cast(self, message, state):
        _, who, text = message
        for member in state["members"]:
            GenServer.cast(member, ("said", state["name"], who, text))
        return ("noreply", {**state, "history": state["history"] + [(who, text)]})


class Member(GenServer):
    def init(self, me):
        return ("ok", me)

    def handle_cast(self, message, me):
        _, room, who, text = message
        send("shell", ("heard", me, room, who, text))
        return ("noreply", me)


class Bot(GenServer):
    def init(self, room):
        return ("ok", room)

    def handle_cast(self, message, room):
        _, _, _, text = message
        if text == "who is here?":
            count = len(GenServer.call(room, "members"))
            GenServer.cast(room, ("say", "bot", f"{count} here"))
        return ("noreply", room)


def heard(member):
    """What `member` heard next (messages from one member arrive in order)."""
    try:
        _, _, room, who, text = receive(("heard", member, ANY, ANY, ANY), timeout=500)
        return (member, room, who, text)
    except ReceiveTimeout:
        return (member, "heard_nothing")


_, lobby = GenServer.start(Room, "#lobby", name="lobby")
_, ann = GenServer.start(Member, "ann", name="ann")
_, bot = GenServer.start(Bot, "lobby", name="bot")
name(lobby, "lobby")
name(ann, "ann")
name(bot, "bot")

say("ann joins and gets the history so far", GenServer.call("lobby", ("join", "ann")))
GenServer.cast("lobby", ("say", "ann", "anyone here?"))
say("ann hears", heard("ann"))
say("the bot joins and gets", GenServer.call("lobby", ("join", "bot")))
say("the members", GenServer.call("lobby", "members"))

GenServer.cast("lobby", ("say", "ann", "who is here?"))
say("ann hears", heard("ann"))
say("ann hears", heard("ann"))
say("the history", GenServer.call("lobby", "history"))
say("the room and the bot are alive", is_alive(lobby) and is_alive(bot))
