"""Scenario: handle_call returns something that is not one of GenServer's tuples. The
server exits with ("bad_return_value", value): its terminate gets that reason, so does the
DOWN of a monitor, and the caller's call exits with it wrapped in the call's own reason.
Twin: genserver_call_bad_return.exs."""
from twin import attempt, mailbox, name, say, start

from actorlab import ANY, GenServer, monitor, receive, register, self_pid, send

start()
register("shell", self_pid())


class Careless(GenServer):
    def init(self, state):
        return ("ok", state)

    def handle_call(self, request, from_, state):
        return "done"       # forgot the tuple: should have been ("reply", "done", state)

    def terminate(self, reason, state):
        send("shell", ("terminate", reason))


_, server = GenServer.start(Careless, None)
name(server, "server")
ref = monitor(server)
say("the call", attempt(lambda: GenServer.call(server, "work")))
say("terminate got", receive(("terminate", ANY))[1])
say("the DOWN says", receive(("DOWN", ref, "process", ANY, ANY))[4])
say("the shell's mailbox", mailbox())
