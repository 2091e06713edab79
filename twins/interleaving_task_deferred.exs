# Scenario: a server that does slow work inside handle_call answers nobody else meanwhile:
# a quick :ping times out. A server that hands the work to a Task and replies later
# (a deferred reply) answers the ping at once, and the slow call still gets its answer.
# Twin: interleaving_task_deferred.py.
Twin.start()

defmodule Blocking do
  use GenServer
  def init(:ok), do: {:ok, nil}

  def handle_call(:slow, _from, state) do
    Process.sleep(500)
    {:reply, :done, state}
  end

  def handle_call(:ping, _from, state), do: {:reply, :pong, state}
end

defmodule Deferred do
  use GenServer
  def init(:ok), do: {:ok, %{}}

  def handle_call(:slow, from, waiting) do
    task = Task.async(fn -> Process.sleep(500); :done end)
    {:noreply, Map.put(waiting, task.ref, from)}
  end

  def handle_call(:ping, _from, waiting), do: {:reply, :pong, waiting}

  def handle_info({ref, result}, waiting) do
    Process.demonitor(ref, [:flush])
    {from, waiting} = Map.pop(waiting, ref)
    GenServer.reply(from, result)
    {:noreply, waiting}
  end
end

shell = self()

for {module, label} <- [{Blocking, "blocking"}, {Deferred, "deferred"}] do
  {:ok, server} = GenServer.start(module, :ok)
  Twin.name(server, label)
  spawn(fn -> send(shell, {:slow, GenServer.call(server, :slow)}) end)
  Process.sleep(100)
  Twin.say("#{label}: a ping while the slow call works", Twin.attempt(fn -> GenServer.call(server, :ping, 200) end))
  receive do: ({:slow, answer} -> Twin.say("#{label}: the slow call", answer))
  Twin.say("#{label}: messages left in the shell's mailbox", Twin.mailbox())
end
