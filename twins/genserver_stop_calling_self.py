"""Scenario: GenServer.stop called from inside the server, by pid or by its own name. A
server cannot wait for its own exit, so GenServer.stop refuses at once: it exits with
("calling_self", ("GenServer", "stop", [server, "normal", "infinity"])). Caught, the server
lives on and answers; uncaught, the server crashes with that reason.
Twin: genserver_stop_calling_self.exs."""
from twin import attempt, name, say, start

from actorlab import ANY, GenServer, monitor, receive, self_pid

start()


class Quitter(GenServer):
    def init(self, state):
        return ("ok", state)

    def handle_call(self, request, from_, state):
        if request == "try_to_stop":
            return ("reply", attempt(lambda: GenServer.stop(self_pid())), state)
        if request == "stop_by_name":
            GenServer.stop("quitter")
            return ("reply", "stopped", state)
        return ("reply", "pong", state)


_, server = GenServer.start(Quitter, None, name="quitter")
name(server, "server")
say("caught inside the server", GenServer.call(server, "try_to_stop"))
say("the server still answers", GenServer.call(server, "ping"))
ref = monitor(server)
say("uncaught", attempt(lambda: GenServer.call(server, "stop_by_name")))
say("the server exited", receive(("DOWN", ref, "process", ANY, ANY))[4])
