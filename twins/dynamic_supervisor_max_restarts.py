"""Scenario: a DynamicSupervisor's restart intensity. With max_restarts=1, the first crash
of a child is restarted; the second within max_seconds is one too many: the supervisor
stops its other children (they trap exits: terminate runs with "shutdown") and exits with
"shutdown", which its linked, trapping parent gets as an EXIT.
Twin: dynamic_supervisor_max_restarts.exs."""
from twin import heard, say, start

from actorlab import (DynamicSupervisor, GenServer, exit, is_alive, register, self_pid, send,
                      trap_exit)

start()
register("shell", self_pid())


class Worker(GenServer):
    def init(self, name):
        trap_exit(True)
        send("shell", ("started", name))
        return ("ok", name)

    def terminate(self, reason, name):
        send("shell", ("terminate", name, reason))



trap_exit(True)
_, sup = DynamicSupervisor.start_link(max_restarts=1, max_seconds=5)
_, fragile = DynamicSupervisor.start_child(sup, (Worker, "fragile"))
DynamicSupervisor.start_child(sup, (Worker, "steady"))
say("started", heard())
exit(fragile, "kill")
say("after the first kill", heard())
# Oldest first: the steady child, then the fragile one's replacement.
[_, (_, again, _, _)] = DynamicSupervisor.which_children(sup)
exit(again, "kill")
say("after the second kill", heard())
say("the supervisor is alive", is_alive(sup))
