"""Scenario: a call's reply is late (staged: the server sleeps 500 ms first); the call
gives up at 100 ms. The reply then arrives at a dead alias and is dropped. Part 2: a
message to an alias() that is unaliased before the message arrives is dropped too.
Twin: fault_delay_reply_after_timeout.exs."""
from twin import attempt, heard, mailbox, name, say, start

from actorlab import (GenServer, Ref, alias, faults, receive, self_pid, send, sleep,
                      spawn, unalias, ReceiveTimeout)

start(faults=[faults.delay((Ref, "done"), 500), faults.delay("via_alias", 300)])


class Quick(GenServer):
    def init(self, s):
        return ("ok", s)

    def handle_call(self, request, from_, s):
        return ("reply", "done", s)


_, server = GenServer.start(Quick, None)
name(server, "server")
say("the call", attempt(lambda: GenServer.call(server, "work", 100)))
try:
    receive("nothing", timeout=1000)
except ReceiveTimeout:
    pass
say("mailbox after the late reply", mailbox())
shell = self_pid()
a = alias()


def snd():
    receive("go")
    send(a, "via_alias")
    send(shell, "direct")


sender = spawn(snd)
send(sender, "go")
sleep(100)
say("unalias", unalias(a))
say("heard", heard(500))
