"""Scenario: the fix for a stale pid is a name. The room registers itself in a Registry
under its name (a via-name), the greeter is started with the room's name instead of
its pid, and every call looks the name up: after the room crashes and is restarted,
the name leads to the new room. But not at once: a post sent right after a kill comes
before the supervisor has started the next room, and exits with noproc (a name shortens
the gap, it does not remove it). Twin: supervisor_registry_via_name.exs."""
from twin import attempt, name, say, start

from actorlab import (ANY, DynamicSupervisor, GenServer, ReceiveTimeout, Registry, Supervisor,
                      exit, receive, register, self_pid, send, spawn)

start()
register("shell", self_pid())


def via(name):
    return ("via", Registry, ("Rooms", name))


class Room(GenServer):
    @classmethod
    def child_spec(cls, name):
        return {"id": "Room", "start": (GenServer.start_link, (Room, name), {"name": via(name)})}

    def init(self, name):
        send("shell", ("started", name))
        return ("ok", [])

    def handle_call(self, request, from_, posts):
        if request == "posts":
            return ("reply", posts, posts)
        _, text = request
        return ("reply", "ok", [text] + posts)


class Greeter(GenServer):
    @classmethod
    def child_spec(cls, room_name):
        return {"id": "Greeter", "start": (GenServer.start_link, (Greeter, room_name),
                                           {"name": "greeter"})}

    def init(self, room_name):
        send("shell", ("greeter_started", room_name))
        return ("ok", room_name)

    def handle_call(self, request, from_, room_name):
        return ("reply", GenServer.call(via(room_name), ("post", "hello!")), room_name)


def heard():
    """Every message that arrives until 100 ms pass with none, oldest first."""
    messages = []
    while True:
        try:
            messages.append(receive(timeout=100))
        except ReceiveTimeout:
            return messages


Registry.start_link(keys="unique", name="Rooms")
DynamicSupervisor.start_link(name="RoomSupervisor")
_, room = DynamicSupervisor.start_child("RoomSupervisor", (Room, "#lobby"))
Supervisor.start_link([(Greeter, "#lobby")], strategy="one_for_one")
name(room, "the first room")
say("at start-up the shell heard", heard())
say("the registry has", Registry.lookup("Rooms", "#lobby"))
say("greet", GenServer.call("greeter", "greet"))

exit(room, "kill")
say("after the room was killed the shell heard", heard())
[(new_room, _)] = Registry.lookup("Rooms", "#lobby")
say("the registry has a new pid for the name", new_room != room)
say("greet", GenServer.call("greeter", "greet"))
say("the new room's posts", GenServer.call(via("#lobby"), "posts"))

shell = self_pid()


def impatient():
    [(room, _)] = Registry.lookup("Rooms", "#lobby")
    exit(room, "kill")
    posted = attempt(lambda: GenServer.call(via("#lobby"), ("post", "hi!")))
    send(shell, ("posted", posted))


spawn(impatient)
_, result = receive(("posted", ANY))
say("a post right after a kill", result)
