"""Scenario: a "$gen_call" sent by hand to a real GenServer, with a from (pid, plain ref)
(as a hand-built call does): gen:reply sends (ref, reply) to the pid, and the server goes
on. Then a real call that handle_call defers: it keeps from_, returns ("noreply", from_,
100), and answers when the "timeout" comes. Twin: raw_gen_call_plain_ref.exs."""
from twin import attempt, mailbox, say, start

from actorlab import ANY, GenServer, ReceiveTimeout, is_alive, make_ref, receive, self_pid, send

start()


class Raw(GenServer):
    def init(self, s):
        return ("ok", s)

    def handle_call(self, request, from_, s):
        if request == "get":
            return ("reply", s, s)
        return ("noreply", from_, 100)          # "later"

    def handle_info(self, message, from_):     # the "timeout"
        GenServer.reply(from_, "after_timeout")
        return ("noreply", None)


_, server = GenServer.start(Raw, 42)
ref = make_ref()
send(server, ("$gen_call", (self_pid(), ref), "get"))
try:
    say("hand-sent call, reply", receive((ref, ANY), timeout=300)[1])
except ReceiveTimeout:
    say("hand-sent call, reply", "none")
say("server alive", is_alive(server))
say("deferred until timeout", attempt(lambda: GenServer.call(server, "later")))
say("the shell's mailbox", mailbox())
