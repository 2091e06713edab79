"""Scenario: a child's restart type decides what its exit means to the supervisor: a
permanent child is restarted whatever its reason, "normal" too; a transient one only
after an abnormal exit (not "normal", "shutdown" or ("shutdown", _)); a temporary one
never, and its spec is forgotten. Twin: supervisor_restart_types.exs."""
from twin import say, start

from actorlab import ANY, GenServer, Supervisor, monitor, receive, sleep

start()


class Worker(GenServer):
    def init(self, arg):
        return ("ok", arg)

    def handle_cast(self, message, state):
        _, reason = message
        return ("stop", reason, state)


def after_exit(children, pid):
    if not children:
        return "forgotten"
    [(_, new, _, _)] = children
    if new == "undefined":
        return "not_restarted"
    return "restarted" if new != pid else "the same pid"


for restart in ["permanent", "transient", "temporary"]:
    for reason, written in [("normal", ":normal"), (("shutdown", "done"), "{:shutdown, :done}"),
                            ("oops", ":oops")]:
        spec = {"id": "child", "start": (GenServer.start_link, (Worker, None)), "restart": restart}
        _, sup = Supervisor.start_link([spec])
        [(_, pid, _, _)] = Supervisor.which_children(sup)
        ref = monitor(pid)
        GenServer.cast(pid, ("exit", reason))
        receive(("DOWN", ref, "process", ANY, ANY))
        sleep(100)
        say(f"{restart}, exit {written}", after_exit(Supervisor.which_children(sup), pid))
        Supervisor.stop(sup)
