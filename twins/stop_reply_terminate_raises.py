"""Scenario: handle_call returns ("stop", reason, reply, state) and terminate raises.
gen_server.erl does `try terminate(...) after reply(From, Reply) end`: the caller gets its
reply all the same, and the server exits with terminate's error.
Twin: stop_reply_terminate_raises.exs."""
from twin import attempt, mailbox, name, say, start

from actorlab import ANY, GenServer, monitor, receive

start()


class Fragile(GenServer):
    def init(self, s):
        return ("ok", s)

    def handle_call(self, request, from_, s):
        return ("stop", "normal", "bye", s)

    def terminate(self, reason, s):
        raise RuntimeError("in terminate")


_, server = GenServer.start(Fragile, None)
name(server, "server")
ref = monitor(server)
say("the call", attempt(lambda: GenServer.call(server, "quit")))
say("DOWN", receive(("DOWN", ref, ANY, ANY, ANY))[4])
say("the shell's mailbox", mailbox())
