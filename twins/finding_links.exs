# Scenario: a link is two-way; an abnormal exit kills the linked process with the same
# reason, a normal exit does not; a process that traps exits gets {:EXIT, pid, reason}
# messages instead of dying. Twin: finding_links.py.
Twin.start()

defmodule Room do
  use GenServer
  def init(_topic), do: {:ok, []}
  def handle_cast({:enter, who}, people), do: {:noreply, people ++ [who]}
  def handle_call(:who, _from, people), do: {:reply, people, people}
end

defmodule Host do
  def run(shell, trap) do
    Process.flag(:trap_exit, trap)
    spawn_link(fn -> raise "fire in the kitchen" end)

    receive do
      message -> send(shell, {:host_got, message})
    end
  end
end

shell = self()

{:ok, room} = GenServer.start(Room, nil)
Twin.name(room, "room")
{linker, linker_ref} = spawn_monitor(fn ->
  Process.link(room)
  receive do
    :crash -> raise "the host gave up"
  end
end)
room_ref = Process.monitor(room)
send(linker, :crash)

receive do
  {:DOWN, ^linker_ref, :process, _pid, reason} -> Twin.say("the host ended", reason)
end

receive do
  {:DOWN, ^room_ref, :process, _pid, reason} -> Twin.say("the room linked to it ended", reason)
end

{_host, host_ref} = spawn_monitor(fn -> Host.run(shell, false) end)

receive do
  {:DOWN, ^host_ref, :process, _pid, reason} -> Twin.say("a host not trapping exits", reason)
end

spawn(fn -> Host.run(shell, true) end)

receive do
  {:host_got, {:EXIT, kitchen, _reason} = message} ->
    Twin.name(kitchen, "kitchen")
    Twin.say("a host trapping exits got", message)
end

{calm, calm_ref} = spawn_monitor(fn ->
  Process.flag(:trap_exit, false)
  spawn_link(fn -> :done end)

  receive do
    :are_you_there -> send(shell, :still_there)
  end
end)

Process.sleep(100)
send(calm, :are_you_there)

receive do
  answer -> Twin.say("after its linked child ended normally, the host says", answer)
end

receive do
  {:DOWN, ^calm_ref, :process, _pid, reason} -> Twin.say("and then ended", reason)
end
