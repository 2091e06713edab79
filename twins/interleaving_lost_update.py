"""Scenario: two clients that each `get` the count and then `set` it to count + 1 lose an
update when both get before either sets. The shell forces that order with explicit
messages, so the run is the same every time. One "increment" call per bump loses
nothing, in any order. Twin: interleaving_lost_update.exs."""
from twin import name, say, show, start

from actorlab import ANY, GenServer, receive, self_pid, send, spawn

start()


class Counter(GenServer):
    def init(self, n):
        return ("ok", n)

    def handle_call(self, request, from_, n):
        if request == "get":
            return ("reply", n, n)
        if request == "increment":
            return ("reply", n + 1, n + 1)
        _, value = request                                   # ("set", value)
        return ("reply", "ok", value)


def bump_in_two_steps(counter, shell):
    """A client that bumps the counter in two calls, each when the shell says so."""
    receive("get")
    value = GenServer.call(counter, "get")
    send(shell, ("got", self_pid(), value))
    receive("set")
    GenServer.call(counter, ("set", value + 1))
    send(shell, ("done", self_pid()))


_, counter = GenServer.start(Counter, 0)
shell = self_pid()
ann = spawn(bump_in_two_steps, counter, shell)
bob = spawn(bump_in_two_steps, counter, shell)
name(ann, "ann")
name(bob, "bob")

for client in [ann, bob]:
    send(client, "get")
    _, _, value = receive(("got", client, ANY))
    say(f"{show(client)} got", value)

for client in [ann, bob]:
    send(client, "set")
    receive(("done", client))
    say(f"{show(client)} set", "done")

say("the count after two bumps", GenServer.call(counter, "get"))

_, safe = GenServer.start(Counter, 0)


def increment():
    send(shell, ("incremented", GenServer.call(safe, "increment")))


spawn(increment)
spawn(increment)
for _ in range(2):
    receive(("incremented", ANY))
say("the count after two increments", GenServer.call(safe, "get"))
