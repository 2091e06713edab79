# Scenario: Registry.start_link requires both keys and name: without keys, or with keys
# neither :unique nor :duplicate, or without a name, it raises ArgumentError, and no
# registry is started.
# Twin: registry_start_options.py.
Twin.start()
Twin.say("start_link, name only", Twin.attempt(fn -> Registry.start_link(name: Rooms) end))
Twin.say("start_link, keys only", Twin.attempt(fn -> Registry.start_link(keys: :unique) end))
Twin.say("start_link, keys: :sometimes", Twin.attempt(fn -> Registry.start_link(keys: :sometimes, name: Rooms) end))
Twin.say("whereis Rooms", Process.whereis(Rooms))
{:ok, registry} = Registry.start_link(keys: :unique, name: Rooms)
Twin.say("start_link, keys and name: the registry has the name", Process.whereis(Rooms) == registry)
