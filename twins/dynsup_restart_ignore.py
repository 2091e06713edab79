"""Scenario: a DynamicSupervisor child whose start returns "ignore" when it is restarted.
Elixir's DynamicSupervisor forgets the child, as if it had never been added, and carries
on: it does not try again, so the failed restart counts once against its intensity, and
the supervisor lives. Twin: dynsup_restart_ignore.exs."""
from twin import heard, name, say, start

from actorlab import DynamicSupervisor, GenServer, exit, is_alive, sleep, trap_exit

start()
started = False


class Worker(GenServer):
    # The first start runs; every later one (the restart) returns "ignore". The flag is a
    # global because it must outlive the process that sets it.
    def init(self, arg):
        global started
        if started:
            return "ignore"
        started = True
        return ("ok", arg)


trap_exit(True)
_, sup = DynamicSupervisor.start_link(max_restarts=3, max_seconds=5)
name(sup, "sup")
_, pid = DynamicSupervisor.start_child(sup, (Worker, 1))
exit(pid, "kill")
sleep(100)
say("supervisor alive", is_alive(sup))
say("count_children", DynamicSupervisor.count_children(sup))
say("shell heard", heard())
say("start_child now", DynamicSupervisor.start_child(sup, (Worker, 2)))
