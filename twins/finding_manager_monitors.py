"""Scenario: a manager keeps {id: pid} for the rooms it starts, monitors each one, and
forgets a room when its DOWN message arrives; opening the id again starts a new room.
Twin: finding_manager_monitors.exs."""
from twin import name, say, start

from actorlab import ANY, GenServer, exit, is_alive, monitor, receive, sleep

start()


class Room(GenServer):
    def init(self, topic):
        return ("ok", [])

    def handle_cast(self, message, people):
        _, who = message
        return ("noreply", people + [who])

    def handle_call(self, request, from_, people):
        return ("reply", people, people)


class Manager(GenServer):
    def init(self, arg):
        return ("ok", {})

    def handle_call(self, request, from_, rooms):
        if request == "ids":
            return ("reply", sorted(rooms), rooms)
        kind, id_ = request
        if kind == "open":
            _, pid = GenServer.start(Room, id_)
            monitor(pid)
            return ("reply", pid, {**rooms, id_: pid})
        return ("reply", rooms.get(id_), rooms)

    def handle_info(self, message, rooms):
        _, _, _, pid, _ = message
        return ("noreply", {id_: room for id_, room in rooms.items() if room != pid})


_, manager = GenServer.start(Manager)
lobby = GenServer.call(manager, ("open", "lobby"))
kitchen = GenServer.call(manager, ("open", "kitchen"))

name(lobby, "lobby")
name(kitchen, "old kitchen")
say("rooms", GenServer.call(manager, "ids"))
say("find kitchen", GenServer.call(manager, ("find", "kitchen")))

ref = monitor(kitchen)
exit(kitchen, "kill")
say("the kitchen died", receive(("DOWN", ref, "process", ANY, ANY))[4])
sleep(100)

say("rooms after the DOWN", GenServer.call(manager, "ids"))
say("find kitchen after the DOWN", GenServer.call(manager, ("find", "kitchen")))

new_kitchen = GenServer.call(manager, ("open", "kitchen"))
name(new_kitchen, "new kitchen")
say("find kitchen after opening it again", GenServer.call(manager, ("find", "kitchen")))
say("the manager is alive", is_alive(manager))
