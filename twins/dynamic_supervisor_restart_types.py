"""Scenario: restart types under a DynamicSupervisor, as under a Supervisor: a permanent
child is restarted whatever its reason; a transient one only after an abnormal exit; a
temporary one never. A child that is not restarted is forgotten (a DynamicSupervisor
keeps no spec without a child). Twin: dynamic_supervisor_restart_types.exs."""
from twin import say, start

from actorlab import ANY, DynamicSupervisor, GenServer, monitor, receive, sleep

start()


class Worker(GenServer):
    def init(self, arg):
        return ("ok", arg)

    def handle_cast(self, message, state):
        _, reason = message
        return ("stop", reason, state)


_, sup = DynamicSupervisor.start_link()

for restart in ["permanent", "transient", "temporary"]:
    for reason in ["normal", "oops"]:
        spec = {"id": "child", "start": (GenServer.start_link, (Worker, None)), "restart": restart}
        _, pid = DynamicSupervisor.start_child(sup, spec)
        ref = monitor(pid)
        GenServer.cast(pid, ("exit", reason))
        receive(("DOWN", ref, "process", ANY, ANY))
        sleep(100)
        children = DynamicSupervisor.which_children(sup)
        say(f"{restart}, exit {reason}: children", len(children))
        for _, child, _, _ in children:
            DynamicSupervisor.terminate_child(sup, child)
