"""Scenario: how the two supervisors stop their children. A Supervisor stops them one at a
time, newest first, so two children whose terminate takes 300 ms each take 600 ms in
all: a stop that allows 450 ms exits with "timeout" (the supervisor goes on stopping). A
DynamicSupervisor signals them all at once and then waits, so the same two take 300 ms,
and the same stop returns "ok". Twin: dynamic_supervisor_stop_at_once.exs."""
from twin import attempt, name, say, start

from actorlab import DynamicSupervisor, GenServer, Supervisor, sleep, trap_exit

start()


class Slow(GenServer):
    def init(self, arg):
        trap_exit(True)
        return ("ok", arg)

    def terminate(self, reason, state):
        sleep(300)


def spec(child_id):
    return {"id": child_id, "start": (GenServer.start_link, (Slow, child_id))}


_, sup = Supervisor.start_link([spec("a"), spec("b")])
name(sup, "supervisor")
say("Supervisor, stop within 450 ms", attempt(lambda: Supervisor.stop(sup, "normal", 450)))

_, dynamic = DynamicSupervisor.start_link()
name(dynamic, "dynamic")
DynamicSupervisor.start_child(dynamic, spec("a"))
DynamicSupervisor.start_child(dynamic, spec("b"))
say("DynamicSupervisor, stop within 450 ms",
    attempt(lambda: DynamicSupervisor.stop(dynamic, "normal", 450)))
