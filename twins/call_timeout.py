"""Scenario: GenServer.call gives up after its timeout and exits with
("timeout", ("GenServer", "call", [server, request, timeout])); the server is not stopped,
and its reply, when it comes, is dropped (the call's alias is gone, OTP 24+): the caller's
mailbox stays empty, and the next call gets its own reply.
Twin: call_timeout.exs."""
from twin import attempt, mailbox, name, say, start

from actorlab import GenServer, is_alive, sleep

start()


class Slow(GenServer):
    def init(self, state):
        return ("ok", state)

    def handle_call(self, request, from_, state):
        _, ms = request
        sleep(ms)
        return ("reply", "done", state)


_, slow = GenServer.start(Slow, None)
name(slow, "slow")
say("the call", attempt(lambda: GenServer.call(slow, ("work", 500), 100)))
sleep(1000)
say("the shell's mailbox after the reply was sent", mailbox())
say("the server is alive", is_alive(slow))
say("the next call", GenServer.call(slow, ("work", 0)))
