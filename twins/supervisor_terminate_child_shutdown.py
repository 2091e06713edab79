"""Scenario: Supervisor.terminate_child follows the child's shutdown, here for children
that trap exits and whose terminate takes 300 ms. With shutdown 100 the child gets
"shutdown", starts its terminate, and is killed 100 ms later, before it finishes; with
"infinity" the supervisor waits for terminate to end; with "brutal_kill" the child is
killed at once and terminate never runs. terminate_child returns "ok" each time.
Twin: supervisor_terminate_child_shutdown.exs."""
from twin import heard, say, start

from actorlab import GenServer, Supervisor, register, self_pid, send, sleep, trap_exit

start()
register("shell", self_pid())


class Worker(GenServer):
    def init(self, id):
        trap_exit(True)
        return ("ok", id)

    def terminate(self, reason, id):
        send("shell", ("terminate", id, reason))
        sleep(300)
        send("shell", ("done", id))


def spec(id, shutdown):
    return {"id": id, "start": (GenServer.start_link, (Worker, id)), "shutdown": shutdown}


children = [spec("short", 100), spec("forever", "infinity"), spec("brutal", "brutal_kill")]
_, sup = Supervisor.start_link(children)
for id in ["short", "forever", "brutal"]:
    say(f"terminate_child {id}", Supervisor.terminate_child(sup, id))
    say("  the shell heard", heard(500))
say("count_children", Supervisor.count_children(sup))
