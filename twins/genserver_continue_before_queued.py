"""Scenario: messages that reach a server while its init runs wait for the continue init
asks for. Here init casts to itself, starts a process that calls it, and takes 100 ms, so a
cast and a call are already in its mailbox when it returns ("ok", [], ("continue", "load")):
handle_continue runs first, then the cast, then the call, in the order they came.
Twin: genserver_continue_before_queued.exs."""
from twin import say, start

from actorlab import ANY, GenServer, receive, register, self_pid, send, sleep, spawn

start()
register("shell", self_pid())


class Early(GenServer):
    def init(self, arg):
        GenServer.cast(self_pid(), "queued_cast")
        server = self_pid()
        spawn(lambda: send("shell", ("caller_got", GenServer.call(server, "queued_call"))))
        sleep(100)
        return ("ok", [], ("continue", "load"))

    def handle_continue(self, step, seen):
        return ("noreply", seen + [step])

    def handle_cast(self, message, seen):
        return ("noreply", seen + [message])

    def handle_call(self, message, from_, seen):
        return ("reply", seen + [message], seen + [message])


GenServer.start(Early, "ok")
say("the early caller got", receive(("caller_got", ANY))[1])
