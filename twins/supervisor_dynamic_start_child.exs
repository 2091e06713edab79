# Scenario: start servers on demand through an API that asks a DynamicSupervisor for them
# (start_room calls DynamicSupervisor.start_child), not by calling start_link directly.
# A room started with start_link is linked to whoever started it: it dies when that
# process crashes, and nobody restarts it. A room started by the supervisor outlives the
# process that asked for it, and is restarted when it crashes.
# Twin: supervisor_dynamic_start_child.py.
Twin.start()
Process.register(self(), :shell)

defmodule Room do
  use GenServer

  def start_link(name), do: GenServer.start_link(Room, name)

  def init(name) do
    send(:shell, {:started, name})
    {:ok, name}
  end
end

defmodule Chat do
  def start_room(name) do
    DynamicSupervisor.start_child(RoomSupervisor, {Room, name})
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

  # A process that starts a room, tells the shell, and crashes when the shell says so.
  def handler(start) do
    spawn(fn ->
      {:ok, room} = start.()
      send(:shell, {:room, room})

      receive do
        :crash -> raise "handler failed"
      end
    end)
  end
end

{:ok, _} = DynamicSupervisor.start_link(strategy: :one_for_one, name: RoomSupervisor)

for {how, start} <- [
      {:start_link, fn -> Room.start_link("#kitchen") end},
      {:start_room, fn -> Chat.start_room("#lobby") end}
    ] do
  handler = Shell.handler(start)
  room = receive do: ({:room, room} -> room)
  Twin.name(room, "room")
  Twin.say("#{how}: the shell heard", Shell.heard())
  ref = Process.monitor(handler)
  send(handler, :crash)
  receive do: ({:DOWN, ^ref, _, _, reason} -> Twin.say("the handler crashed", reason))
  Process.sleep(100)
  Twin.say("the room is alive", Process.alive?(room))
end

[{:undefined, lobby, :worker, [Room]}] = DynamicSupervisor.which_children(RoomSupervisor)
Process.exit(lobby, :kill)
Twin.say("after the lobby was killed the shell heard", Shell.heard())
Twin.say("rooms running", DynamicSupervisor.count_children(RoomSupervisor).active)
