# Scenario: the capstone's rooms, by name, under a supervisor. Each room is started by a
# DynamicSupervisor and registered in a Registry under its name; opening an open room
# gives the running one. When a room crashes, the supervisor starts a new one under the
# same name: the name reaches it, the old pid is dead, and the history is gone (state
# dies with its process). Closing a room asks the supervisor to stop it, and it stays
# stopped. Twin: capstone_rooms_by_name.py.
Twin.start()
Process.register(self(), :shell)

defmodule Room do
  use GenServer

  def init(name) do
    send(:shell, {:started, name})
    {:ok, %{name: name, history: []}}
  end

  def handle_call(:history, _from, state), do: {:reply, state.history, state}

  def handle_cast({:say, who, text}, state) do
    {:noreply, %{state | history: state.history ++ [{who, text}]}}
  end
end

defmodule Chat do
  def via(name), do: {:via, Registry, {Rooms, name}}

  def open_room(name) do
    spec = %{id: name, start: {GenServer, :start_link, [Room, name, [name: via(name)]]}}

    case DynamicSupervisor.start_child(RoomSupervisor, spec) do
      {:ok, pid} -> pid
      {:error, {:already_started, pid}} -> pid
    end
  end

  def close_room(name) do
    case Registry.lookup(Rooms, name) do
      [{pid, _value}] -> DynamicSupervisor.terminate_child(RoomSupervisor, pid)
      [] -> {:error, :not_found}
    end
  end
end

defmodule Shell do
  # The names of the rooms started until 100 ms pass with none, oldest first.
  def started do
    receive do
      {:started, name} -> [name | started()]
    after
      100 -> []
    end
  end
end

{:ok, _} = Registry.start_link(keys: :unique, name: Rooms)
{:ok, _} = DynamicSupervisor.start_link(strategy: :one_for_one, name: RoomSupervisor)
lobby = Chat.open_room("#lobby")
games = Chat.open_room("#games")
Twin.name(lobby, "the first lobby")
Twin.name(games, "games")
Twin.say("rooms started", Shell.started())
Twin.say("opening #lobby again gives the same room", Chat.open_room("#lobby") == lobby)
Twin.say("rooms started", Shell.started())
Twin.say("the registry has", Registry.lookup(Rooms, "#lobby"))
Twin.say("active rooms", DynamicSupervisor.count_children(RoomSupervisor).active)

GenServer.cast(Chat.via("#lobby"), {:say, :ann, "anyone here?"})
Twin.say("the lobby's history", GenServer.call(Chat.via("#lobby"), :history))

Process.exit(lobby, :kill)
Twin.say("after the kill, rooms started", Shell.started())
[{new_lobby, nil}] = Registry.lookup(Rooms, "#lobby")
Twin.say("the name leads to a new pid", new_lobby != lobby)
Twin.say("a call to the old pid", Twin.attempt(fn -> GenServer.call(lobby, :history) end))
Twin.say("the new lobby's history", GenServer.call(Chat.via("#lobby"), :history))

Twin.say("close #lobby", Chat.close_room("#lobby"))
Twin.say("then rooms started", Shell.started())
Twin.say("the registry has", Registry.lookup(Rooms, "#lobby"))
Twin.say("active rooms", DynamicSupervisor.count_children(RoomSupervisor).active)
Twin.say("close #lobby again", Chat.close_room("#lobby"))
{:exit, {reason, _call}} = Twin.attempt(fn -> GenServer.call(Chat.via("#lobby"), :history) end)
Twin.say("a call by the name exits with", reason)
