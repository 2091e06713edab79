"""Scenario: a GenServer tells a call and a cast by their whole shape, ("$gen_call", from,
request) and ("$gen_cast", request), not by the tag alone: a message with the tag but the
wrong number of items is neither, and goes to handle_info, like 42 or (); the server
lives. (Notebook 04's exercise 2 asks the same of the hand-built serve.)
Twin: genserver_misshapen_to_info.exs."""
from twin import say, start

from actorlab import GenServer, is_alive, send

start()


class Keeper(GenServer):
    def init(self, _):
        return ("ok", [])

    def handle_call(self, request, from_, infos):
        return ("reply", list(reversed(infos)), infos)

    def handle_info(self, message, infos):
        return ("noreply", [message] + infos)


_, server = GenServer.start(Keeper, None)
for message in (42, (), ("$gen_call", "oops"), ("$gen_cast",), ("$gen_cast", "a", "b")):
    send(server, message)
say("handle_info got", GenServer.call(server, "infos"))
say("alive", is_alive(server))
