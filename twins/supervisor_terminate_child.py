"""Scenario: Supervisor.terminate_child stops a child by id and keeps its spec (it shows
as "undefined", and is not restarted); restart_child starts it again with a new pid, and
refuses while it runs (("error", "running")). An unknown id is ("error", "not_found"). A
temporary child's spec is forgotten when it is stopped, so it cannot be restarted.
Twin: supervisor_terminate_child.exs."""
from twin import name, say, start

from actorlab import GenServer, Supervisor, sleep

start()


class Worker(GenServer):
    def init(self, arg):
        return ("ok", arg)


def spec(child_id, **extra):
    return {"id": child_id, "start": (GenServer.start_link, (Worker, child_id)), **extra}


children = [spec("keeper"), spec("visitor", restart="temporary")]
_, sup = Supervisor.start_link(children)
[_, (_, old, _, _)] = Supervisor.which_children(sup)
name(old, "the old keeper")
say("terminate_child", Supervisor.terminate_child(sup, "keeper"))
sleep(100)
say("which_children", [(child_id, pid) for child_id, pid, _, _ in Supervisor.which_children(sup)])
_, new = Supervisor.restart_child(sup, "keeper")
say("restart_child gives a new pid", new != old)
say("restart_child while it runs", Supervisor.restart_child(sup, "keeper"))
say("terminate_child, unknown id", Supervisor.terminate_child(sup, "nobody"))
say("restart_child, unknown id", Supervisor.restart_child(sup, "nobody"))
say("terminate_child, temporary", Supervisor.terminate_child(sup, "visitor"))
say("restart_child, temporary", Supervisor.restart_child(sup, "visitor"))
say("which_children", [child_id for child_id, _, _, _ in Supervisor.which_children(sup)])
