"""Scenario: GenServer.reply with a from built by hand, (self_pid(), make_ref()), as a unit
test of a handle_call that answers later does: gen:reply sends (ref, reply) to the pid, so
the reply arrives tagged with that ref. Twin: reply_hand_built_from.exs."""
from twin import mailbox, say, start

from actorlab import ANY, GenServer, ReceiveTimeout, make_ref, receive, self_pid

start()


class Later(GenServer):
    def init(self, s):
        return ("ok", s)

    def handle_call(self, request, from_, s):
        return ("noreply", (from_, s))


from_ = (self_pid(), make_ref())
_, (waiting, state) = Later().handle_call("get", from_, 7)
say("reply", GenServer.reply(waiting, state))
_, ref = from_
try:
    say("got, tagged with the ref", receive((ref, ANY), timeout=200)[1])
except ReceiveTimeout:
    say("got", "nothing")
say("the shell's mailbox", mailbox())
