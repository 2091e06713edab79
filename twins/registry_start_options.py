"""Scenario: Registry.start_link requires both keys and name: without keys, or with keys
neither "unique" nor "duplicate", or without a name, it raises (BadArgument, Elixir's
ArgumentError), and no registry is started.
Twin: registry_start_options.exs."""
from twin import attempt, say, start

from actorlab import Registry, whereis

start()
say("start_link, name only", attempt(lambda: Registry.start_link(name="Rooms")))
say("start_link, keys only", attempt(lambda: Registry.start_link(keys="unique")))
say("start_link, keys: :sometimes",
    attempt(lambda: Registry.start_link(keys="sometimes", name="Rooms")))
say("whereis Rooms", whereis("Rooms"))
_, registry = Registry.start_link(keys="unique", name="Rooms")
say("start_link, keys and name: the registry has the name", whereis("Rooms") == registry)
