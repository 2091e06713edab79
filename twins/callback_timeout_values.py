"""Scenario: the timeout at the end of a callback's return: ("ok", s, t) from init,
("reply", r, s, t) from handle_call, ("noreply", s, t) from handle_cast. "infinity" is a
timeout (none: no "timeout" message comes); a negative number or a float is not. OTP
checks the whole return before it acts on any of it: init's start fails with
("bad_return_value", return); a callback's server ends with it (terminate gets it), and
the caller gets no reply, only the exit. Twin: callback_timeout_values.exs."""
from twin import attempt, heard, name, say, start

from actorlab import GenServer, demonitor, exit, monitor, register, self_pid, send

start()
register("shell", self_pid())


class Timeouts(GenServer):
    def init(self, t):
        return ("ok", None, t)

    def handle_call(self, request, from_, s):
        return ("reply", "ok", s, request[1])

    def handle_cast(self, message, s):
        return ("noreply", s, message[1])

    def handle_info(self, message, s):
        send("shell", ("info", message))
        return ("noreply", s)

    def terminate(self, reason, s):
        send("shell", ("terminate", reason))


for t, shown in [("infinity", ":infinity"), (-1, "-1"), (1.5, "1.5")]:
    say(f"init returns {{:ok, nil, {shown}}}: start", GenServer.start(Timeouts, t))

    _, server = GenServer.start(Timeouts, "infinity")
    name(server, "server")
    say("  call", attempt(lambda: GenServer.call(server, ("with", t))))
    say("  then", heard(200))

    _, server = GenServer.start(Timeouts, "infinity")
    name(server, "server")
    ref = monitor(server)
    GenServer.cast(server, ("with", t))
    say("  cast, then", heard(200))
    demonitor(ref, flush=True)
    exit(server, "kill")
