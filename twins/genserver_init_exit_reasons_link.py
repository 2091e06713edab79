"""Scenario: start_link from a caller that does not trap exits, for an init that calls
exit. The server's exit reaches the caller along the link, as start_link returns
("error", reason): any reason but "normal" takes the caller down with that same reason,
"shutdown" and ("shutdown", _) too. An exit reason "kill" travels along the link as a
plain reason: the caller ends with "kill", not "killed". (The caller sleeps 100 ms after
start_link; with "normal" it then ends normally.)
Twin: genserver_init_exit_reasons_link.exs."""
from twin import say, start

from actorlab import ANY, GenServer, exit, receive, sleep, spawn_monitor

start()


class Quits(GenServer):
    def init(self, reason):
        exit(reason)


def caller(reason):
    GenServer.start_link(Quits, reason)
    sleep(100)


for reason, written in [("normal", ":normal"), ("shutdown", ":shutdown"),
                        (("shutdown", "x"), "{:shutdown, :x}"), ("kill", ":kill")]:
    _, ref = spawn_monitor(caller, reason)
    _, _, _, _, why = receive(("DOWN", ref, "process", ANY, ANY))
    say(f"init exits with {written}: the caller exits with", why)
