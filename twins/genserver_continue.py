"""Scenario: ("continue", arg) in a callback's return runs handle_continue(arg, state)
next, before the server reads any other message: after init, start has already returned
(so slow setup, 100 ms here, does not hold up the starter) and yet a call sent at once
waits for the continue; after ("reply", reply, state, ("continue", arg)), the caller has
its reply first.
Twin: genserver_continue.exs."""
from twin import mailbox, say, start

from actorlab import GenServer, register, self_pid, send, sleep

start()
register("shell", self_pid())


class Setup(GenServer):
    def init(self, arg):
        send("shell", "init")
        return ("ok", [], ("continue", "load"))

    def handle_continue(self, arg, steps):
        if arg == "load":
            sleep(100)
            send("shell", "continue")
            return ("noreply", steps + ["loaded"])
        return ("noreply", steps + ["tidied"])

    def handle_call(self, request, from_, steps):
        if request == "tidy":
            return ("reply", steps, steps, ("continue", "tidy"))
        return ("reply", steps, steps)


_, server = GenServer.start(Setup, "ok")
send(self_pid(), "start_returned")
say("steps", GenServer.call(server, "steps"))
say("in order", mailbox())
say("the reply to :tidy", GenServer.call(server, "tidy"))
say("steps", GenServer.call(server, "steps"))
