# Scenario: a registry name held by a process that is no registry: a plain process, or a
# GenServer (an Agent here). Registry.register, lookup, unregister and keys raise
# ArgumentError ("unknown registry"), as for a name nobody holds, and so does a start by a
# via-name in it; the process holding the name is left alone, its mailbox empty.
# Twin: registry_name_not_a_registry.py.
Twin.start()

plain = spawn(fn -> receive do :stop -> :ok end end)
Process.register(plain, :plain)
{:ok, agent} = Agent.start(fn -> 0 end, name: :agent)

for registry <- [:plain, :agent] do
  Twin.say("Registry.register in #{registry}", Twin.attempt(fn -> Registry.register(registry, "lobby", nil) end))
  Twin.say("Registry.lookup in #{registry}", Twin.attempt(fn -> Registry.lookup(registry, "lobby") end))
  Twin.say("Registry.unregister in #{registry}", Twin.attempt(fn -> Registry.unregister(registry, "lobby") end))
  Twin.say("Registry.keys in #{registry}", Twin.attempt(fn -> Registry.keys(registry, self()) end))
end

via = {:via, Registry, {:plain, "lobby"}}
Twin.say("Agent.start by a via-name in plain", Twin.attempt(fn -> Agent.start(fn -> 0 end, name: via) end))
Twin.say("the plain process's mailbox", Process.info(plain, :messages))
Twin.say("the agent's mailbox", Process.info(agent, :messages))
