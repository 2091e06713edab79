"""Scenario: Supervisor.child_spec takes a child spec (a class, (class, arg) or a dict)
and keyword overrides, and returns the spec dict with them put in: how one module is
started twice under one supervisor, each with its own id (without it, both have the
class's id, a duplicate). An unknown key is an error (Elixir's ArgumentError). A child
marked "significant": True is refused, since that needs the supervisor's auto_shutdown,
which is "never" here (actorlab has no other); "significant": False is accepted.
Twin: supervisor_child_spec_overrides.exs."""
from twin import attempt, heard, say, start

from actorlab import GenServer, Supervisor, trap_exit

start()
trap_exit(True)


class Worker(GenServer):
    @staticmethod
    def start_link(arg):
        return GenServer.start_link(Worker, arg)

    def init(self, arg):
        return ("ok", arg)

    def handle_call(self, request, from_, arg):
        return ("reply", arg, arg)


one = Supervisor.child_spec((Worker, 1), id="one")
two = Supervisor.child_spec((Worker, 2), id="two", restart="temporary", shutdown=100)
say("overridden", {key: two[key] for key in ("id", "restart", "shutdown")})
say("a map", Supervisor.child_spec({"id": "m", "start": (Worker.start_link, (3,))}, id="m3")["id"])
say("an unknown key", attempt(lambda: Supervisor.child_spec(Worker, bogus=1)))
say("the module twice", Supervisor.start_link([(Worker, 1), (Worker, 2)], strategy="one_for_one"))
_, sup = Supervisor.start_link([one, two], strategy="one_for_one")
say("with two ids",
    [(id, GenServer.call(pid, "get")) for id, pid, _, _ in Supervisor.which_children(sup)])


def significant(flag):
    return {"id": "s", "start": (Worker.start_link, (4,)), "restart": "transient",
            "significant": flag}


say("significant: true", Supervisor.start_link([significant(True)], strategy="one_for_one"))
say("significant: false", Supervisor.start_link([significant(False)], strategy="one_for_one")[0])
say("start_child, significant: true", Supervisor.start_child(sup, significant(True)))
say("the shell's mailbox", [(m[0], m[2]) if m[0] == "EXIT" else m for m in heard()])
