"""Scenario: what DynamicSupervisor.start_child answers. ("ok", pid) for a child that
starts; "ignore"; ("error", reason) with the start's own reason (the init's stop reason,
the exception it raised, the reason it exited with, or whatever else it returned: unlike
Supervisor, no child record and no ("EXIT", ...)); ("error", "max_children") when full;
and for a bad spec, an error found before the supervisor is asked. which_children lists
the children oldest first, with "undefined" for an id. terminate_child takes a pid:
anything else raises in the caller (BadArgument; Elixir's FunctionClauseError), and the
supervisor lives. Twin: dynamic_supervisor_start_child.exs."""
from twin import attempt, name, say, start

from actorlab import DynamicSupervisor, GenServer, exit, is_alive

start()


class Worker(GenServer):
    def init(self, arg):
        if arg == "raise":
            raise RuntimeError("boom")
        return {"ignore": "ignore", "refuse": ("stop", "no_way")}.get(arg, ("ok", arg))


def odd_start(how):
    if how == "exit":
        exit("bye")
    return "what"


_, sup = DynamicSupervisor.start_link(max_children=3)
_, first = DynamicSupervisor.start_child(sup, (Worker, "first"))
_, second = DynamicSupervisor.start_child(sup, (Worker, "second"))
name(first, "first")
name(second, "second")
say("which_children", DynamicSupervisor.which_children(sup))

for arg in ["ignore", "refuse", "raise"]:
    say(f"init {arg}", DynamicSupervisor.start_child(sup, (Worker, arg)))

for arg in ["exit", "other"]:
    say(f"start function: {arg}",
        DynamicSupervisor.start_child(sup, {"id": "odd", "start": (odd_start, (arg,))}))

say("no start", DynamicSupervisor.start_child(sup, {"id": "odd"}))
say("a shutdown of 0", DynamicSupervisor.start_child(
    sup, {"id": "w", "start": (GenServer.start_link, (Worker, "w")), "shutdown": 0}))
DynamicSupervisor.start_child(sup, (Worker, "third"))
say("a fourth child", DynamicSupervisor.start_child(sup, (Worker, "fourth")))
say("terminate_child", DynamicSupervisor.terminate_child(sup, first))
say("terminate_child again", DynamicSupervisor.terminate_child(sup, first))
say("terminate_child of a name", attempt(lambda: DynamicSupervisor.terminate_child(sup, "second")))
say("terminate_child of a lookup's list",
    attempt(lambda: DynamicSupervisor.terminate_child(sup, [(second, None)])))
say("the supervisor, after", is_alive(sup))
say("count_children", DynamicSupervisor.count_children(sup))
