"""Scenario: a monitor tells the watcher when a process ends, whatever the reason (normal
too), as a ("DOWN", ref, "process", pid, reason) message; monitoring a dead pid gives
"noproc" at once; a monitor is one-way. Twin: finding_monitor_down.exs."""
from twin import name, say, start

from actorlab import ANY, GenServer, exit, is_alive, monitor, receive, spawn_monitor

start()


class Room(GenServer):
    def init(self, topic):
        return ("ok", [])

    def handle_cast(self, message, people):
        _, who = message
        return ("noreply", people + [who])

    def handle_call(self, request, from_, people):
        return ("reply", people, people)


_, room = GenServer.start(Room)
ref = monitor(room)
GenServer.stop(room)

down = receive(("DOWN", ref, "process", ANY, ANY))

name(room, "room")
say("after GenServer.stop(room)", down)

late = monitor(room)
too_late = receive(("DOWN", late, "process", ANY, ANY))
say("monitoring the dead room", too_late)


def kitchen():
    raise RuntimeError("fire in the kitchen")


_, kitchen_ref = spawn_monitor(kitchen)
crash = receive(("DOWN", kitchen_ref, "process", ANY, ANY))[4]
say("the kitchen's DOWN reason", crash)

_, hall = GenServer.start(Room)
name(hall, "hall")


def watcher():
    monitor(hall)
    exit("gave_up")


_, watcher_ref = spawn_monitor(watcher)
reason = receive(("DOWN", watcher_ref, "process", ANY, ANY))[4]
say("the watcher ended", reason)
say("the hall it watched is alive", is_alive(hall))
