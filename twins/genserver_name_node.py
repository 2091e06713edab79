"""Scenario: a server named (name, node). On a node that is not part of a cluster, the node
is "nonode@nohost", and (name, "nonode@nohost") means the name on this node: call, cast,
stop and whereis accept it, and the exit reasons quote it as given. A name on another node
cannot be reached from here: a call exits with ("nodedown", node), a cast returns "ok"
anyway, and GenServer.whereis answers the pair itself. Twin: genserver_name_node.exs."""
from twin import attempt, name, say, start

from actorlab import GenServer

start()


class Counter(GenServer):
    def init(self, count):
        return ("ok", count)

    def handle_call(self, request, from_, count):
        return ("reply", count, count)

    def handle_cast(self, message, count):
        return ("noreply", count + 1)


_, counter = GenServer.start(Counter, 0, name="counter")
name(counter, "counter")
here = ("counter", "nonode@nohost")
say("cast", GenServer.cast(here, "bump"))
say("call", GenServer.call(here, "get"))
say("whereis", GenServer.whereis(here))
say("call a name nobody has", attempt(lambda: GenServer.call(("nobody", "nonode@nohost"), "get")))

there = ("counter", "other@host")
say("call another node", attempt(lambda: GenServer.call(there, "get")))
say("cast to another node", GenServer.cast(there, "bump"))
say("whereis on another node", GenServer.whereis(there))

say("stop", GenServer.stop(here))
say("stop again", attempt(lambda: GenServer.stop(here)))
