"""Scenario: a start with a timeout, for an init that takes too long. After the timeout the
start gives up: it kills the new server and answers ("error", "timeout"). With start_link
it unlinks first, so the caller is neither killed nor told: even a caller that traps
exits finds its mailbox empty, and the server is gone. Without a timeout a start waits
for init as long as it takes. Twin: genserver_start_timeout.exs."""
from twin import mailbox, name, say, start

from actorlab import GenServer, is_alive, sleep, trap_exit

start()


class Slow(GenServer):
    def init(self, arg):
        sleep(500)
        return ("ok", None)


say("start, timeout 100", GenServer.start(Slow, "ok", timeout=100))
say("start_link, timeout 100", GenServer.start_link(Slow, "ok", timeout=100))
trap_exit(True)
say("start_link, timeout 100, trapping exits", GenServer.start_link(Slow, "ok", timeout=100))
sleep(600)
say("the shell's mailbox", mailbox())
_, server = GenServer.start(Slow, "ok")
name(server, "server")
say("no timeout: the server is alive", is_alive(server))
