"""Scenario: who is a GenServer's parent. GenServer.start (no link) makes the server its
own parent (gen.erl), so to a server that traps exits, an exit signal from the process
that started it is only a message for handle_info, and it lives on: whether the starter
sends one with exit(pid, reason) or links to it by hand and then crashes. With start_link
the starter is the parent: its exit signal makes the server run terminate and stop.
Twin: genserver_start_own_parent.exs."""
from twin import heard, name, say, start

from actorlab import (GenServer, exit, is_alive, link, receive, register, self_pid, send, spawn,
                      trap_exit)

start()
register("shell", self_pid())


class Trapper(GenServer):
    def init(self, arg):
        trap_exit(True)
        return ("ok", None)

    def handle_info(self, message, state):
        _, _, reason = message
        send("shell", ("handle_info", "EXIT", reason))
        return ("noreply", state)

    def terminate(self, reason, state):
        send("shell", ("terminate", reason))



_, server = GenServer.start(Trapper, "ok")
exit(server, "shutdown")
say("start, then Process.exit(server, :shutdown)", heard())
say("alive", is_alive(server))


def starter():
    _, server = GenServer.start(Trapper, "ok")
    link(server)
    send("shell", ("server", server))
    receive("crash")
    exit("oops")


starter_pid = spawn(starter)
_, server = receive()
send(starter_pid, "crash")
say("start, link by hand, the starter exits with :oops", heard())
say("alive", is_alive(server))

trap_exit(True)
_, server = GenServer.start_link(Trapper, "ok")
name(server, "server")
exit(server, "shutdown")
say("start_link, then Process.exit(server, :shutdown)", heard())
say("alive", is_alive(server))
