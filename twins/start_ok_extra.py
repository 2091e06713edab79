"""Scenario: a start function may return ("ok", pid, info) instead of ("ok", pid). OTP's
supervisors take it as a start, at startup as in start_child and restart_child, and
start_child and restart_child hand the info back to their caller; Elixir's
DynamicSupervisor does the same. Twin: start_ok_extra.exs."""
from twin import name, say, start

from actorlab import DynamicSupervisor, GenServer, Pid, Supervisor

start()


class Worker(GenServer):
    def init(self, arg):
        return ("ok", arg)


def start_with_info(arg):
    _, pid = GenServer.start_link(Worker, arg)
    return ("ok", pid, "info")


spec = {"id": "w", "start": (start_with_info, (1,))}
_, sup = Supervisor.start_link([spec])
say("started at startup", [(child_id, isinstance(pid, Pid))
                           for child_id, pid, _, _ in Supervisor.which_children(sup)])
_, sup = Supervisor.start_link([])
started = Supervisor.start_child(sup, spec)
name(started[1], "w")
say("start_child", started)
say("which_children", [(child_id, pid) for child_id, pid, _, _ in Supervisor.which_children(sup)])
Supervisor.terminate_child(sup, "w")
started = Supervisor.restart_child(sup, "w")
name(started[1], "w again")
say("restart_child", started)
_, dsup = DynamicSupervisor.start_link()
started = DynamicSupervisor.start_child(dsup, spec)
name(started[1], "d")
say("DynamicSupervisor.start_child", started)
say("DynamicSupervisor.count_children", DynamicSupervisor.count_children(dsup))
