"""Scenario: one_for_all with children that are not all running when one crashes: a
temporary child (b), a transient child that has ended normally (c), and a child stopped
with terminate_child (e). When a crashes, the supervisor stops the running ones, newest
first (they trap exits, so terminate runs with "shutdown"), then starts every child it
still has a spec for, in order: c and e too, though neither had been restarted on its
own. The temporary b is stopped and forgotten. Children tell the shell when they start
and stop. Twin: supervisor_one_for_all_stopped_children.exs."""
from twin import heard, say, start

from actorlab import GenServer, Pid, Supervisor, exit, register, self_pid, send, trap_exit

start()
register("shell", self_pid())


class Worker(GenServer):
    def init(self, id):
        trap_exit(True)
        send("shell", ("start", id))
        return ("ok", id)

    def handle_cast(self, message, id):
        return ("stop", "normal", id)

    def terminate(self, reason, id):
        send("shell", ("stop", id, reason))


def spec(id, restart):
    return {"id": id, "start": (GenServer.start_link, (Worker, id)), "restart": restart}


children = [spec("a", "permanent"), spec("b", "temporary"), spec("c", "transient"),
            spec("d", "permanent"), spec("e", "permanent")]
_, sup = Supervisor.start_link(children, strategy="one_for_all")
say("started", heard())
pids = {id: pid for id, pid, _, _ in Supervisor.which_children(sup)}
GenServer.cast(pids["c"], "quit")
say("c quits", heard())
say("terminate_child e", Supervisor.terminate_child(sup, "e"))
say("then", heard())
exit(pids["a"], "kill")
say("a is killed, then", heard())
say("which_children (running?)",
    [(id, isinstance(pid, Pid)) for id, pid, _, _ in Supervisor.which_children(sup)])
say("count_children", Supervisor.count_children(sup))
