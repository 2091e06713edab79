# Scenario: replacement by hand. A keeper traps exits, starts a named room linked to it,
# and starts a new one each time the room dies; the name reaches each new room, a pid
# kept from before does not. A message sent by name right after the kill comes before
# the keeper has started the new room, and is lost: a name shortens the gap, it does not
# remove it. Twin: finding_keeper.py.
Twin.start()

defmodule Room do
  use GenServer
  def init(_topic), do: {:ok, []}
  def handle_cast({:enter, who}, people), do: {:noreply, people ++ [who]}
  def handle_call(:who, _from, people), do: {:reply, people, people}
end

defmodule Keeper do
  def run(name) do
    Process.flag(:trap_exit, true)
    {:ok, room} = GenServer.start_link(Room, nil, name: name)

    receive do
      {:EXIT, ^room, _reason} -> run(name)
    end
  end
end

keeper = spawn(fn -> Keeper.run(:lobby) end)
Process.sleep(100)
GenServer.cast(:lobby, {:enter, :ann})
first = Process.whereis(:lobby)

Twin.name(keeper, "keeper")
Twin.name(first, "first lobby")
Twin.say("whereis(:lobby)", first)
Twin.say("who", GenServer.call(:lobby, :who))

Process.exit(first, :kill)
Process.sleep(100)
second = Process.whereis(:lobby)
Twin.name(second, "second lobby")
Twin.say("after the kill, whereis(:lobby)", second)
Twin.say("who, by name", GenServer.call(:lobby, :who))
Twin.say("who, by the old pid", Twin.attempt(fn -> GenServer.call(first, :who) end))

GenServer.cast(:lobby, {:enter, :bob})
Twin.say("who, after bob entered by name", GenServer.call(:lobby, :who))

shell = self()

spawn(fn ->
  Process.exit(Process.whereis(:lobby), :kill)
  GenServer.cast(:lobby, {:enter, :cat})
  send(shell, :cast_sent)
end)

receive do
  :cast_sent -> :ok
end

Process.sleep(100)
Twin.say("who, after cat was cast by name right after a kill", GenServer.call(:lobby, :who))
Twin.say("the keeper is alive", Process.alive?(keeper))
