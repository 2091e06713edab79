"""Scenario: a timeout that is not one. A call given 1.5 or -1 ms raises at once (gen.erl's
guard: a timeout is a whole number of ms, 0 or more, or "infinity"), before anything is
sent. handle_cast returns ("noreply", state, "soon"), which is neither a timeout,
"hibernate" nor ("continue", arg): the server ends with ("bad_return_value", return), and
terminate gets it. Twin: bad_timeout_value.exs."""
from twin import attempt, heard, mailbox, name, say, start

from actorlab import ANY, GenServer, monitor, receive, register, self_pid, send

start()
register("shell", self_pid())


class Odd(GenServer):
    def init(self, s):
        return ("ok", s)

    def handle_call(self, request, from_, s):
        send("shell", "called")
        return ("reply", s, s)

    def handle_cast(self, message, s):
        return ("noreply", s, "soon")

    def terminate(self, reason, s):
        send("shell", ("terminate", reason))


_, server = GenServer.start(Odd, None)
name(server, "server")
say("call, timeout 1.5", attempt(lambda: GenServer.call(server, "get", 1.5)))
say("call, timeout -1", attempt(lambda: GenServer.call(server, "get", -1)))
say("the shell heard", heard(100))

ref = monitor(server)
GenServer.cast(server, "odd")
say("DOWN", receive(("DOWN", ref, ANY, ANY, ANY))[4])
say("the shell's mailbox", mailbox())
