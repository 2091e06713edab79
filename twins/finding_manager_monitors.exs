# Scenario: a manager keeps {id => pid} for the rooms it starts, monitors each one, and
# forgets a room when its DOWN message arrives; opening the id again starts a new room.
# Twin: finding_manager_monitors.py.
Twin.start()

defmodule Room do
  use GenServer
  def init(_topic), do: {:ok, []}
  def handle_cast({:enter, who}, people), do: {:noreply, people ++ [who]}
  def handle_call(:who, _from, people), do: {:reply, people, people}
end

defmodule Manager do
  use GenServer
  def init(_), do: {:ok, %{}}
  def handle_call(:ids, _from, rooms), do: {:reply, Enum.sort(Map.keys(rooms)), rooms}

  def handle_call({:open, id}, _from, rooms) do
    {:ok, pid} = GenServer.start(Room, id)
    Process.monitor(pid)
    {:reply, pid, Map.put(rooms, id, pid)}
  end

  def handle_call({:find, id}, _from, rooms), do: {:reply, Map.get(rooms, id), rooms}

  def handle_info({:DOWN, _ref, :process, pid, _reason}, rooms) do
    {:noreply, rooms |> Enum.reject(fn {_id, room} -> room == pid end) |> Map.new()}
  end
end

{:ok, manager} = GenServer.start(Manager, nil)
lobby = GenServer.call(manager, {:open, :lobby})
kitchen = GenServer.call(manager, {:open, :kitchen})

Twin.name(lobby, "lobby")
Twin.name(kitchen, "old kitchen")
Twin.say("rooms", GenServer.call(manager, :ids))
Twin.say("find kitchen", GenServer.call(manager, {:find, :kitchen}))

ref = Process.monitor(kitchen)
Process.exit(kitchen, :kill)
receive do
  {:DOWN, ^ref, :process, _pid, reason} -> Twin.say("the kitchen died", reason)
end
Process.sleep(100)

Twin.say("rooms after the DOWN", GenServer.call(manager, :ids))
Twin.say("find kitchen after the DOWN", GenServer.call(manager, {:find, :kitchen}))

new_kitchen = GenServer.call(manager, {:open, :kitchen})
Twin.name(new_kitchen, "new kitchen")
Twin.say("find kitchen after opening it again", GenServer.call(manager, {:find, :kitchen}))
Twin.say("the manager is alive", Process.alive?(manager))
