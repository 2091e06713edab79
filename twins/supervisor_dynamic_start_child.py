"""Scenario: start servers on demand through an API that asks a DynamicSupervisor for them
(start_room calls DynamicSupervisor.start_child), not by calling start_link directly.
A room started with start_link is linked to whoever started it: it dies when that
process crashes, and nobody restarts it. A room started by the supervisor outlives the
process that asked for it, and is restarted when it crashes.
Twin: supervisor_dynamic_start_child.exs."""
from twin import name, say, start

from actorlab import (ANY, DynamicSupervisor, GenServer, ReceiveTimeout, exit, is_alive,
                      monitor, receive, register, run_for, self_pid, send, spawn)

start()
register("shell", self_pid())


class Room(GenServer):
    def init(self, name):
        send("shell", ("started", name))
        return ("ok", name)


def start_room(name):
    return DynamicSupervisor.start_child("RoomSupervisor", (Room, name))


def heard():
    """Every message that arrives until 100 ms pass with none, oldest first."""
    messages = []
    while True:
        try:
            messages.append(receive(timeout=100))
        except ReceiveTimeout:
            return messages


def handler(start):
    """A process that starts a room, tells the shell, and crashes when the shell says so."""
    _, room = start()
    send("shell", ("room", room))
    receive("crash")
    raise RuntimeError("handler failed")


DynamicSupervisor.start_link(name="RoomSupervisor")

for how, start_it in [("start_link", lambda: GenServer.start_link(Room, "#kitchen")),
                      ("start_room", lambda: start_room("#lobby"))]:
    handler_pid = spawn(handler, start_it)
    _, room = receive(("room", ANY))
    name(room, "room")
    say(f"{how}: the shell heard", heard())
    ref = monitor(handler_pid)
    send(handler_pid, "crash")
    say("the handler crashed", receive(("DOWN", ref, ANY, ANY, ANY))[4])
    run_for(100)
    say("the room is alive", is_alive(room))

[(_, lobby, _, _)] = DynamicSupervisor.which_children("RoomSupervisor")
exit(lobby, "kill")
say("after the lobby was killed the shell heard", heard())
say("rooms running", DynamicSupervisor.count_children("RoomSupervisor")["active"])
