"""Scenario: one_for_all, and a restart that fails halfway. When a is killed, the
supervisor stops c and b (newest first), starts a again, and then b's init fails once.
That counts as another restart: the supervisor stops what it had started again (a) and
starts all three once more, in order. With max_restarts=2, one crash more is then one
too many: the supervisor stops its children and exits with "shutdown", which the shell,
linked and trapping exits, gets as an EXIT. The worker's init fails when a mark is set
(here a module-level flag), and clears it.
Twin: supervisor_one_for_all_restart_fails.exs."""
from twin import heard, name, say, start

from actorlab import GenServer, Pid, Supervisor, exit, register, self_pid, send, trap_exit

start()
register("shell", self_pid())
trap_exit(True)
fail_b = False


class Worker(GenServer):
    def init(self, id):
        global fail_b
        trap_exit(True)
        if id == "b" and fail_b:
            fail_b = False
            send("shell", ("fail", id))
            return ("stop", "nope")
        send("shell", ("init", id))
        return ("ok", id)

    def terminate(self, reason, id):
        send("shell", ("stop", id, reason))


def spec(id):
    return {"id": id, "start": (GenServer.start_link, (Worker, id))}


_, sup = Supervisor.start_link([spec("a"), spec("b"), spec("c")], strategy="one_for_all",
                               max_restarts=2)
name(sup, "sup")
say("started", heard())
[_, _, (_, a, _, _)] = Supervisor.which_children(sup)
fail_b = True
exit(a, "kill")
say("a is killed, then", heard())
say("which_children (running?)",
    [(id, isinstance(pid, Pid)) for id, pid, _, _ in Supervisor.which_children(sup)])
[_, _, (_, a, _, _)] = Supervisor.which_children(sup)
exit(a, "kill")
say("a is killed again, then", heard())
