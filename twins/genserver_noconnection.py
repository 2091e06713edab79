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




def started(**options):
    _, server = GenServer.start(Far, test, **options)
    name(server, "far")
    return server


def cut_off(label, server, request, wait):
    """A client makes `request`; once `wait()` returns, `server` is cut off."""
    spawn(lambda: send(test, ("client", attempt(request))))
    wait()
    exit(server, "noconnection")
    say(label, receive(("client", ANY))[1])


def busy(server):
    return lambda: receive(("busy", server))


def stop_before_it_acknowledges(label, *timeout):
    server = started()
    GenServer.cast(server, "work")              # busy: the stop request waits
    receive(("busy", server))
    cut_off(label, server, lambda: GenServer.stop(server, "normal", *timeout),
            lambda: sleep(100))


server = started(name="far")
cut_off("call, cut off while it works", server, lambda: GenServer.call("far", "work"),
        busy(server))
stop_before_it_acknowledges("stop, cut off before it acknowledges")
server = started()
cut_off("stop, cut off in terminate", server, lambda: GenServer.stop(server),
        lambda: receive(("terminating", server)))
server = started()
cut_off("call with :infinity, cut off", server,
        lambda: GenServer.call(server, "work", "infinity"), busy(server))
stop_before_it_acknowledges("stop with a timeout, cut off before it acknowledges", 1000)
