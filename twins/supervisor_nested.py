"""Scenario: a supervisor under a supervisor. Its child spec says "type": "supervisor",
which which_children and count_children report, with the class its start function
belongs to (Supervisor). Stopping the top supervisor stops the inner one, which stops its
own children first. Twin: supervisor_nested.exs."""
from twin import mailbox, say, start

from actorlab import GenServer, Supervisor, register, self_pid, send, trap_exit

start()
register("shell", self_pid())


class Worker(GenServer):
    @staticmethod
    def start_link(name):
        return GenServer.start_link(Worker, name)

    def init(self, name):
        trap_exit(True)
        return ("ok", name)

    def terminate(self, reason, name):
        send("shell", ("terminate", name, reason))


leaf = {"id": "leaf", "start": (Worker.start_link, ("leaf",))}
inner = {"id": "inner", "start": (Supervisor.start_link, ([leaf],), {"strategy": "one_for_one"}),
         "type": "supervisor"}
top_worker = {"id": "top_worker", "start": (Worker.start_link, ("top_worker",))}
_, top = Supervisor.start_link([top_worker, inner])
say("which_children", [(child_id, kind, modules)
                       for child_id, _, kind, modules in Supervisor.which_children(top)])
say("count_children", Supervisor.count_children(top))
say("stop", Supervisor.stop(top))
say("the shell's mailbox", mailbox())
