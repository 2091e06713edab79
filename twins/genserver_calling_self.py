"""Scenario: a GenServer callback that calls its own server. GenServer.call refuses at
once: the inner call exits with "calling_self" (by pid or by the server's own name), so
the server crashes with that reason, and its caller's call exits with the inner reason
wrapped in its own. (Elixir's GenServer.call has had this check since Elixir 1.3;
Erlang's gen_server:call has had one since OTP 25.) Twin: genserver_calling_self.exs."""
from twin import attempt, name, say, start

from actorlab import ANY, GenServer, monitor, receive, self_pid

start()


class Counter(GenServer):
    def init(self, n):
        return ("ok", n)

    def handle_call(self, request, from_, n):
        if request == "get":
            return ("reply", n, n)
        if request == "twice":      # a callback calling its own server's public API
            return ("reply", 2 * GenServer.call(self_pid(), "get"), n)
        if request == "thrice":
            return ("reply", 3 * GenServer.call("tally", "get"), n)


_, counter = GenServer.start(Counter, 21)
name(counter, "counter")
ref = monitor(counter)
say("get", GenServer.call(counter, "get"))
say("the caller gets", attempt(lambda: GenServer.call(counter, "twice")))
say("the server exited", receive(("DOWN", ref, "process", ANY, ANY))[4])

GenServer.start(Counter, 21, name="tally")
say("by name", attempt(lambda: GenServer.call("tally", "thrice")))
