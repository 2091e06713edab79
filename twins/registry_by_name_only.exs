# Scenario: Registry's functions take the registry by the name given to start_link, never
# by its pid: a pid is an ArgumentError, in a via-name too. Registry.keys of a process
# with no keys is []. Once the registry has stopped, its name is unknown: lookup and
# register raise ArgumentError too. The shell traps exits, so the registry's end leaves
# its EXIT.
# Twin: registry_by_name_only.py.
Twin.start()

{:ok, reg} = Registry.start_link(keys: :unique, name: Rooms)
{:ok, _} = Registry.register(Rooms, :lobby, 1)
Twin.say("lookup by name", Registry.lookup(Rooms, :lobby))
Twin.say("lookup by pid", Twin.attempt(fn -> Registry.lookup(reg, :lobby) end))
Twin.say("register by pid", Twin.attempt(fn -> Registry.register(reg, :hall, 1) end))
Twin.say("keys by pid", Twin.attempt(fn -> Registry.keys(reg, self()) end))
Twin.say("unregister by pid", Twin.attempt(fn -> Registry.unregister(reg, :lobby) end))
Twin.say("whereis of a via-name with the pid",
  Twin.attempt(fn -> GenServer.whereis({:via, Registry, {reg, :lobby}}) end))
Twin.say("keys of a stranger", Registry.keys(Rooms, spawn(fn -> :ok end)))
Twin.say("the shell's keys", Registry.keys(Rooms, self()))
Process.flag(:trap_exit, true)
Process.unlink(reg)
ref = Process.monitor(reg)
Process.exit(reg, :shutdown)
receive do {:DOWN, ^ref, _, _, _} -> :ok end
Twin.say("lookup after stop", Twin.attempt(fn -> Registry.lookup(Rooms, :lobby) end))
Twin.say("register after stop", Twin.attempt(fn -> Registry.register(Rooms, :lobby, 1) end))
Twin.say("the shell's mailbox", Twin.mailbox())
