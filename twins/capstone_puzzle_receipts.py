"""Scenario: a deadlock puzzle of the capstone. A room that wants a receipt from each
member calls them (1 s at most); the greeter, a member, calls the room back while it
handles the call. Each waits for the other: after 1 s the room's call times out and
the room crashes, the greeter's call to the dead room exits, and so does the shell's.
Twin: capstone_puzzle_receipts.exs."""
from twin import attempt, name, say, start

from actorlab import GenServer, is_alive

start()


class ReceiptRoom(GenServer):
    def init(self, members):
        return ("ok", members)

    def handle_call(self, request, from_, members):
        return ("reply", members, members)

    def handle_cast(self, message, members):
        for member in members:
            GenServer.call(member, message, 1000)
        return ("noreply", members)


class Greeter(GenServer):
    def init(self, room):
        return ("ok", room)

    def handle_call(self, message, from_, room):
        _, who, text = message
        if text == "hello, all":
            count = len(GenServer.call(room, "members"))
            GenServer.cast(room, ("said", "greeter", f"welcome {who}: {count} here"))
        return ("reply", "got_it", room)


_, lobby = GenServer.start(ReceiptRoom, ["greeter"], name="lobby")
_, greeter = GenServer.start(Greeter, "lobby", name="greeter")
name(lobby, "lobby")
name(greeter, "greeter")
say("the cast returns", GenServer.cast("lobby", ("said", "ann", "hello, all")))
say("the shell's call", attempt(lambda: GenServer.call("lobby", "members")))
say("the lobby is alive", is_alive(lobby))
say("the greeter is alive", is_alive(greeter))
