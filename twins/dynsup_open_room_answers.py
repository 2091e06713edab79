"""Scenario: what DynamicSupervisor.start_child answers when it opens rooms registered by a
via-name, with max_children=1. A room whose init is ended by an exit signal, without
answering, gives ("error", reason): "killed" for a "kill" sent to itself, the reason for
another; the supervisor lives on and keeps nothing of it. A room that starts holds its
via-name before its init runs: init's own Registry.lookup finds the room itself. With
that room open, opening it again answers ("error", "max_children"), not
("error", ("already_started", pid)): the limit is checked before the start function
runs, so no init runs. GenServer.start under the held name answers "already_started".
Twin: dynsup_open_room_answers.exs."""
from twin import mailbox, name, say, start

from actorlab import ANY, DynamicSupervisor, GenServer, Registry, exit, receive, self_pid, send

start()
shell = self_pid()


class Room(GenServer):
    def init(self, arg):
        room, how = arg
        if how == "kill_self":
            exit(self_pid(), "kill")
        if how == "boom_self":
            exit(self_pid(), "boom")
        seen = [(pid == self_pid(), value) for pid, value in Registry.lookup("Rooms", room)]
        send(how, ("init_sees", seen))
        return ("ok", room)


def via(room):
    return ("via", Registry, ("Rooms", room))


def spec(room, arg):
    return {"id": room, "start": (GenServer.start_link, (Room, (room, arg)), {"name": via(room)})}


Registry.start_link(keys="unique", name="Rooms")
DynamicSupervisor.start_link(name="RoomSupervisor", strategy="one_for_one", max_children=1)
say("open a room whose init kills itself",
    DynamicSupervisor.start_child("RoomSupervisor", spec("#doomed", "kill_self")))
say("open a room whose init sends itself :boom",
    DynamicSupervisor.start_child("RoomSupervisor", spec("#bad", "boom_self")))
say("children", DynamicSupervisor.count_children("RoomSupervisor"))
_, lobby = DynamicSupervisor.start_child("RoomSupervisor", spec("#lobby", shell))
name(lobby, "lobby")
say("open #lobby: init's lookup of its name, {self?, value}", receive(("init_sees", ANY))[1])
say("open #lobby again", DynamicSupervisor.start_child("RoomSupervisor", spec("#lobby", shell)))
say("GenServer.start of #lobby", GenServer.start(Room, ("#lobby", shell), name=via("#lobby")))
say("the shell's mailbox", mailbox())
say("children", DynamicSupervisor.count_children("RoomSupervisor"))
