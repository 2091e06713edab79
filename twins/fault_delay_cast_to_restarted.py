"""Scenario: a cast to a supervised, named worker is late (staged: sent 300 ms later). The
worker crashes at 100 ms and its supervisor restarts it under the same name: the cast
reaches the new worker, which reports it.
Twin: fault_delay_cast_to_restarted.exs."""
from twin import heard, say, start

from actorlab import (GenServer, Supervisor, faults, receive, register, self_pid, send, sleep,
                      spawn)

start(faults=[faults.delay(("$gen_cast", "late"), 300)])
register("shell", self_pid())


class W(GenServer):
    def init(self, s):
        return ("ok", s)

    def handle_cast(self, m, s):
        if m == "crash":
            raise RuntimeError("boom")
        send("shell", ("worker_got", m))
        return ("noreply", s)


Supervisor.start_link([{"id": "w", "start": (GenServer.start_link, (W, None), {"name": "worker"})}],
                      strategy="one_for_one")


def a_fn():
    receive("go")
    GenServer.cast("worker", "late")


a = spawn(a_fn)
send(a, "go")
sleep(100)
GenServer.cast("worker", "crash")
say("heard", heard(500))
