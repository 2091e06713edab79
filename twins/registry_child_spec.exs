# Scenario: a Registry started by a supervisor, as Elixir's {Registry, keys: :unique,
# name: Reg} child (in actorlab, Registry.child_spec(keys="unique", name="Reg"), since its
# options are keywords): it is a supervisor child whose id is its name, it holds the name,
# and processes register in it.
# Twin: registry_child_spec.py.
Twin.start()
{:ok, sup} = Supervisor.start_link([{Registry, keys: :unique, name: Reg}], strategy: :one_for_one)
Twin.name(Process.whereis(Reg), "Reg")
Twin.say("which_children", Supervisor.which_children(sup))
Twin.say("count_children", Supervisor.count_children(sup))
Twin.say("register", elem(Registry.register(Reg, :room, :lobby), 0))
Twin.say("lookup", Registry.lookup(Reg, :room))
