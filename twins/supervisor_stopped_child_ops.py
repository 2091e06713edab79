"""Scenario: the child operations on children that are not running. terminate_child of a
transient child that has already ended normally is "ok"; delete_child then forgets it,
and after that it is ("error", "not_found") to delete_child and restart_child alike.
delete_child refuses a running child. A restart_child whose start fails answers with
the init's reason and leaves the spec, with no pid, so start_child with the same id is
("error", "already_present"). The worker's init fails once its id is marked (here in a
module-level set). Twin: supervisor_stopped_child_ops.exs."""
from twin import say, start

from actorlab import GenServer, Pid, Supervisor, sleep

start()
failing = set()


class Worker(GenServer):
    def init(self, id):
        return ("stop", "nope") if id in failing else ("ok", id)

    def handle_cast(self, message, id):
        return ("stop", "normal", id)


def spec(id, restart):
    return {"id": id, "start": (GenServer.start_link, (Worker, id)), "restart": restart}


_, sup = Supervisor.start_link([spec("t", "transient"), spec("f", "permanent")])
[_, (_, t, _, _)] = Supervisor.which_children(sup)
GenServer.cast(t, "quit")
sleep(100)
say("which_children (running?)",
    [(id, isinstance(pid, Pid)) for id, pid, _, _ in Supervisor.which_children(sup)])
say("terminate_child t, ended", Supervisor.terminate_child(sup, "t"))
say("delete_child t", Supervisor.delete_child(sup, "t"))
say("delete_child t again", Supervisor.delete_child(sup, "t"))
say("restart_child t", Supervisor.restart_child(sup, "t"))
say("delete_child f, running", Supervisor.delete_child(sup, "f"))
say("terminate_child f", Supervisor.terminate_child(sup, "f"))
failing.add("f")
say("restart_child f, whose init fails", Supervisor.restart_child(sup, "f"))
say("which_children", [(id, pid) for id, pid, _, _ in Supervisor.which_children(sup)])
say("count_children", Supervisor.count_children(sup))
say("start_child f again", Supervisor.start_child(sup, spec("f", "permanent")))
