"""Scenario: the stale-pid pitfall. A supervisor restarts a child with its original start
arguments. A greeter started with the room's pid keeps that pid: once the room has
crashed and been restarted (a new pid), the greeter's calls go to a dead process and
exit with noproc; the greeter crashes, and its supervisor restarts it with the same
stale pid, so the next greeting fails the same way. Twin: supervisor_stale_pid.exs."""
from twin import attempt, name, say, start

from actorlab import (DynamicSupervisor, GenServer, ReceiveTimeout, Supervisor, exit, receive,
                      register, self_pid, send)

start()
register("shell", self_pid())


class Room(GenServer):
    def init(self, name):
        send("shell", ("started", name))
        return ("ok", [])

    def handle_call(self, request, from_, posts):
        _, text = request
        return ("reply", "ok", [text] + posts)


class Greeter(GenServer):
    @classmethod
    def child_spec(cls, room):
        return {"id": "Greeter", "start": (GenServer.start_link, (Greeter, room),
                                           {"name": "greeter"})}

    def init(self, room):
        send("shell", ("greeter_started", room))
        return ("ok", room)

    def handle_call(self, request, from_, room):
        return ("reply", GenServer.call(room, ("post", "hello!")), room)


def heard():
    """Every message that arrives until 100 ms pass with none, oldest first."""
    messages = []
    while True:
        try:
            messages.append(receive(timeout=100))
        except ReceiveTimeout:
            return messages


DynamicSupervisor.start_link(name="RoomSupervisor")
_, room = DynamicSupervisor.start_child("RoomSupervisor", (Room, "#lobby"))
Supervisor.start_link([(Greeter, room)], strategy="one_for_one")
name(room, "the first room")
say("at start-up the shell heard", heard())
say("greet", GenServer.call("greeter", "greet"))

exit(room, "kill")
say("after the room was killed the shell heard", heard())

for _ in range(2):
    say("greet", attempt(lambda: GenServer.call("greeter", "greet")))
    say("then the shell heard", heard())
