"""Scenario: a Supervisor child whose start returns "ignore" when it is restarted. OTP's
supervisor keeps its spec with no pid ("undefined"), as for a child that ignores at
startup, does not try again, and lives on (under one_for_all the sibling restarted with
it ignores too, and is kept the same way). restart_child tries again.
Twin: supervisor_restart_ignore.exs."""
from twin import heard, say, start

from actorlab import GenServer, Pid, Supervisor, exit, is_alive, sleep, trap_exit

start()
started = set()


class Worker(GenServer):
    # A child's first start runs; every later one returns "ignore". The flags are in a
    # global because they must outlive the processes that set them.
    def init(self, arg):
        if arg in started:
            return "ignore"
        started.add(arg)
        return ("ok", arg)


def spec(strategy, child_id):
    return {"id": child_id, "start": (GenServer.start_link, (Worker, (strategy, child_id)))}


trap_exit(True)

for strategy in ["one_for_one", "one_for_all"]:
    _, sup = Supervisor.start_link([spec(strategy, "a"), spec(strategy, "b")],
                                   strategy=strategy)
    [_, (_, a, _, _)] = Supervisor.which_children(sup)
    exit(a, "kill")
    sleep(100)
    say(f"{strategy}: supervisor alive", is_alive(sup))
    say("which_children", [(child_id, isinstance(pid, Pid) or pid)
                           for child_id, pid, _, _ in Supervisor.which_children(sup)])
    say("count_children", Supervisor.count_children(sup))
    say("restart_child", Supervisor.restart_child(sup, "a"))
    say("shell heard", heard())
