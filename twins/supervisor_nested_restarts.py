"""Scenario: restarts across levels of supervisors. Each worker traps exits and tells the
shell when its terminate runs. An inner supervisor killed under a rest_for_one top: its
own children die with it ("killed", from their parent), the worker started after it is
stopped ("shutdown"), and the top restarts both, the inner one with new children; the
worker before it is untouched. Stopping the top then stops the levels newest first, depth
first. An inner supervisor that gives up (max_restarts=0) exits with "shutdown", so as a
transient child it is not restarted, and the top lives on.
Twin: supervisor_nested_restarts.exs."""
from twin import heard, name, say, start

from actorlab import (ANY, GenServer, Pid, Supervisor, exit, monitor, receive, register,
                      self_pid, send, sleep, trap_exit)

start()
register("shell", self_pid())
trap_exit(True)


class Worker(GenServer):
    def init(self, id_):
        trap_exit(True)
        return ("ok", id_)

    def terminate(self, reason, id_):
        send("shell", ("terminate", id_, reason))


def worker(id_):
    return {"id": id_, "start": (GenServer.start_link, (Worker, id_))}


def inner(id_, children, max_restarts, restart):
    options = {"strategy": "one_for_one", "max_restarts": max_restarts}
    return {"id": id_, "start": (Supervisor.start_link, (children,), options), "type": "supervisor",
            "restart": restart}


def pids(sup):
    return {id_: pid for id_, pid, _, _ in Supervisor.which_children(sup)}


children = [worker("w1"), inner("inner", [worker("l1"), worker("l2")], 3, "permanent"), worker("w2")]
_, top = Supervisor.start_link(children, strategy="rest_for_one")
name(top, "top")
before = pids(top)
inner_before = pids(before["inner"])
ref = monitor(before["inner"])
exit(before["inner"], "kill")
receive(("DOWN", ref, ANY, ANY, ANY))
sleep(200)
say("terminates heard (sorted)", sorted(heard(100)))
now = pids(top)
say("top's children: the same pid?", [(id_, before[id_] == now[id_]) for id_ in ("w1", "inner", "w2")])
inner_now = pids(now["inner"])
say("inner's children: the same pid?",
    [(id_, inner_before[id_] == inner_now[id_]) for id_ in ("l1", "l2")])
say("stop top", Supervisor.stop(top, "custom"))
say("terminates in order", [receive(("terminate", ANY, ANY)) for _ in range(4)])
say("top exits", receive(("EXIT", top, ANY))[2])

_, top = Supervisor.start_link([worker("a"), inner("giver", [worker("l")], 0, "transient")],
                               strategy="one_for_one")
name(top, "top")
giver = pids(top)["giver"]
ref = monitor(giver)
exit(pids(giver)["l"], "kill")
say("the transient inner supervisor gave up", receive(("DOWN", ref, ANY, ANY, ANY))[4])
sleep(200)
children = Supervisor.which_children(top)
say("top's children: running?", [(id_, isinstance(pid, Pid)) for id_, pid, _, _ in children])
say("heard", heard(100))
Supervisor.stop(top)
say("heard at stop", heard(100))
