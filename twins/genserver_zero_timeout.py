"""Scenario: a callback that returns ("noreply", state, 0). A timeout of 0 fires only if
the mailbox is empty: when a message is already waiting, the server handles it and no
"timeout" comes (the next callback did not ask again); when nothing is waiting,
handle_info gets "timeout" at once. The server reports each callback to the shell.
Twin: genserver_zero_timeout.exs."""
from twin import heard, say, start

from actorlab import GenServer, register, self_pid, send, sleep

start()
register("shell", self_pid())


class Zero(GenServer):
    def init(self, state):
        return ("ok", state)

    def handle_cast(self, message, state):
        if message == "block":
            sleep(100)
            return ("noreply", state)
        send("shell", ("cast", message))
        if message == "zero":
            return ("noreply", state, 0)
        return ("noreply", state)

    def handle_info(self, message, state):
        send("shell", ("info", message))
        return ("noreply", state)


_, server = GenServer.start(Zero, None)
GenServer.cast(server, "block")
GenServer.cast(server, "zero")
GenServer.cast(server, "plain")
say("zero, with a message waiting", heard(500))
GenServer.cast(server, "zero")
say("zero, with an empty mailbox", heard(500))
