"""Scenario: a server that traps exits, started with start_link by the shell, gets an exit
signal sent with exit(server, reason). From a stranger, any reason is just a message for
handle_info. From its parent (the shell, still alive), the same signal stops the server,
as the parent's own exit would: terminate runs with that reason, even "normal", and the
shell gets the DOWN and, through the link, the EXIT.
Twin: genserver_exit_signal_from_parent.exs."""
from twin import heard, say, start

from actorlab import GenServer, exit, monitor, register, self_pid, send, spawn, trap_exit

start()
register("shell", self_pid())
trap_exit(True)


class Trapper(GenServer):
    def init(self, state):
        trap_exit(True)
        return ("ok", state)

    def handle_info(self, message, state):
        _exit, _from, reason = message
        send("shell", ("handle_info", "EXIT", reason))
        return ("noreply", state)

    def terminate(self, reason, state):
        send("shell", ("terminate", reason))


for reason in ["normal", "shutdown", "other"]:
    _, server = GenServer.start_link(Trapper, None)
    ref = monitor(server)
    spawn(exit, server, reason)
    say(f"from a stranger, {reason}", heard(200))
    exit(server, reason)

    def short(message):
        if message[:2] == ("DOWN", ref):
            return ("DOWN", message[4])
        if message[:2] == ("EXIT", server):
            return ("EXIT", message[2])
        return message

    say(f"from the parent, {reason}", [short(message) for message in heard(200)])
