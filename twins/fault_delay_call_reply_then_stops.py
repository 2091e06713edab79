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


_, server = GenServer.start(Quitter, None)
name(server, "server")
say("the call", attempt(lambda: GenServer.call(server, "last", 100)))
sleep(1000)
say("the server is alive", is_alive(server))
say("the shell's mailbox", mailbox())


class SlowStop(GenServer):
    def init(self, s):
        return ("ok", s)


_, server = GenServer.start(SlowStop, None)
name(server, "server")
say("the stop", attempt(lambda: GenServer.stop(server, "normal", 100)))
sleep(1000)
say("the server is alive", is_alive(server))
say("the shell's mailbox", mailbox())
