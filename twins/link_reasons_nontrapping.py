"""Scenario: a go-between starts a server with start_link, and the server stops with
normal, shutdown, {shutdown, x} or another reason. The go-between, which does not trap
exits, survives only normal; the server's DOWN comes before the go-between's.
Twin: link_reasons_nontrapping.exs."""
from twin import heard, say, start

from actorlab import GenServer, monitor, receive, register, self_pid, send, sleep, spawn_monitor

start()
register("shell", self_pid())


class Q(GenServer):
    def init(self, _):
        return ("ok", None)

    def handle_cast(self, msg, s):
        return ("stop", msg[1], s)


def mid_fn():
    _, q = GenServer.start_link(Q, None)
    send("shell", ("server", q))
    sleep(400)
    send("shell", "mid_alive")


labels = {"normal": ":normal", "shutdown": ":shutdown", ("shutdown", "bye"): "{:shutdown, :bye}", "other": ":other"}
for r in ["normal", "shutdown", ("shutdown", "bye"), "other"]:
    mid, mref = spawn_monitor(mid_fn)
    _, q = receive()
    qref = monitor(q)
    GenServer.cast(q, ("stop", r))
    out = []
    for m in heard(600):
        if isinstance(m, tuple) and m[:2] == ("DOWN", qref):
            out.append(("server_down", m[4]))
        elif isinstance(m, tuple) and m[:2] == ("DOWN", mref):
            out.append(("mid_down", m[4]))
        else:
            out.append(m)
    say(f"stop {labels[r]}", out)
