"""Scenario: a GenServer class's child_spec, as that of Elixir's `use GenServer`, has two
keys only, id (the class's name) and start; the keywords of the class statement (here
restart and shutdown, Elixir's `use GenServer, restart: :transient, shutdown: 10_000`)
are added to it, and Supervisor.child_spec puts its overrides on top. The supervisor
fills in the rest: a child with no type is a worker. (The start tuples differ by design,
so they are left out: Elixir calls Tuned.start_link(7), actorlab
GenServer.start_link(Tuned, 7).)
Twin: genserver_child_spec_keys.exs."""
from twin import say, start

from actorlab import GenServer, Supervisor

start()


class Plain(GenServer):
    def init(self, arg):
        return ("ok", arg)


class Tuned(GenServer, restart="transient", shutdown=10_000):
    def init(self, arg):
        return ("ok", arg)


def without_start(spec):
    return {key: value for key, value in spec.items() if key != "start"}


say("Plain.child_spec(7) keys", sorted(Plain.child_spec(7)))
say("Plain.child_spec(7)", without_start(Plain.child_spec(7)))
say("Tuned.child_spec(7)", without_start(Tuned.child_spec(7)))
overridden = Supervisor.child_spec((Tuned, 7), id="t2", restart="temporary")
say("with overrides", without_start(overridden))
say("with type and modules",
    without_start(Supervisor.child_spec(Plain, type="supervisor", modules=[Plain])))
_, sup = Supervisor.start_link([Plain, (Tuned, 1)], strategy="one_for_one")
say("which_children",
    [(id_, type_, modules) for id_, _pid, type_, modules in Supervisor.which_children(sup)])
say("count_children", Supervisor.count_children(sup))
