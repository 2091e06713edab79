"""Scenario: the indirect deadlock a -> b -> a. The shell calls a; a's handler calls b; b's
handler calls a, which is busy waiting for b. OTP cannot refuse this (neither call is to
itself): the calls wait for their timeouts. They are distinct, so the order is not a race:
b's call to a gives up first (100 ms), b exits, a's call to b exits with b's reason
wrapped in its own, and a exits; the shell's call exits with all of it, nested.
actorlab also warns that the calls form a cycle; start() silences that log line.
Twin: mutual_call_deadlock.exs."""
from twin import attempt, say, start

from actorlab import GenServer, whereis

start()


class Relay(GenServer):
    def init(self, arg):
        return ("ok", arg)

    def handle_call(self, request, from_, state):
        peer, timeout = state
        return ("reply", GenServer.call(peer, "ping", timeout), state)


GenServer.start(Relay, ("b", 500), name="a")
GenServer.start(Relay, ("a", 100), name="b")
say("the shell's call", attempt(lambda: GenServer.call("a", "ping", 1000)))
say("a and b are gone", (whereis("a"), whereis("b")))
