# Scenario: who a Registry entry belongs to. Registry.lookup gives the pid of the process
# that registered the key, and Registry.keys(registry, pid) its keys, whether it
# registered from a spawned process, from a GenServer's init, or through a via-name (the
# server's own pid); the registry's own pid has no keys. ({:ok, owner} from register
# names the registry's process that holds the entry, not the caller.) When the process
# ends, its entries go.
# Twin: registry_entry_owner.py.
Twin.start()
{:ok, registry} = Registry.start_link(keys: :unique, name: :reg)
Twin.name(registry, "registry")

defmodule Server do
  use GenServer

  def init(key) do
    {:ok, _owner} = Registry.register(:reg, key, :from_init)
    {:ok, key}
  end
end

shell = self()

worker =
  spawn(fn ->
    {:ok, owner} = Registry.register(:reg, :spawned, :v)
    send(shell, {:owner_is_me, owner == self()})
    receive do
      :stop -> :ok
    end
  end)

Twin.name(worker, "worker")
Twin.say("register answered", receive(do: ({:owner_is_me, _} = answer -> answer)))
{:ok, server} = GenServer.start(Server, :in_init)
Twin.name(server, "server")
{:ok, via} = GenServer.start(Server, :other, name: {:via, Registry, {:reg, :by_via, :vv}})
Twin.name(via, "via")
Twin.say("lookup spawned", Registry.lookup(:reg, :spawned))
Twin.say("lookup in_init", Registry.lookup(:reg, :in_init))
Twin.say("lookup by_via", Registry.lookup(:reg, :by_via))
Twin.say("keys of worker", Registry.keys(:reg, worker))
Twin.say("keys of server", Registry.keys(:reg, server))
Twin.say("keys of via", Registry.keys(:reg, via) |> Enum.sort())
Twin.say("keys of registry", Registry.keys(:reg, registry))
ref = Process.monitor(worker)
send(worker, :stop)
receive(do: ({:DOWN, ^ref, _, _, _} -> :ok))
GenServer.stop(server)
GenServer.stop(via)
Process.sleep(100)
Twin.say("lookup after they ended", Enum.map([:spawned, :in_init, :by_via, :other], &Registry.lookup(:reg, &1)))
Twin.say("keys of worker after", Registry.keys(:reg, worker))
Twin.say("the shell's mailbox", Twin.mailbox())
