"""Scenario: a GenServer answers a call with ("stop", "normal", "done", state), and the
reply is late (faults.delay, 500 ms). The call gives up at 100 ms: it exits with the
timeout, as the server's DOWN travels behind the reply and cannot bring it in early.
Afterwards neither comes: the reply went to the call's alias, which ended with the call,
and the monitor was removed. Part 2: GenServer.stop, its acknowledgement late (a delay of
500 ms), gives up at 100 ms the same way.
Twin: fault_delay_call_reply_then_stops.exs."""
from twin import attempt, mailbox, name, say, start

from actorlab import GenServer, Ref, faults, is_alive, sleep

start(faults=[faults.delay((Ref, "done"), 500), faults.delay((Ref, "ok"), 500)])


class Quitter(GenServer):
    def init(self, s):
        return ("ok", s)

    def handle_call(self, request, from_, s):
        return ("stop", "normal", "done", s)


class SlowStop(GenServer):
    def init(self, s):
        return ("ok", s)


def late(what, module, action):
    """Start `module`, try `action` on it (it gives up at 100 ms), then look a second later."""
    _, server = GenServer.start(module, None)
    name(server, "server")
    say(what, attempt(lambda: action(server)))
    sleep(1000)
    say("the server is alive", is_alive(server))
    say("the shell's mailbox", mailbox())


late("the call", Quitter, lambda server: GenServer.call(server, "last", 100))
late("the stop", SlowStop, lambda server: GenServer.stop(server, "normal", 100))
