# Scenario: what actorlab's Registry offers for Elixir's Registry.match, select and count,
# which it lacks (their AttributeErrors say so). Registry.match(registry, key, pattern),
# the entries of a key whose value matches, is Registry.lookup's list filtered; a select
# of the keys one process holds is Registry.keys(registry, pid); and as the shell holds
# every key here, Registry.count is the length of that list.
# Twin: registry_match_by_lookup.py.
Twin.start()
{:ok, _} = Registry.start_link(keys: :unique, name: Rooms)
{:ok, _} = Registry.register(Rooms, :lobby, :open)
{:ok, _} = Registry.register(Rooms, :attic, :closed)
Twin.say("match lobby, :open", Registry.match(Rooms, :lobby, :open))
Twin.say("match lobby, :closed", Registry.match(Rooms, :lobby, :closed))
Twin.say("match cellar, :open", Registry.match(Rooms, :cellar, :open))
keys = Registry.select(Rooms, [{{:"$1", :"$2", :_}, [{:==, :"$2", self()}], [:"$1"]}])
Twin.say("select the shell's keys", Enum.sort(keys))
Twin.say("count", Registry.count(Rooms))
