# Scenario: a deadlock puzzle of the capstone. A room's init asks its own supervisor how
# many rooms there are. But the supervisor is busy starting that very room: start_child
# waits until init returns, and init waits for the supervisor's answer. Nothing here has
# a timeout, so it waits forever (the shell gives up after 500 ms). With a continue, a
# room asks once init has returned, and that works.
# Twin: capstone_puzzle_init_calls_supervisor.py.
Twin.start()

defmodule Census do
  use GenServer
  def start_link(name), do: GenServer.start_link(Census, name)

  def init(name) do
    rooms = DynamicSupervisor.count_children(RoomSupervisor).active
    {:ok, {name, rooms}}
  end
end

defmodule LateCensus do
  use GenServer
  def start_link(name), do: GenServer.start_link(LateCensus, name)
  def init(name), do: {:ok, {name, nil}, {:continue, :count}}

  def handle_continue(:count, {name, nil}) do
    {:noreply, {name, DynamicSupervisor.count_children(RoomSupervisor).active}}
  end

  def handle_call(:state, _from, state), do: {:reply, state, state}
end

{:ok, _} = DynamicSupervisor.start_link(strategy: :one_for_one, name: RoomSupervisor)
shell = self()

for module <- [LateCensus, Census] do
  spawn(fn ->
    send(shell, {:started, DynamicSupervisor.start_child(RoomSupervisor, {module, "#lobby"})})
  end)

  receive do
    {:started, {:ok, pid}} -> Twin.say("started; its state", GenServer.call(pid, :state))
  after
    500 -> Twin.say("after 500 ms, start_child has not returned", module)
  end
end
