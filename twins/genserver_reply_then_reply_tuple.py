"""Scenario: a handle_call that answers twice: GenServer.reply(from_, "first"), then,
100 ms later, ("reply", "second", state). The caller's call returns "first" and is done
with: it dropped its monitor and the alias the reply is sent to, so "second" is dropped
on the way and never reaches the caller's mailbox.
Twin: genserver_reply_then_reply_tuple.exs."""
from twin import heard, say, start

from actorlab import GenServer, sleep

start()


class Twice(GenServer):
    def init(self, state):
        return ("ok", state)

    def handle_call(self, request, from_, state):
        GenServer.reply(from_, "first")
        sleep(100)
        return ("reply", "second", state)


_, server = GenServer.start(Twice, None)
say("the call returns", GenServer.call(server, "twice"))
say("later, the caller's mailbox", heard(500))
