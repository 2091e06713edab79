"""Scenario: Supervisor.start_child when the child does not start. The supervisor answers
("error", (reason, child)), where reason is what the start function gave: the init's
("stop", reason), or ("EXIT", reason) if the start function itself exited or raised, or
whatever else it returned. child describes the spec (here only its id is printed: OTP
gives its own child record, actorlab the spec dict). A bad spec is refused with OTP's
reason, and the supervisor keeps nothing of any of them.
Twin: supervisor_start_child_errors.exs."""
from twin import say, start

from actorlab import GenServer, Supervisor, exit

start()


class Worker(GenServer):
    def init(self, arg):
        return ("stop", "no_way") if arg == "refuse" else ("ok", arg)


def odd_start(how):
    if how == "exit":
        exit("bye")
    if how == "raise":
        raise RuntimeError("oops")
    return "what"


_, sup = Supervisor.start_link([])

for child_id, start_with in [("refuse", (GenServer.start_link, (Worker, "refuse"))),
                             ("exit", (odd_start, ("exit",))), ("raise", (odd_start, ("raise",))),
                             ("other", (odd_start, ("other",)))]:
    _, (reason, child) = Supervisor.start_child(sup, {"id": child_id, "start": start_with})
    say(f"{child_id}: the reason", reason)
    say(f"{child_id}: the child's id", child["id"])

say("no start", Supervisor.start_child(sup, {"id": "x"}))
say("a bad restart", Supervisor.start_child(
    sup, {"id": "x", "start": (GenServer.start_link, (Worker, 1)), "restart": "sometimes"}))
say("which_children", Supervisor.which_children(sup))
