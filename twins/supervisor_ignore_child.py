"""Scenario: a child whose start returns "ignore". The supervisor keeps its spec with no
pid ("undefined" in which_children; a spec, not an active child, in count_children),
both at startup and through start_child, which answers ("ok", "undefined"); restart_child
tries again and answers the same. A temporary child that ignores is not kept at all.
Twin: supervisor_ignore_child.exs."""
from twin import say, start

from actorlab import GenServer, Pid, Supervisor

start()


class Worker(GenServer):
    def init(self, arg):
        return "ignore" if arg == "ignore" else ("ok", arg)


def spec(child_id, arg, **extra):
    return {"id": child_id, "start": (GenServer.start_link, (Worker, arg)), **extra}


_, sup = Supervisor.start_link([spec("quiet", "ignore"), spec("busy", "busy")])
say("start_child", Supervisor.start_child(sup, spec("later", "ignore")))
say("start_child, temporary",
    Supervisor.start_child(sup, spec("once", "ignore", restart="temporary")))
say("which_children", [(child_id, isinstance(pid, Pid) or pid)
                       for child_id, pid, _, _ in Supervisor.which_children(sup)])
say("count_children", Supervisor.count_children(sup))
say("restart_child", Supervisor.restart_child(sup, "quiet"))
