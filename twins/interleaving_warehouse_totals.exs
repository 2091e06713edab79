# Scenario: two warehouses each answer :total by calling the other for its stock. Asked
# one at a time, both answer. Asked at the same time, each waits for the other, which is
# busy waiting too: a deadlock that only some interleavings reach. Each handler works
# 100 ms before its call, so that the two requests always cross here; the calls' distinct
# timeouts (300 and 500 ms) end the wait, as a crash: north gives up first, south's call
# exits because north is gone. The fix makes calls go one way: the clients ask each
# warehouse for its stock and add up, and the warehouses call nobody.
# Twin: interleaving_warehouse_totals.py.
Twin.start()

defmodule Warehouse do
  use GenServer
  def init({stock, other, timeout}), do: {:ok, {stock, other, timeout}}
  def handle_call(:stock, _from, state), do: {:reply, elem(state, 0), state}

  def handle_call(:total, _from, {stock, other, timeout} = state) do
    Process.sleep(100)
    theirs = GenServer.call(other, :stock, timeout)
    {:reply, stock + theirs, state}
  end
end

start = fn ->
  {:ok, north} = GenServer.start(Warehouse, {10, :south, 300}, name: :north)
  {:ok, south} = GenServer.start(Warehouse, {20, :north, 500}, name: :south)
  Twin.name(north, "north")
  Twin.name(south, "south")
end

start.()
Twin.say("one at a time, north's total", GenServer.call(:north, :total))
Twin.say("one at a time, south's total", GenServer.call(:south, :total))

shell = self()
for {client, warehouse} <- [{"ann", :north}, {"bob", :south}] do
  spawn(fn -> send(shell, {client, Twin.attempt(fn -> GenServer.call(warehouse, :total) end)}) end)
end

for client <- ["ann", "bob"] do
  receive do: ({^client, answer} -> Twin.say("at the same time, #{client}", answer))
end

Process.sleep(100)
start.()
total = fn -> GenServer.call(:north, :stock) + GenServer.call(:south, :stock) end
for client <- ["ann", "bob"], do: spawn(fn -> send(shell, {client, total.()}) end)

for client <- ["ann", "bob"] do
  receive do: ({^client, answer} -> Twin.say("added up by #{client}", answer))
end
