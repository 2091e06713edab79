# Scenario: a pid kept in another server's state goes stale when its process is replaced:
# a cast to it is silently dropped, a call to it exits with :noproc, and only the name
# reaches the replacement. Twin: finding_stale_pid.py.
Twin.start()

defmodule Room do
  use GenServer
  def init(_topic), do: {:ok, []}
  def handle_cast({:enter, who}, people), do: {:noreply, people ++ [who]}
  def handle_call(:who, _from, people), do: {:reply, people, people}
end

defmodule Doorman do
  use GenServer
  def init(room), do: {:ok, room}

  def handle_call({:admit, who}, _from, room) do
    GenServer.cast(room, {:enter, who})
    {:reply, :ok, room}
  end
end

{:ok, lobby} = GenServer.start(Room, nil, name: :lobby)
{:ok, doorman} = GenServer.start(Doorman, lobby)
GenServer.call(doorman, {:admit, :ann})

Twin.name(lobby, "old lobby")
Twin.name(doorman, "doorman")
Twin.say("who is in the lobby", GenServer.call(:lobby, :who))

ref = Process.monitor(lobby)
Process.exit(lobby, :kill)
receive do
  {:DOWN, ^ref, :process, _pid, reason} -> Twin.say("the old lobby died", reason)
end

{:ok, new_lobby} = GenServer.start(Room, nil, name: :lobby)
Twin.name(new_lobby, "new lobby")
Twin.say("whereis(:lobby) now", Process.whereis(:lobby))

Twin.say("the doorman admits bob", GenServer.call(doorman, {:admit, :bob}))
Twin.say("who is in the new lobby", GenServer.call(:lobby, :who))
Twin.say("the old pid is alive", Process.alive?(lobby))
Twin.say("a call to the old pid", Twin.attempt(fn -> GenServer.call(lobby, :who) end))
