"""Scenario: Supervisor.start_link with bad flags or child specs does not raise: the
supervisor process starts, finds the mistake, and exits with a reason that names it:
("supervisor_data", ...) for the flags, ("start_spec", ...) for the children (a
duplicate id, a missing start, an unknown restart type, a shutdown of -1). start_link
answers ("error", reason); the caller, linked and trapping exits, also gets the EXIT.
Twin: supervisor_bad_start.exs."""
from twin import say, start

from actorlab import ANY, GenServer, Supervisor, receive, trap_exit

start()


class Worker(GenServer):
    def init(self, arg):
        return ("ok", arg)


def spec(child_id, **extra):
    return {"id": child_id, "start": (GenServer.start_link, (Worker, child_id)), **extra}


trap_exit(True)

for what, children, flags in [
    ("an unknown strategy", [spec("a")], {"strategy": "one_for_none"}),
    ("max_restarts -1", [spec("a")], {"max_restarts": -1}),
    ("max_seconds 0", [spec("a")], {"max_seconds": 0}),
    ("a duplicate id", [spec("a"), spec("a")], {}),
    ("no start", [{"id": "a"}], {}),
    ("an unknown restart", [spec("a", restart="sometimes")], {}),
    ("a shutdown of -1", [spec("a", shutdown=-1)], {}),
]:
    say(what, Supervisor.start_link(children, **flags))
    say("then an EXIT", receive(("EXIT", ANY, ANY))[2])
