"""Scenario: two warehouses each answer "total" by calling the other for its stock. Asked
one at a time, both answer. Asked at the same time, each waits for the other, which is
busy waiting too: a deadlock that only some interleavings reach. Each handler works 100 ms
before its call, so that the two requests always cross here; the calls' distinct timeouts
(300 and 500 ms) end the wait, as a crash: north gives up first, south's call exits
because north is gone. The fix makes calls go one way: the clients ask each warehouse for
its stock and add up, and the warehouses call nobody.
Twin: interleaving_warehouse_totals.exs."""
from twin import attempt, name, say, start

from actorlab import ANY, GenServer, receive, self_pid, send, sleep, spawn

start()


class Warehouse(GenServer):
    def init(self, state):
        return ("ok", state)

    def handle_call(self, request, from_, state):
        stock, other, timeout = state
        if request == "stock":
            return ("reply", stock, state)
        sleep(100)
        theirs = GenServer.call(other, "stock", timeout)
        return ("reply", stock + theirs, state)


def start_warehouses():
    _, north = GenServer.start(Warehouse, (10, "south", 300), name="north")
    _, south = GenServer.start(Warehouse, (20, "north", 500), name="south")
    name(north, "north")
    name(south, "south")


start_warehouses()
say("one at a time, north's total", GenServer.call("north", "total"))
say("one at a time, south's total", GenServer.call("south", "total"))

shell = self_pid()
for client, warehouse in [("ann", "north"), ("bob", "south")]:
    spawn(lambda c=client, w=warehouse: send(shell, (c, attempt(
        lambda: GenServer.call(w, "total")))))

for client in ["ann", "bob"]:
    say(f"at the same time, {client}", receive((client, ANY))[1])

sleep(100)
start_warehouses()


def total():
    return GenServer.call("north", "stock") + GenServer.call("south", "stock")


for client in ["ann", "bob"]:
    spawn(lambda c=client: send(shell, (c, total())))

for client in ["ann", "bob"]:
    say(f"added up by {client}", receive((client, ANY))[1])
