"""Scenario: a supervised server is killed while it handles a call. The caller exits with
the server's reason, ("killed", ("GenServer", "call", ...)); the supervisor starts the
server again, under a new pid that takes its name; a call by name then reaches the new
one. actorlab injects the kill as a fault, after the server's first receive (the call):
the BEAM twin stages the same moment by hand. Twin: fault_kill_mid_call.exs."""
from twin import attempt, name, say, start

from actorlab import ANY, GenServer, Supervisor, faults, receive, self_pid, send, sleep, spawn, whereis

start(faults=[faults.kill("accounts", after=1)])
test = self_pid()


class Accounts(GenServer):
    def init(self, test):
        return ("ok", test)

    def handle_call(self, request, from_, test):
        if request == "ping":
            return ("reply", "pong", test)
        return ("reply", ("paid", request[1]), test)


Supervisor.start_link([{"id": "Accounts", "start": (GenServer.start_link, (Accounts, test),
                                                     {"name": "accounts"})}],
                      strategy="one_for_one")
first = whereis("accounts")
name(first, "accounts")

client = spawn(lambda: send(test, ("client", attempt(
    lambda: GenServer.call("accounts", ("pay", 5))))))
name(client, "client")
say("the client's call", receive(("client", ANY))[1])
sleep(100)
now = whereis("accounts")
say("accounts runs again, under a new pid", now is not None and now != first)
say("a call by name reaches it", GenServer.call("accounts", "ping"))
