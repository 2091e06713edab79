"""Scenario: with rest_for_one, when a child dies the supervisor stops the children started
after it (the newest first), then restarts it and them, in order; children started
before it are left alone. Children tell the shell when they start and stop.
Twin: supervisor_rest_for_one.exs."""
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
Supervisor.start_link(children, strategy="rest_for_one")
heard()

for victim in ["web", "cache", "db"]:
    before = [(name, whereis(name)) for name in ["db", "cache", "web"]]
    exit(whereis(victim), "kill")
    say(f"after {victim} was killed the shell heard", heard())
    renewed = [name for name, pid in before if whereis(name) != pid]
    say("children with a new pid", renewed)
