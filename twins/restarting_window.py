"""Scenario: a child whose restart fails is tried again later, not in a loop, by a
Supervisor and by a DynamicSupervisor alike. Each marks the child "restarting" and sends
itself a retry, so a call that came in during a try is answered before the next try.
Supervisor: which_children shows "restarting" (not counted as active), restart_child and
delete_child answer ("error", "restarting"), start_child is served (and a spec with its
id is "already_present"), and terminate_child stops the retries (the child stays,
"undefined", until restart_child starts it). DynamicSupervisor: the child keeps its old
pid, marked "restarting" (counted as a spec, not as active), start_child is served, and
terminate_child with the old pid forgets the child and stops the retries. Each try
counts as a restart, so max_restarts is raised to 10 here. The start function tells the
shell it runs, then takes 300 ms: the shell makes one call per try, which reaches the
supervisor before that try ends (a second call would come after the retry). Its
failures are counted down in FAILS.
Twin: restarting_window.exs."""
from twin import heard, mailbox, say, start

from actorlab import (DynamicSupervisor, GenServer, Pid, Supervisor, exit, receive, register,
                      self_pid, send, sleep)

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


def rows(sup):
    return [(id, pid) for id, pid, _, _ in Supervisor.which_children(sup)]


def running(sup):
    return [(id, isinstance(pid, Pid)) for id, pid in rows(sup)]


_, sup = Supervisor.start_link([{"id": "a", "start": (flaky_start_link, ("a",))}],
                               strategy="one_for_one", max_restarts=10)
receive("starting")
[(_, a, _, _)] = Supervisor.which_children(sup)
FAILS[0] = 7
exit(a, "kill")
receive("starting")
say("try 1: which_children", rows(sup))
receive("starting")
say("try 2: count_children", Supervisor.count_children(sup))
receive("starting")
say("try 3: restart_child a", Supervisor.restart_child(sup, "a"))
receive("starting")
say("try 4: delete_child a", Supervisor.delete_child(sup, "a"))
receive("starting")
say("try 5: start_child a",
    Supervisor.start_child(sup, {"id": "a", "start": (flaky_start_link, ("a",))}))
receive("starting")
say("try 6: start_child b",
    Supervisor.start_child(sup, {"id": "b", "start": (GenServer.start_link, (Worker, "b"))})[0])
receive("starting")
say("try 7: terminate_child a", Supervisor.terminate_child(sup, "a"))
say("which_children", running(sup))
say("then", heard(500))
say("restart_child a", Supervisor.restart_child(sup, "a")[0])
say("which_children", running(sup))
say("the shell's mailbox, taken", heard())

_, sup = DynamicSupervisor.start_link(strategy="one_for_one", max_restarts=10)
_, a = DynamicSupervisor.start_child(sup, {"id": "a", "start": (flaky_start_link, ("a",))})
receive("starting")
FAILS[0] = 4
exit(a, "kill")
receive("starting")
say("dynamic: try 1: which_children",
    [pid for _, pid, _, _ in DynamicSupervisor.which_children(sup)])
receive("starting")
say("dynamic: try 2: count_children", DynamicSupervisor.count_children(sup))
receive("starting")
say("dynamic: try 3: start_child b",
    DynamicSupervisor.start_child(sup, {"id": "b", "start": (GenServer.start_link, (Worker, "b"))})[0])
receive("starting")
say("dynamic: try 4: terminate_child with the old pid",
    DynamicSupervisor.terminate_child(sup, a))
say("dynamic: count_children then", DynamicSupervisor.count_children(sup))
say("dynamic: then", heard(500))
say("dynamic: the shell's mailbox", mailbox())
