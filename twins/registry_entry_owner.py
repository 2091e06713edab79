"""Scenario: who a Registry entry belongs to. Registry.lookup gives the pid of the process
that registered the key, and Registry.keys(registry, pid) its keys, whether it
registered from a spawned process, from a GenServer's init, or through a via-name (the
server's own pid); the registry's own pid has no keys. (("ok", owner) from register
names the registry's process that holds the entry, not the caller.) When the process
ends, its entries go.
Twin: registry_entry_owner.exs."""
from twin import mailbox, name, say, start

from actorlab import ANY, GenServer, Registry, monitor, receive, self_pid, send, sleep, spawn

start()
_, registry = Registry.start_link(keys="unique", name="reg")
name(registry, "registry")


class Server(GenServer):
    def init(self, key):
        Registry.register("reg", key, "from_init")
        return ("ok", key)


shell = self_pid()


def work():
    _, owner = Registry.register("reg", "spawned", "v")
    send(shell, ("owner_is_me", owner == self_pid()))
    receive("stop")


worker = spawn(work)
name(worker, "worker")
say("register answered", receive(("owner_is_me", ANY)))
_, server = GenServer.start(Server, "in_init")
name(server, "server")
_, via = GenServer.start(Server, "other", name=("via", Registry, ("reg", "by_via", "vv")))
name(via, "via")
say("lookup spawned", Registry.lookup("reg", "spawned"))
say("lookup in_init", Registry.lookup("reg", "in_init"))
say("lookup by_via", Registry.lookup("reg", "by_via"))
say("keys of worker", Registry.keys("reg", worker))
say("keys of server", Registry.keys("reg", server))
say("keys of via", sorted(Registry.keys("reg", via)))
say("keys of registry", Registry.keys("reg", registry))
ref = monitor(worker)
send(worker, "stop")
receive(("DOWN", ref, ANY, ANY, ANY))
GenServer.stop(server)
GenServer.stop(via)
sleep(100)
say("lookup after they ended",
    [Registry.lookup("reg", key) for key in ("spawned", "in_init", "by_via", "other")])
say("keys of worker after", Registry.keys("reg", worker))
say("the shell's mailbox", mailbox())
