"""Scenario: what GenServer.cast does with each kind of destination. It answers "ok" for a
server that is gone, a name nobody has, a name on another node, a via-name whose
registry is not running, and None (Elixir's nil): nobody waits for a cast, so nothing is
checked. A term that cannot name a server at all raises in the caller.
Twin: cast_bad_destination.exs."""
from twin import attempt, say, start

from actorlab import GenServer, Registry

start()


class Quiet(GenServer):
    def init(self, state):
        return ("ok", state)


_, server = GenServer.start(Quiet, None)
GenServer.stop(server)
say("a dead pid", GenServer.cast(server, "hello"))
say("a name nobody has", GenServer.cast("nobody", "hello"))
say("a name on another node", GenServer.cast(("nobody", "elsewhere@host"), "hello"))
say("a via-name, no registry", GenServer.cast(("via", Registry, ("no_registry", "k")), "hello"))
say("nil", GenServer.cast(None, "hello"))
say("a number", attempt(lambda: GenServer.cast(42, "hello")))
