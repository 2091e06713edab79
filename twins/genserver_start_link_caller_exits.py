"""Scenario: start_link from a process that does not trap exits. If init fails, start_link
returns ("error", reason), but the server's exit reaches the caller through the link, so
the caller dies with the same reason: a raise or a ("stop", reason) takes it down. A
"normal" exit does not: ("stop", "normal") and "ignore" leave the caller running (it then
ends by itself, normally, 100 ms later). Twin: genserver_start_link_caller_exits.exs."""
from twin import say, start

from actorlab import ANY, GenServer, receive, sleep, spawn_monitor

start()


class Failing(GenServer):
    def init(self, what):
        if what == "raise":
            raise RuntimeError("boom")
        return {"stop": ("stop", "no_way"), "stop_normal": ("stop", "normal"),
                "ignore": "ignore"}[what]


def caller(what):
    GenServer.start_link(Failing, what)
    sleep(100)


for what in ["raise", "stop", "stop_normal", "ignore"]:
    _, ref = spawn_monitor(caller, what)
    say(f"init {what}: the caller exits with", receive(("DOWN", ref, "process", ANY, ANY))[4])
