"""Scenario: a Registry started by a supervisor, as Elixir's {Registry, keys: :unique,
name: Reg} child (in actorlab, Registry.child_spec(keys="unique", name="Reg"), since its
options are keywords): it is a supervisor child whose id is its name, it holds the name,
and processes register in it.
Twin: registry_child_spec.exs."""
from twin import name, say, start

from actorlab import Registry, Supervisor, whereis

start()
_, sup = Supervisor.start_link([Registry.child_spec(keys="unique", name="Reg")],
                               strategy="one_for_one")
name(whereis("Reg"), "Reg")
say("which_children", Supervisor.which_children(sup))
say("count_children", Supervisor.count_children(sup))
say("register", Registry.register("Reg", "room", "lobby")[0])
say("lookup", Registry.lookup("Reg", "room"))
