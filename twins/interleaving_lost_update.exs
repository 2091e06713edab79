# Scenario: two clients that each `get` the count and then `set` it to count + 1 lose an
# update when both get before either sets. The shell forces that order with explicit
# messages, so the run is the same every time. One `:increment` call per bump loses
# nothing, in any order. Twin: interleaving_lost_update.py.
Twin.start()

defmodule Counter do
  use GenServer
  def init(n), do: {:ok, n}
  def handle_call(:get, _from, n), do: {:reply, n, n}
  def handle_call({:set, value}, _from, _n), do: {:reply, :ok, value}
  def handle_call(:increment, _from, n), do: {:reply, n + 1, n + 1}
end

# A client that bumps the counter in two calls, each when the shell says so.
bump_in_two_steps = fn counter, shell ->
  receive do: (:get -> :ok)
  value = GenServer.call(counter, :get)
  send(shell, {:got, self(), value})
  receive do: (:set -> :ok)
  GenServer.call(counter, {:set, value + 1})
  send(shell, {:done, self()})
end

{:ok, counter} = GenServer.start(Counter, 0)
shell = self()
ann = spawn(fn -> bump_in_two_steps.(counter, shell) end)
bob = spawn(fn -> bump_in_two_steps.(counter, shell) end)
Twin.name(ann, "ann")
Twin.name(bob, "bob")

for client <- [ann, bob] do
  send(client, :get)
  receive do: ({:got, ^client, value} -> Twin.say("#{Twin.show(client)} got", value))
end

for client <- [ann, bob] do
  send(client, :set)
  receive do: ({:done, ^client} -> Twin.say("#{Twin.show(client)} set", :done))
end

Twin.say("the count after two bumps", GenServer.call(counter, :get))

{:ok, safe} = GenServer.start(Counter, 0)
increment = fn -> send(shell, {:incremented, GenServer.call(safe, :increment)}) end
spawn(increment)
spawn(increment)
for _ <- 1..2, do: receive(do: ({:incremented, _} -> :ok))
Twin.say("the count after two increments", GenServer.call(safe, :get))
