"""Scenario: with one_for_all, when a child dies the supervisor stops all the others (the
newest first: they trap exits, so their terminate runs with reason shutdown), then
starts them all again in order. Children tell the shell when they start and stop.
Twin: supervisor_one_for_all.exs."""
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
Supervisor.start_link(children, strategy="one_for_all")
heard()

before = [(name, whereis(name)) for name in ["db", "cache", "web"]]
exit(whereis("cache"), "kill")
say("after cache was killed the shell heard", heard())
renewed = [name for name, pid in before if whereis(name) != pid]
say("children with a new pid", renewed)
