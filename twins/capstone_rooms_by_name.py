"""Scenario: the capstone's rooms, by name, under a supervisor. Each room is started by a
DynamicSupervisor and registered in a Registry under its name; opening an open room
gives the running one. When a room crashes, the supervisor starts a new one under the
same name: the name reaches it, the old pid is dead, and the history is gone (state
dies with its process). Closing a room asks the supervisor to stop it, and it stays
stopped. Twin: capstone_rooms_by_name.exs."""
from twin import attempt, name, say, start

from actorlab import (DynamicSupervisor, GenServer, ReceiveTimeout, Registry, exit, receive,
                      register, self_pid, send)

start()
register("shell", self_pid())


class Room(GenServer):
    def init(self, name):
        send("shell", ("started", name))
        return ("ok", {"name": name, "history": []})

    def handle_call(self, request, from_, state):
        return ("reply", state["history"], state)

    def handle_cast(self, message, state):
        _, who, text = message
        return ("noreply", {**state, "history": state["history"] + [(who, text)]})


def via(name):
    return ("via", Registry, ("Rooms", name))


def open_room(name):
    spec = {"id": name, "start": (GenServer.start_link, (Room, name), {"name": via(name)})}
    result = DynamicSupervisor.start_child("RoomSupervisor", spec)
    if result[0] == "ok":
        return result[1]
    _, (_, pid) = result                # ("error", ("already_started", pid))
    return pid


def close_room(name):
    found = Registry.lookup("Rooms", name)
    if not found:
        return ("error", "not_found")
    [(pid, _)] = found
    return DynamicSupervisor.terminate_child("RoomSupervisor", pid)


def started():
    """The names of the rooms started until 100 ms pass with none, oldest first."""
    names = []
    while True:
        try:
            names.append(receive(("started", str), timeout=100)[1])
        except ReceiveTimeout:
            return names


Registry.start_link(keys="unique", name="Rooms")
DynamicSupervisor.start_link(name="RoomSupervisor")
lobby = open_room("#lobby")
games = open_room("#games")
name(lobby, "the first lobby")
name(games, "games")
say("rooms started", started())
say("opening #lobby again gives the same room", open_room("#lobby") == lobby)
say("rooms started", started())
say("the registry has", Registry.lookup("Rooms", "#lobby"))
say("active rooms", DynamicSupervisor.count_children("RoomSupervisor")["active"])

GenServer.cast(via("#lobby"), ("say", "ann", "anyone here?"))
say("the lobby's history", GenServer.call(via("#lobby"), "history"))

exit(lobby, "kill")
say("after the kill, rooms started", started())
[(new_lobby, _)] = Registry.lookup("Rooms", "#lobby")
say("the name leads to a new pid", new_lobby != lobby)
say("a call to the old pid", attempt(lambda: GenServer.call(lobby, "history")))
say("the new lobby's history", GenServer.call(via("#lobby"), "history"))

say("close #lobby", close_room("#lobby"))
say("then rooms started", started())
say("the registry has", Registry.lookup("Rooms", "#lobby"))
say("active rooms", DynamicSupervisor.count_children("RoomSupervisor")["active"])
say("close #lobby again", close_room("#lobby"))
_, (reason, _call) = attempt(lambda: GenServer.call(via("#lobby"), "history"))
say("a call by the name exits with", reason)
