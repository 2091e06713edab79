"""Scenario: a server is killed while it holds a request. A call built from send and
receive alone never hears of it: nothing will ever answer, and only its timeout ends the
wait. A call that monitors the server first gets a DOWN with the server's exit reason, at
once. actorlab injects each kill as a fault, after the server's first receive (the
request): the BEAM twin stages the same moment by hand. Twin: fault_kill_without_monitor.exs."""
from twin import attempt, name, say, start

from actorlab import (ANY, Exit, OneOf, ReceiveTimeout, demonitor, faults, make_ref, monitor,
                      receive, self_pid, send, spawn)

# One kill for each of the two servers below (a fault fires once).
start(faults=[faults.kill("server", after=1), faults.kill("server", after=1)])
test = self_pid()


def call(server, request):
    ref = make_ref()
    send(server, ("call", self_pid(), ref, request))
    try:
        return receive((ref, ANY), timeout=500)[1]
    except ReceiveTimeout:
        raise Exit("timeout") from None


def monitored_call(server, request):
    ref = monitor(server)
    send(server, ("call", self_pid(), ref, request))
    reply = receive(OneOf((ref, ANY), ("DOWN", ref, "process", ANY, ANY)))
    if reply[0] == "DOWN":
        raise Exit(reply[4])
    demonitor(ref, flush=True)
    return reply[1]


def server():
    _, caller, ref, request = receive(("call", ANY, ANY, ANY))
    send(caller, (ref, ("done", request)))


for way in (call, monitored_call):
    pid = spawn(server, label="server")
    name(pid, "server")
    client = spawn(lambda: send(test, ("client", attempt(lambda: way(pid, "work")))))
    name(client, "client")
    say(f"{way.__name__}: the client got", receive(("client", ANY))[1])
