"""Scenario: DynamicSupervisor.start_link(extra_arguments=[...]) puts those arguments
before each child's own start arguments, when the child starts and again when it is
restarted. extra_arguments must be a list; anything else is an error the supervisor
stops with. Twin: dynsup_extra_arguments.exs."""
from twin import say, start

from actorlab import DynamicSupervisor, GenServer, exit, sleep, trap_exit

start()


class Worker(GenServer):
    def init(self, state):
        return ("ok", state)

    def handle_call(self, request, from_, state):
        return ("reply", state, state)


def start_link(extra, arg):
    return GenServer.start_link(Worker, (extra, arg))


_, sup = DynamicSupervisor.start_link(extra_arguments=["shared"])
_, pid = DynamicSupervisor.start_child(sup, {"id": "w", "start": (start_link, ("own",))})
say("state", GenServer.call(pid, "state"))
exit(pid, "kill")
sleep(100)
[(_, pid, _, _)] = DynamicSupervisor.which_children(sup)
say("state after a restart", GenServer.call(pid, "state"))
trap_exit(True)
say("not a list", DynamicSupervisor.start_link(extra_arguments="shared"))
