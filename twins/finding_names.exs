# Scenario: a registered name finds a process without knowing its pid; GenServer's name:
# registers at start; a name belongs to one process and dies with it; an unknown name
# raises on send and exits with :noproc on call. Twin: finding_names.py.
Twin.start()

defmodule Room do
  use GenServer
  def init(_topic), do: {:ok, []}
  def handle_cast({:enter, who}, people), do: {:noreply, people ++ [who]}
  def handle_call(:who, _from, people), do: {:reply, people, people}
end

before = Process.whereis(:lobby)

{:ok, room} = GenServer.start(Room, nil)
Process.register(room, :lobby)
GenServer.cast(:lobby, {:enter, :ann})
people = GenServer.call(:lobby, :who)

Twin.name(room, "lobby")
Twin.say("whereis(:lobby) before register", before)
Twin.say("whereis(:lobby) after register", Process.whereis(:lobby))
Twin.say("who is in the room found by name", people)

{:ok, kitchen} = GenServer.start(Room, nil, name: :kitchen)
again = GenServer.start(Room, nil, name: :kitchen)

Twin.name(kitchen, "kitchen")
Twin.say("whereis(:kitchen) after start with name", Process.whereis(:kitchen))
Twin.say("a second start with the same name", again)

unknown =
  try do
    send(:cellar, :hello)
  rescue
    ArgumentError -> :raised
  end

Twin.say("send to an unregistered name", unknown)
Twin.say("call to an unregistered name", Twin.attempt(fn -> GenServer.call(:cellar, :who) end))
Twin.say("cast to an unregistered name", GenServer.cast(:cellar, {:enter, :bob}))

ref = Process.monitor(room)
Process.exit(room, :kill)
receive do
  {:DOWN, ^ref, :process, _pid, reason} -> Twin.say("the lobby died", reason)
end

Twin.say("whereis(:lobby) after it died", Process.whereis(:lobby))
Twin.say("call by the name after it died", Twin.attempt(fn -> GenServer.call(:lobby, :who) end))
