"""Scenario: a supervisor starts its children in order when it starts; with one_for_one,
when a child dies only that child is restarted (a new pid, the same name).
Children tell the shell when they start and stop. Twin: supervisor_one_for_one.exs."""
from twin import say, start

from actorlab import (GenServer, ReceiveTimeout, Supervisor, exit, receive, register, self_pid,
                      send, trap_exit, whereis)

start()
register("shell", self_pid())


class Service(GenServer):
    @classmethod
    def child_spec(cls, name):
        return {"id": name, "start": (GenServer.start_link, (Service, name), {"name": name})}

    def init(self, name):
        trap_exit(True)
        send("shell", ("started", name))
        return ("ok", name)

    def terminate(self, reason, name):
        send("shell", ("stopped", name, reason))


def heard():
    """Every message that arrives until 100 ms pass with none, oldest first."""
    messages = []
    while True:
        try:
            messages.append(receive(timeout=100))
        except ReceiveTimeout:
            return messages


children = [(Service, "db"), (Service, "cache"), (Service, "web")]
_, sup = Supervisor.start_link(children, strategy="one_for_one")
say("at start-up the shell heard", heard())
rows = [(id_, type_) for id_, _, type_, _ in Supervisor.which_children(sup)]
say("which_children, newest first", rows)

before = [(name, whereis(name)) for name in ["db", "cache", "web"]]
exit(whereis("cache"), "kill")
say("after cache was killed the shell heard", heard())
renewed = [name for name, pid in before if whereis(name) != pid]
say("children with a new pid", renewed)
