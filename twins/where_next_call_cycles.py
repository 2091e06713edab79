"""Scenario: OTP refuses a call to yourself at once (calling_self, OTP 25+), but it cannot
see a cycle through another server: there only the call's timeout ends the wait.
Twin: where_next_call_cycles.exs."""
from twin import attempt, name, say, start

from actorlab import GenServer, self_pid

start()


class Stats(GenServer):
    def init(self, numbers):
        return ("ok", numbers)

    def handle_call(self, request, from_, numbers):
        if request == "mean":
            return ("reply", sum(numbers) / len(numbers), numbers)
        mean = GenServer.call(self_pid(), "mean")
        return ("reply", ("summary", len(numbers), mean), numbers)


_, stats = GenServer.start(Stats, [1, 2, 3, 6])
name(stats, "stats")
say("mean", GenServer.call(stats, "mean"))
say("summary", attempt(lambda: GenServer.call(stats, "summary")))


class Relay(GenServer):
    def init(self, other):
        return ("ok", other)

    def handle_call(self, request, from_, other):
        if request == "work":
            return ("reply", GenServer.call(other, "check", 100), other)
        return ("reply", GenServer.call(other, "confirm", 500), other)


GenServer.start(Relay, "b", name="a")
GenServer.start(Relay, "a", name="b")
say("work", attempt(lambda: GenServer.call("a", "work", 1000)))
