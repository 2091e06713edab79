# Scenario: what DynamicSupervisor.start_child answers when it opens rooms registered by a
# via-name, with max_children: 1. A room whose init is ended by an exit signal, without
# answering, gives {:error, reason}: :killed for a :kill sent to itself, the reason for
# another; the supervisor lives on and keeps nothing of it. A room that starts holds its
# via-name before its init runs: init's own Registry.lookup finds the room itself. With
# that room open, opening it again answers {:error, :max_children}, not
# {:error, {:already_started, pid}}: the limit is checked before the start function
# runs, so no init runs. GenServer.start under the held name answers :already_started.
# Twin: dynsup_open_room_answers.py.
Twin.start()
shell = self()

defmodule Room do
  use GenServer
  def init({_name, :kill_self}), do: Process.exit(self(), :kill)
  def init({_name, :boom_self}), do: Process.exit(self(), :boom)

  def init({name, shell}) do
    seen = Enum.map(Registry.lookup(Rooms, name), fn {pid, value} -> {pid == self(), value} end)
    send(shell, {:init_sees, seen})
    {:ok, name}
  end
end

via = fn name -> {:via, Registry, {Rooms, name}} end
spec = fn name, arg -> %{id: name, start: {GenServer, :start_link, [Room, {name, arg}, [name: via.(name)]]}} end
{:ok, _} = Registry.start_link(keys: :unique, name: Rooms)
{:ok, _} = DynamicSupervisor.start_link(name: RoomSupervisor, strategy: :one_for_one, max_children: 1)
Twin.say("open a room whose init kills itself", DynamicSupervisor.start_child(RoomSupervisor, spec.("#doomed", :kill_self)))
Twin.say("open a room whose init sends itself :boom", DynamicSupervisor.start_child(RoomSupervisor, spec.("#bad", :boom_self)))
Twin.say("children", DynamicSupervisor.count_children(RoomSupervisor))
{:ok, lobby} = DynamicSupervisor.start_child(RoomSupervisor, spec.("#lobby", shell))
Twin.name(lobby, "lobby")
receive do: ({:init_sees, seen} -> Twin.say("open #lobby: init's lookup of its name, {self?, value}", seen))
Twin.say("open #lobby again", DynamicSupervisor.start_child(RoomSupervisor, spec.("#lobby", shell)))
Twin.say("GenServer.start of #lobby", GenServer.start(Room, {"#lobby", shell}, name: via.("#lobby")))
Twin.say("the shell's mailbox", Twin.mailbox())
Twin.say("children", DynamicSupervisor.count_children(RoomSupervisor))
