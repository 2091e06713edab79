"""Scenario: GenServer.call to a server that is not there exits at once with "noproc",
whether the server is a pid that has exited or a name nobody registered; a server that
dies while handling the call makes the call exit with the server's own exit reason.
Twin: call_dead_server.exs."""
from twin import attempt, name, say, start

from actorlab import GenServer

start()


class Fragile(GenServer):
    def init(self, state):
        return ("ok", state)

    def handle_call(self, request, from_, state):
        if request == "ping":
            return ("reply", "pong", state)
        raise RuntimeError("boom")


_, server = GenServer.start(Fragile, None)
name(server, "server")
say("ping", GenServer.call(server, "ping"))
say("stop", GenServer.stop(server))
say("a dead pid", attempt(lambda: GenServer.call(server, "ping")))
say("an unregistered name", attempt(lambda: GenServer.call("nobody", "ping")))

_, fragile = GenServer.start(Fragile, None)
name(fragile, "fragile")
say("a crash during the call", attempt(lambda: GenServer.call(fragile, "crash")))
