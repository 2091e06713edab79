"""Scenario: child specs in each shape a supervisor accepts: a module, (module, arg), and a
dict with only id and start or with restart, shutdown, type and modules too.
Supervisor.which_children lists the children newest first, each with its type ("worker"
unless the spec says "supervisor", which it takes on trust) and its modules (the start
function's module unless the spec says). count_children counts them. A second supervisor
with a taken name answers ("error", ("already_started", pid)); two specs with one id (the
same module twice, too) fail the start. Supervisor.stop with a reason returns "ok", and
the shell, linked and trapping exits, gets that reason in the EXIT.
Twin: supervisor_child_spec_shapes.exs."""
from twin import mailbox, name, say, start

from actorlab import GenServer, Supervisor, trap_exit

start()


class Alpha(GenServer):
    @staticmethod
    def start_link(arg):
        return GenServer.start_link(Alpha, arg)

    def init(self, arg):
        return ("ok", arg)


class Beta(GenServer):
    @staticmethod
    def start_link(arg):
        return GenServer.start_link(Beta, arg)

    def init(self, arg):
        return ("ok", arg)


children = [
    Alpha,
    (Beta, "b"),
    {"id": "plain", "start": (Alpha.start_link, ("plain",))},
    {"id": "full", "start": (Beta.start_link, ("full",)), "restart": "transient", "shutdown": 100,
     "type": "supervisor"},
    {"id": "inner", "start": (Supervisor.start_link, ([],), {"strategy": "one_for_one"}),
     "type": "supervisor"},
    {"id": "mods", "start": (Alpha.start_link, ("mods",)), "modules": [Beta, Alpha]},
    {"id": "dyn", "start": (Alpha.start_link, ("dyn",)), "modules": "dynamic"},
]

_, sup = Supervisor.start_link(children, strategy="one_for_one", name="top")
name(sup, "top")
children = Supervisor.which_children(sup)
say("which_children", [(id_, type_, modules) for id_, _pid, type_, modules in children])
say("count_children", Supervisor.count_children(sup))
trap_exit(True)
say("same name again", Supervisor.start_link([], strategy="one_for_one", name="top"))
twice = [{"id": "x", "start": (Alpha.start_link, (1,))}, {"id": "x", "start": (Beta.start_link, (2,))}]
say("one id twice", Supervisor.start_link(twice, strategy="one_for_one"))
say("one module twice", Supervisor.start_link([Alpha, (Alpha, 2)], strategy="one_for_one"))
say("stop with a reason", Supervisor.stop(sup, "custom"))
say("the shell's mailbox", [("EXIT", reason) for _, _pid, reason in mailbox()])
