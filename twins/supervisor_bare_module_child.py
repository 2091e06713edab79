"""Scenario: a bare class as a child. As Elixir reads `Worker` as `{Worker, []}`, actorlab
reads `Worker` as `(Worker, [])`: it calls Worker.child_spec([]), so init gets the empty
list, under a Supervisor and under a DynamicSupervisor alike. `(Worker, None)` gives init
None.
Twin: supervisor_bare_module_child.exs."""
from twin import say, start

from actorlab import DynamicSupervisor, GenServer, Supervisor

start()


class Worker(GenServer):
    def init(self, arg):
        return ("ok", arg)

    def handle_call(self, request, from_, arg):
        return ("reply", arg, arg)


_, sup = Supervisor.start_link([Worker], strategy="one_for_one")
[(id_, pid, _type, _modules)] = Supervisor.which_children(sup)
say("the child's id", id_)
say("init got, under a Supervisor", GenServer.call(pid, "arg"))
_, dyn = DynamicSupervisor.start_link(strategy="one_for_one")
_, bare = DynamicSupervisor.start_child(dyn, Worker)
say("init got, under a DynamicSupervisor", GenServer.call(bare, "arg"))
_, with_none = DynamicSupervisor.start_child(dyn, (Worker, None))
say("init got, given nil", GenServer.call(with_none, "arg"))
