"""Scenario: a cast is a message: the casts of one client are handled in the order they
were sent, and a call sent after them sees them all. GenServer.stop runs terminate before
it returns "ok". A cast never fails and always returns "ok", even to a dead server or a
name nobody registered. The Counter is notebook 05's. Twin: cast_ordering.exs."""
from twin import say, start

from actorlab import GenServer

start()


class Counter(GenServer):
    def init(self, n):
        return ("ok", n)

    def handle_call(self, request, from_, n):
        return ("reply", n, n)

    def handle_cast(self, message, n):
        return ("noreply", n + message[1])


_, counter = GenServer.start_link(Counter, 10)
GenServer.cast(counter, ("add", 5))
say("get", GenServer.call(counter, "get"))


class Recorder(GenServer):
    def init(self, seen):
        return ("ok", seen)

    def handle_call(self, request, from_, seen):
        return ("reply", seen, seen)

    def handle_cast(self, message, seen):
        return ("noreply", seen + [message])

    def terminate(self, reason, seen):
        say("terminate", (reason, seen))


_, recorder = GenServer.start(Recorder, [])
for word in ["one", "two", "three", "four"]:
    GenServer.cast(recorder, word)
say("seen, in order", GenServer.call(recorder, "seen"))
GenServer.cast(recorder, "five")
say("stop", GenServer.stop(recorder))
say("a cast to the stopped server", GenServer.cast(recorder, "six"))
say("a cast to an unregistered name", GenServer.cast("nobody", "seven"))
