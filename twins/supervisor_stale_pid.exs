# Scenario: the stale-pid pitfall. A supervisor restarts a child with its original start
# arguments. A greeter started with the room's pid keeps that pid: once the room has
# crashed and been restarted (a new pid), the greeter's calls go to a dead process and
# exit with noproc; the greeter crashes, and its supervisor restarts it with the same
# stale pid, so the next greeting fails the same way. Twin: supervisor_stale_pid.py.
Twin.start()
Process.register(self(), :shell)

defmodule Room do
  use GenServer

  def start_link(name), do: GenServer.start_link(Room, name)

  def init(name) do
    send(:shell, {:started, name})
    {:ok, []}
  end

  def handle_call({:post, text}, _from, posts), do: {:reply, :ok, [text | posts]}
end

defmodule Greeter do
  use GenServer

  def start_link(room), do: GenServer.start_link(Greeter, room, name: :greeter)

  def init(room) do
    send(:shell, {:greeter_started, room})
    {:ok, room}
  end

  def handle_call(:greet, _from, room) do
    {:reply, GenServer.call(room, {:post, "hello!"}), room}
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

{:ok, _} = DynamicSupervisor.start_link(strategy: :one_for_one, name: RoomSupervisor)
{:ok, room} = DynamicSupervisor.start_child(RoomSupervisor, {Room, "#lobby"})
{:ok, _} = Supervisor.start_link([{Greeter, room}], strategy: :one_for_one)
Twin.name(room, "the first room")
Twin.say("at start-up the shell heard", Shell.heard())
Twin.say("greet", GenServer.call(:greeter, :greet))

Process.exit(room, :kill)
Twin.say("after the room was killed the shell heard", Shell.heard())

for _ <- 1..2 do
  Twin.say("greet", Twin.attempt(fn -> GenServer.call(:greeter, :greet) end))
  Twin.say("then the shell heard", Shell.heard())
end
