# Scenario: a monitor tells the watcher when a process ends, whatever the reason (normal
# too), as a {:DOWN, ref, :process, pid, reason} message; monitoring a dead pid gives
# :noproc at once; a monitor is one-way. Twin: finding_monitor_down.py.
Twin.start()

defmodule Room do
  use GenServer
  def init(_topic), do: {:ok, []}
  def handle_cast({:enter, who}, people), do: {:noreply, people ++ [who]}
  def handle_call(:who, _from, people), do: {:reply, people, people}
end

{:ok, room} = GenServer.start(Room, nil)
ref = Process.monitor(room)
GenServer.stop(room)

down =
  receive do
    {:DOWN, ^ref, :process, _pid, _reason} = message -> message
  end

Twin.name(room, "room")
Twin.say("after GenServer.stop(room)", down)

late = Process.monitor(room)

too_late =
  receive do
    {:DOWN, ^late, :process, _pid, _reason} = message -> message
  end

Twin.say("monitoring the dead room", too_late)

{_kitchen, kitchen_ref} = spawn_monitor(fn -> raise "fire in the kitchen" end)

crash =
  receive do
    {:DOWN, ^kitchen_ref, :process, _pid, reason} -> reason
  end

Twin.say("the kitchen's DOWN reason", crash)

{:ok, hall} = GenServer.start(Room, nil)
Twin.name(hall, "hall")
{_watcher, watcher_ref} = spawn_monitor(fn ->
  Process.monitor(hall)
  exit(:gave_up)
end)

receive do
  {:DOWN, ^watcher_ref, :process, _pid, reason} -> Twin.say("the watcher ended", reason)
end

Twin.say("the hall it watched is alive", Process.alive?(hall))
