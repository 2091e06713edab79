"""Scenario: DynamicSupervisor.child_spec(**options) is how a DynamicSupervisor goes under a
Supervisor (Elixir's `{DynamicSupervisor, options}` in a children list is the same spec):
its type is "supervisor" and its id is its name, or DynamicSupervisor without one. Under
a Supervisor, and under another DynamicSupervisor, which_children and count_children
report it as a supervisor. (The start tuple is left out: its shape differs by design.)
Twin: dynamic_supervisor_child_spec.exs."""
from twin import say, start

from actorlab import DynamicSupervisor, GenServer, Supervisor

start()


class Worker(GenServer):
    def init(self, arg):
        return ("ok", arg)


def without_start(spec):
    return {key: value for key, value in spec.items() if key != "start"}


say("without a name", without_start(DynamicSupervisor.child_spec(strategy="one_for_one")))
say("with a name",
    without_start(DynamicSupervisor.child_spec(strategy="one_for_one", name="rooms")))
children = [Worker, DynamicSupervisor.child_spec(strategy="one_for_one", name="rooms")]
_, top = Supervisor.start_link(children, strategy="one_for_one")
say("which_children",
    [(id_, type_, modules) for id_, _pid, type_, modules in Supervisor.which_children(top)])
say("count_children", Supervisor.count_children(top))
DynamicSupervisor.start_child("rooms", DynamicSupervisor.child_spec(strategy="one_for_one"))
DynamicSupervisor.start_child("rooms", Worker)
say("its which_children", [(id_, type_, modules) for id_, _pid, type_, modules
                           in DynamicSupervisor.which_children("rooms")])
say("its count_children", DynamicSupervisor.count_children("rooms"))
