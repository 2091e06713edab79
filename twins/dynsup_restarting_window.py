"""Scenario: a DynamicSupervisor child whose restart fails is tried again later, not in a
loop. Elixir's DynamicSupervisor keeps it under its old pid, marked "restarting", and
sends itself a retry, so it answers the calls that came in meanwhile: which_children
shows "restarting" (counted as a spec, not as active), start_child is served, and
terminate_child with the old pid forgets the child and stops the retries. Each try
counts as a restart, so max_restarts is raised to 10 here. The start function tells the
shell it runs, then takes 300 ms: the shell makes one call per try, which reaches the
supervisor before that try ends (a second call would come after the retry). Its
failures are counted down in FAILS.
Twin: dynsup_restarting_window.exs."""
from twin import heard, mailbox, say, start

from actorlab import DynamicSupervisor, GenServer, exit, receive, register, self_pid, send, sleep

start()
register("shell", self_pid())


class Worker(GenServer):
    def init(self, arg):
        return ("ok", arg)


FAILS = [0]


def flaky_start_link(arg):
    send("shell", "starting")
    sleep(300)
    if FAILS[0] > 0:
        FAILS[0] -= 1
        return ("error", "flaky")
    return GenServer.start_link(Worker, arg)


_, sup = DynamicSupervisor.start_link(strategy="one_for_one", max_restarts=10)
_, a = DynamicSupervisor.start_child(sup, {"id": "a", "start": (flaky_start_link, ("a",))})
receive("starting")
FAILS[0] = 4
exit(a, "kill")
receive("starting")
say("try 1: which_children",
    [pid for _, pid, _, _ in DynamicSupervisor.which_children(sup)])
receive("starting")
say("try 2: count_children", DynamicSupervisor.count_children(sup))
receive("starting")
say("try 3: start_child b",
    DynamicSupervisor.start_child(sup, {"id": "b", "start": (GenServer.start_link, (Worker, "b"))})[0])
receive("starting")
say("try 4: terminate_child with the old pid",
    DynamicSupervisor.terminate_child(sup, a))
say("count_children then", DynamicSupervisor.count_children(sup))
say("then", heard(500))
say("the shell's mailbox", mailbox())
