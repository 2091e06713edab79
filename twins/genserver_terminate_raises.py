"""Scenario: a terminate that raises. Its exception becomes the server's exit reason, in
place of the one terminate was given: after a crash in handle_call (terminate got that
first crash), and after a ("stop", reason, state). The caller's call and the DOWN both
carry terminate's exception. A callback that calls exit("normal") stops the server
normally, and terminate gets "normal". Twin: genserver_terminate_raises.exs."""
from twin import attempt, name, say, start

from actorlab import ANY, GenServer, exit, monitor, receive, register, self_pid, send

start()
register("shell", self_pid())


class Fragile(GenServer):
    def init(self, how):
        return ("ok", how)

    def handle_call(self, request, from_, how):
        if request == "crash":
            raise RuntimeError("first")
        if request == "stop":
            return ("stop", "because", how)
        exit("normal")

    def terminate(self, reason, how):
        send("shell", ("terminate", reason))
        if how == "raises":
            raise RuntimeError("in terminate")


for request, how in [("crash", "raises"), ("stop", "raises"), ("exit_normal", "quiet")]:
    _, server = GenServer.start(Fragile, how)
    name(server, "server")
    ref = monitor(server)
    say(f"call {request}", attempt(lambda: GenServer.call(server, request)))
    say("terminate got", receive(("terminate", ANY))[1])
    say("the DOWN says", receive(("DOWN", ref, "process", ANY, ANY))[4])
