"""Scenario: a deadlock puzzle of the capstone, with no cycle. The shell joins a room as a
member and waits for ("said", who, text); but GenServer.cast wraps what it sends in
("$gen_cast", message), so the message in the shell's mailbox never matches: the
shell would wait forever (here, 100 ms). Twin: capstone_puzzle_cast_pattern.exs."""
from twin import mailbox, say, start

from actorlab import ANY, GenServer, ReceiveTimeout, receive, self_pid

start()


class Megaphone(GenServer):
    def init(self, members):
        return ("ok", members)

    def handle_call(self, request, from_, members):
        _, member = request
        return ("reply", "ok", members + [member])

    def handle_cast(self, message, members):
        for member in members:
            GenServer.cast(member, message)
        return ("noreply", members)


_, megaphone = GenServer.start(Megaphone, [])
say("join", GenServer.call(megaphone, ("join", self_pid())))
say("cast", GenServer.cast(megaphone, ("said", "ann", "hello, all")))
try:
    _, who, text = receive(("said", ANY, ANY), timeout=100)
    say("the shell heard", (who, text))
except ReceiveTimeout:
    say("nothing matched; the shell's mailbox holds", mailbox())
