"""Scenario: stopping a supervisor stops its children one by one, newest first, each as
its shutdown says: a child that traps exits runs terminate with "shutdown"; one that does
not trap exits just dies; a "brutal_kill" child is killed at once (no terminate); a child
that traps exits and takes longer than its shutdown time (100 ms here) is killed then.
Supervisor.stop returns "ok", and the process that started the supervisor with
start_link, trapping exits, gets ("EXIT", sup, "normal"). Twin: supervisor_stop_shutdown.exs."""
from twin import heard, say, start

from actorlab import GenServer, Supervisor, register, self_pid, send, sleep, trap_exit

start()
register("shell", self_pid())


class Worker(GenServer):
    def init(self, arg):
        name, trap = arg
        trap_exit(trap)
        return ("ok", name)

    def terminate(self, reason, name):
        send("shell", ("terminate", name, reason))
        if name == "stubborn":
            sleep(1000)
            send("shell", ("finished_terminate", name))



def spec(name, trap, **extra):
    return {"id": name, "start": (GenServer.start_link, (Worker, (name, trap))), **extra}


children = [
    spec("trapping", True),
    spec("plain", False),
    spec("brutal", True, shutdown="brutal_kill"),
    spec("stubborn", True, shutdown=100),
]

trap_exit(True)
_, sup = Supervisor.start_link(children)
say("Supervisor.stop", Supervisor.stop(sup))
say("the shell heard", heard())
