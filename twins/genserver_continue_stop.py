"""Scenario: a handle_continue that stops the server. start_link has already returned
("ok", pid) when the continue runs (it takes 100 ms here); a call made meanwhile waits for
it, then exits with the stop reason (wrapped in the call's). terminate runs with that
reason, and the shell, linked and trapping exits, gets the EXIT after it.
Twin: genserver_continue_stop.exs."""
from twin import attempt, heard, name, say, start

from actorlab import GenServer, register, self_pid, send, sleep, trap_exit

start()
register("shell", self_pid())
trap_exit(True)


class Quitter(GenServer):
    def init(self, arg):
        return ("ok", None, ("continue", "quit"))

    def handle_continue(self, step, state):
        sleep(100)
        return ("stop", "bye", state)

    def handle_call(self, request, from_, state):
        return ("reply", "hello", state)

    def terminate(self, reason, state):
        send("shell", ("terminate", reason))


_, server = GenServer.start_link(Quitter, "ok")
name(server, "server")
say("call during the continue", attempt(lambda: GenServer.call(server, "hi")))
say("heard", heard())
