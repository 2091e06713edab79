"""Scenario: a server's monitor fires with "noconnection" (what a monitor reports when
the server is cut off, by a partition of actorlab's faults or, on the BEAM, its node's
connection lost; staged by hand: the test sends the server an exit signal
"noconnection"). gen:call turns that DOWN into an exit ("nodedown", node), even for a pid
of this node (nonode@nohost), when it has a timeout; with "infinity", a call to a process
of its own node keeps "noconnection". GenServer.stop asks through such a call
(sys:terminate), so the same holds inside sys:terminate's exit if the server had not
acknowledged the stop yet; once it has, the stop keeps "noconnection".
Twin: genserver_noconnection.exs."""
from twin import attempt, name, say, start

from actorlab import ANY, GenServer, exit, receive, self_pid, send, sleep, spawn

start()
test = self_pid()


class Far(GenServer):
    def init(self, test):
        return ("ok", test)

    def handle_call(self, request, from_, test):
        send(test, ("busy", self_pid()))
        receive("go")
        return ("reply", "done", test)

    def handle_cast(self, message, test):
        send(test, ("busy", self_pid()))
        receive("go")
        return ("noreply", test)

    def terminate(self, reason, test):
        send(test, ("terminating", self_pid()))
        receive("go")


_, server = GenServer.start(Far, test, name="far")
name(server, "far")
spawn(lambda: send(test, ("client", attempt(lambda: GenServer.call("far", "work")))))
receive(("busy", server))
exit(server, "noconnection")
say("call, cut off while it works", receive(("client", ANY))[1])

_, server = GenServer.start(Far, test)
name(server, "far")
GenServer.cast(server, "work")
receive(("busy", server))
spawn(lambda: send(test, ("client", attempt(lambda: GenServer.stop(server)))))
sleep(100)
exit(server, "noconnection")
say("stop, cut off before it acknowledges", receive(("client", ANY))[1])

_, server = GenServer.start(Far, test)
name(server, "far")
spawn(lambda: send(test, ("client", attempt(lambda: GenServer.stop(server)))))
receive(("terminating", server))
exit(server, "noconnection")
say("stop, cut off in terminate", receive(("client", ANY))[1])

_, server = GenServer.start(Far, test)
name(server, "far")
spawn(lambda: send(test, ("client", attempt(lambda: GenServer.call(server, "work", "infinity")))))
receive(("busy", server))
exit(server, "noconnection")
say("call with :infinity, cut off", receive(("client", ANY))[1])

_, server = GenServer.start(Far, test)
name(server, "far")
GenServer.cast(server, "work")
receive(("busy", server))
spawn(lambda: send(test, ("client", attempt(lambda: GenServer.stop(server, "normal", 1000)))))
sleep(100)
exit(server, "noconnection")
say("stop with a timeout, cut off before it acknowledges", receive(("client", ANY))[1])
