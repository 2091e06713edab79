"""Scenario: a registry name held by a process that is no registry: a plain process, or a
GenServer (Elixir's is an Agent). Registry.register, lookup, unregister and keys raise
BadArgument (Elixir's ArgumentError, "unknown registry"), as for a name nobody holds,
instead of waiting forever for an answer; so does a start by a via-name in it. The
process holding the name is left alone, its mailbox empty.
Twin: registry_name_not_a_registry.exs."""
from twin import attempt, say, start

from actorlab import GenServer, Registry, process_info, receive, register, self_pid, spawn

start()


class Agent(GenServer):
    def init(self, state):
        return ("ok", state)


plain = spawn(lambda: receive("stop"))
register("plain", plain)
_, agent = GenServer.start(Agent, 0, name="agent")

for registry in ["plain", "agent"]:
    say(f"Registry.register in {registry}", attempt(lambda: Registry.register(registry, "lobby")))
    say(f"Registry.lookup in {registry}", attempt(lambda: Registry.lookup(registry, "lobby")))
    say(f"Registry.unregister in {registry}",
        attempt(lambda: Registry.unregister(registry, "lobby")))
    say(f"Registry.keys in {registry}", attempt(lambda: Registry.keys(registry, self_pid())))

via = ("via", Registry, ("plain", "lobby"))
say("Agent.start by a via-name in plain", attempt(lambda: GenServer.start(Agent, 0, name=via)))
say("the plain process's mailbox", ("messages", process_info(plain)["messages"]))
say("the agent's mailbox", ("messages", process_info(agent)["messages"]))
