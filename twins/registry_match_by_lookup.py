"""Scenario: what actorlab's Registry offers for Elixir's Registry.match, select and count,
which it lacks (their AttributeErrors say so). Registry.match(registry, key, pattern), the
entries of a key whose value matches, is Registry.lookup's list filtered; a select of the
keys one process holds is Registry.keys(registry, pid); and as the shell holds every key
here, Registry.count is the length of that list.
Twin: registry_match_by_lookup.exs."""
from twin import say, start

from actorlab import self_pid
from actorlab.otp import Registry

start()
Registry.start_link(keys="unique", name="Rooms")
Registry.register("Rooms", "lobby", "open")
Registry.register("Rooms", "attic", "closed")


def match(key, value):
    return [entry for entry in Registry.lookup("Rooms", key) if entry[1] == value]


say("match lobby, :open", match("lobby", "open"))
say("match lobby, :closed", match("lobby", "closed"))
say("match cellar, :open", match("cellar", "open"))
keys = Registry.keys("Rooms", self_pid())
say("select the shell's keys", sorted(keys))
say("count", len(keys))
