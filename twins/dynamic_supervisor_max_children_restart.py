"""Scenario: a DynamicSupervisor with max_children=2. A third start_child is refused with
("error", "max_children"), but restarting a crashed child is not a new child: it is
restarted although the supervisor is full. terminate_child of a temporary child is "ok",
then ("error", "not_found"). A child whose restart keeps failing is tried again until
the restart intensity (3 in 5 s by default) runs out: then the supervisor exits with
"shutdown", which the shell, linked and trapping exits, gets as an EXIT. Each init tells
the shell; it fails once its id is marked (here in a module-level set).
Twin: dynamic_supervisor_max_children_restart.exs."""
from twin import heard, name, say, start

from actorlab import (DynamicSupervisor, GenServer, exit, is_alive, register, self_pid, send,
                      trap_exit)

start()
register("shell", self_pid())
trap_exit(True)
failing = set()


class Worker(GenServer):
    def init(self, id):
        send("shell", ("init", id))
        return ("stop", "nope") if id in failing else ("ok", id)


_, sup = DynamicSupervisor.start_link(max_children=2)
name(sup, "sup")
_, a = DynamicSupervisor.start_child(sup, (Worker, "a"))
_, b = DynamicSupervisor.start_child(
    sup, {"id": "b", "start": (GenServer.start_link, (Worker, "b")), "restart": "temporary"})
say("a third child", DynamicSupervisor.start_child(sup, (Worker, "c")))
say("the shell heard", heard())
exit(a, "kill")
say("a is killed, the shell heard", heard())
say("count_children", DynamicSupervisor.count_children(sup))
say("terminate_child b", DynamicSupervisor.terminate_child(sup, b))
say("terminate_child b again", DynamicSupervisor.terminate_child(sup, b))
_, c = DynamicSupervisor.start_child(sup, (Worker, "c"))
failing.add("c")
exit(c, "kill")
say("c started, c marked and killed, the shell heard", heard())
say("the supervisor is alive", is_alive(sup))
