# Scenario: the fix for a stale pid is a name. The room registers itself in a Registry
# under its name (a via-name), the greeter is started with the room's name instead of
# its pid, and every call looks the name up: after the room crashes and is restarted,
# the name leads to the new room. But not at once: a post sent right after a kill comes
# before the supervisor has started the next room, and exits with noproc (a name shortens
# the gap, it does not remove it). Twin: supervisor_registry_via_name.py.
Twin.start()
Process.register(self(), :shell)

defmodule Room do
  use GenServer

  def via(name), do: {:via, Registry, {Rooms, name}}
  def start_link(name), do: GenServer.start_link(Room, name, name: via(name))

  def init(name) do
    send(:shell, {:started, name})
    {:ok, []}
  end

  def handle_call({:post, text}, _from, posts), do: {:reply, :ok, [text | posts]}
  def handle_call(:posts, _from, posts), do: {:reply, posts, posts}
end

defmodule Greeter do
  use GenServer

  def start_link(room_name), do: GenServer.start_link(Greeter, room_name, name: :greeter)

  def init(room_name) do
    send(:shell, {:greeter_started, room_name})
    {:ok, room_name}
  end

  def handle_call(:greet, _from, room_name) do
    {:reply, GenServer.call(Room.via(room_name), {:post, "hello!"}), room_name}
  end
end

defmodule Shell do
  # Every message that arrives until 100 ms pass with none, oldest first.
  def heard do
    receive do
      message -> [message | heard()]
    after
      100 -> []
    end
  end
end

{:ok, _} = Registry.start_link(keys: :unique, name: Rooms)
{:ok, _} = DynamicSupervisor.start_link(strategy: :one_for_one, name: RoomSupervisor)
{:ok, room} = DynamicSupervisor.start_child(RoomSupervisor, {Room, "#lobby"})
{:ok, _} = Supervisor.start_link([{Greeter, "#lobby"}], strategy: :one_for_one)
Twin.name(room, "the first room")
Twin.say("at start-up the shell heard", Shell.heard())
Twin.say("the registry has", Registry.lookup(Rooms, "#lobby"))
Twin.say("greet", GenServer.call(:greeter, :greet))

Process.exit(room, :kill)
Twin.say("after the room was killed the shell heard", Shell.heard())
[{new_room, nil}] = Registry.lookup(Rooms, "#lobby")
Twin.say("the registry has a new pid for the name", new_room != room)
Twin.say("greet", GenServer.call(:greeter, :greet))
Twin.say("the new room's posts", GenServer.call(Room.via("#lobby"), :posts))

shell = self()

spawn(fn ->
  [{room, nil}] = Registry.lookup(Rooms, "#lobby")
  Process.exit(room, :kill)
  posted = Twin.attempt(fn -> GenServer.call(Room.via("#lobby"), {:post, "hi!"}) end)
  send(shell, {:posted, posted})
end)

receive do
  {:posted, result} -> Twin.say("a post right after a kill", result)
end
