"""Scenario: the modules column of which_children, when the child spec gives none, is the
class of the start function (OTP's supervisor.erl takes the module of the start
function): a room started by GenServer.start_link(Room, name) shows [GenServer], one
started by its own Room.start_link(name) shows [Room], and so does one from
Room.child_spec, whose start is Room.start_link_spec (Elixir's Room.start_link).
Twin: supervisor_which_children_modules.exs."""
from twin import name, say, start

from actorlab import DynamicSupervisor, GenServer, Supervisor

start()


class Room(GenServer):
    @staticmethod
    def start_link(name):
        return GenServer.start_link(Room, name)

    def init(self, name):
        return ("ok", name)


_, dyn = DynamicSupervisor.start_link(strategy="one_for_one")
by_genserver = {"id": "#a", "start": (GenServer.start_link, (Room, "#a"))}
_, a = DynamicSupervisor.start_child(dyn, by_genserver)
name(a, "room by GenServer.start_link")
_, b = DynamicSupervisor.start_child(dyn, {"id": "#b", "start": (Room.start_link, ("#b",))})
name(b, "room by Room.start_link")
_, c = DynamicSupervisor.start_child(dyn, (Room, "#c"))
name(c, "room by child_spec")
say("DynamicSupervisor.which_children", DynamicSupervisor.which_children(dyn))

children = [
    {"id": "a", "start": (GenServer.start_link, (Room, "#a"))},
    {"id": "b", "start": (Room.start_link, ("#b",))},
    Supervisor.child_spec((Room, "#c"), id="c"),
]
_, sup = Supervisor.start_link(children, strategy="one_for_one")
say("Supervisor.which_children",
    [(id_, modules) for id_, _, _, modules in Supervisor.which_children(sup)])
