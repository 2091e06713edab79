"""Scenario: restart intensity. Elixir's supervisors allow 3 restarts in 5 seconds (here
said explicitly); one crash more within that time and the supervisor gives up: it stops
its other children and exits with reason shutdown, which reaches the process linked to
it (the shell, trapping exits, gets it as a message). Twin: supervisor_restart_intensity.exs."""
from twin import name, say, start

from actorlab import (GenServer, ReceiveTimeout, Supervisor, exit, is_alive, receive, register,
                      self_pid, send, trap_exit, whereis)

start()
register("shell", self_pid())
trap_exit(True)


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


children = [(Service, "db"), (Service, "cache")]
_, sup = Supervisor.start_link(children, strategy="one_for_one", max_restarts=3, max_seconds=5)
name(sup, "sup")
heard()

for crash in range(1, 5):
    exit(whereis("cache"), "kill")
    say(f"after crash {crash} the shell heard", heard())

say("the supervisor is alive", is_alive(sup))
