"""Scenario: handle_call ending the server. With ("stop", reason, reply, state) the caller
gets its reply (terminate runs first), whatever the reason, "normal" too. With
("stop", reason, state) nobody replies: the caller's call exits with the server's reason
wrapped in the call's, even for "normal". terminate and the DOWN get the reason either way.
Twin: genserver_call_stop_tuples.exs."""
from twin import attempt, name, say, start

from actorlab import ANY, GenServer, monitor, receive, register, self_pid, send

start()
register("shell", self_pid())


class Closing(GenServer):
    def init(self, state):
        return ("ok", state)

    def handle_call(self, request, from_, state):
        how, reason = request
        if how == "with_reply":
            return ("stop", reason, "bye", state)
        return ("stop", reason, state)

    def terminate(self, reason, state):
        send("shell", ("terminate", reason))


for request in [("with_reply", "normal"), ("with_reply", "oops"), ("without_reply", "normal"),
                ("without_reply", "oops")]:
    _, server = GenServer.start(Closing, None)
    name(server, "server")
    ref = monitor(server)
    say(f"call {{:{request[0]}, :{request[1]}}}", attempt(lambda: GenServer.call(server, request)))
    say("terminate got", receive(("terminate", ANY))[1])
    say("the DOWN says", receive(("DOWN", ref, "process", ANY, ANY))[4])
