"""Scenario: DynamicSupervisor.start_child whose start function itself fails, before any
init runs. The supervisor catches it and answers ("error", reason): the reason the
function exited with, the exception it raised, or whatever else it returned. It keeps
nothing of the child and lives on. Twin: dynamic_supervisor_start_function_fails.exs."""
from twin import say, start

from actorlab import DynamicSupervisor, exit, is_alive

start()


def exits():
    exit("boom")


def raises():
    raise RuntimeError("bad")


def returns_what():
    return "what"


_, sup = DynamicSupervisor.start_link()
for how in [exits, raises, returns_what]:
    say(f"the start function {how.__name__}",
        DynamicSupervisor.start_child(sup, {"id": how.__name__, "start": (how, ())}))
say("count_children", DynamicSupervisor.count_children(sup))
say("the supervisor is alive", is_alive(sup))
