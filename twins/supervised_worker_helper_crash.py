"""Scenario: a supervised GenServer that does not trap exits links a helper in init; the
helper crashes and takes the worker with it. The helper's DOWN comes before the
worker's, and the supervisor restarts the worker.
Twin: supervised_worker_helper_crash.exs."""
from twin import heard, name, say, start

from actorlab import GenServer, Supervisor, monitor, receive, register, self_pid, send, spawn_link

start()
register("shell", self_pid())


def helper_fn():
    receive("crash")
    raise RuntimeError("helper")


class W(GenServer):
    def init(self, _):
        helper = spawn_link(helper_fn)
        send("shell", ("init", self_pid(), helper))
        return ("ok", helper)


Supervisor.start_link([{"id": "W", "start": (GenServer.start_link, (W, None), {"name": "w"})}],
                      strategy="one_for_one")
_, w, h = receive()
name(w, "worker"); name(h, "helper")
monitor(w); monitor(h)
send(h, "crash")
say("heard", [("DOWN", m[3], m[4]) if m[0] == "DOWN" else "restarted" for m in heard(200)])
