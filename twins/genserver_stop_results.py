"""Scenario: what GenServer.stop returns. It answers "ok" once the server has run terminate
and exited with the reason asked for, whatever that reason ("normal", "shutdown", or your
own). It exits with (why, ("GenServer", "stop", [server, reason, timeout])) when the
server is not there ("noproc", a dead pid or a name nobody has), when terminate raises
(the server's crash), or when the server takes longer than the timeout ("timeout"), in
which case the server goes on stopping. Twin: genserver_stop_results.exs."""
from twin import attempt, name, say, start

from actorlab import ANY, GenServer, is_alive, receive, register, self_pid, send, sleep

start()
register("shell", self_pid())


class Stoppable(GenServer):
    def init(self, how):
        return ("ok", how)

    def terminate(self, reason, how):
        if how == "raises":
            raise RuntimeError("boom")
        if how == "slow":
            sleep(500)
        send("shell", ("terminate", reason))


for reason in ["normal", "shutdown", "closing_time"]:
    _, server = GenServer.start(Stoppable, "quick")
    say(f"stop with {reason}", GenServer.stop(server, reason))
    say("terminate got", receive(("terminate", ANY))[1])

_, server = GenServer.start(Stoppable, "quick")
name(server, "server")
GenServer.stop(server)
receive(("terminate", ANY))
say("stop a dead pid", attempt(lambda: GenServer.stop(server)))
say("stop a name nobody has", attempt(lambda: GenServer.stop("nobody")))

_, server = GenServer.start(Stoppable, "raises")
name(server, "server")
say("terminate raises", attempt(lambda: GenServer.stop(server)))

_, server = GenServer.start(Stoppable, "slow")
name(server, "slow")
say("stop with a 100 ms timeout", attempt(lambda: GenServer.stop(server, "normal", 100)))
say("alive just after", is_alive(server))
say("later, terminate got", receive(("terminate", ANY))[1])
sleep(100)
say("alive", is_alive(server))
