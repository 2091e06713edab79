"""Scenario: a server started with start_link and its parent. When the parent exits, a
server that traps exits runs terminate with the parent's reason and stops, even when the
reason is "normal". One that does not trap exits ignores a "normal" exit, so it outlives
the parent, and dies at once of any other reason, without running terminate.
Twin: genserver_parent_exit.exs."""
from twin import heard, say, start

from actorlab import GenServer, exit, is_alive, receive, register, self_pid, send, spawn, trap_exit

start()
register("shell", self_pid())


class Child(GenServer):
    def init(self, trap):
        trap_exit(trap)
        return ("ok", None)

    def terminate(self, reason, state):
        send("shell", ("terminate", reason))



def parent(trap, reason):
    _, server = GenServer.start_link(Child, trap)
    send("shell", ("server", server))
    receive("exit")
    exit(reason)


for trap in [True, False]:
    for reason in ["normal", "oops"]:
        parent_pid = spawn(parent, trap, reason)
        _, server = receive()
        send(parent_pid, "exit")
        say(f"trapping {str(trap).lower()}, the parent exits with {reason}", heard())
        say("alive", is_alive(server))
