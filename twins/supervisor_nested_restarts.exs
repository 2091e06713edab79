# Scenario: restarts across levels of supervisors. Each worker traps exits and tells the
# shell when its terminate runs. An inner supervisor killed under a rest_for_one top:
# its own children die with it (:killed, from their parent), the worker started after it
# is stopped (:shutdown), and the top restarts both, the inner one with new children;
# the worker before it is untouched. Stopping the top then stops the levels newest first,
# depth first. An inner supervisor that gives up (max_restarts: 0) exits with :shutdown,
# so as a transient child it is not restarted, and the top lives on.
# Twin: supervisor_nested_restarts.py.
Twin.start()
Process.register(self(), :shell)
Process.flag(:trap_exit, true)

defmodule Worker do
  use GenServer

  def init(id) do
    Process.flag(:trap_exit, true)
    {:ok, id}
  end

  def terminate(reason, id), do: send(:shell, {:terminate, id, reason})
end

worker = fn id -> %{id: id, start: {GenServer, :start_link, [Worker, id]}} end

inner = fn id, children, max_restarts, restart ->
  options = [strategy: :one_for_one, max_restarts: max_restarts]
  %{id: id, start: {Supervisor, :start_link, [children, options]}, type: :supervisor, restart: restart}
end

pids = fn sup -> Map.new(Supervisor.which_children(sup), fn {id, pid, _, _} -> {id, pid} end) end

children = [worker.(:w1), inner.(:inner, [worker.(:l1), worker.(:l2)], 3, :permanent), worker.(:w2)]
{:ok, top} = Supervisor.start_link(children, strategy: :rest_for_one)
Twin.name(top, "top")
before = pids.(top)
inner_before = pids.(before[:inner])
ref = Process.monitor(before[:inner])
Process.exit(before[:inner], :kill)
receive do: ({:DOWN, ^ref, _, _, _} -> :ok)
Process.sleep(200)
Twin.say("terminates heard (sorted)", Enum.sort(Twin.heard(100)))
now = pids.(top)
Twin.say("top's children: the same pid?", Enum.map([:w1, :inner, :w2], fn id -> {id, before[id] == now[id]} end))
inner_now = pids.(now[:inner])
Twin.say("inner's children: the same pid?", Enum.map([:l1, :l2], fn id -> {id, inner_before[id] == inner_now[id]} end))
Twin.say("stop top", Supervisor.stop(top, :custom))
Twin.say("terminates in order", Enum.map(1..4, fn _ -> receive do: ({:terminate, _, _} = message -> message) end))
receive do: ({:EXIT, ^top, reason} -> Twin.say("top exits", reason))

{:ok, top} = Supervisor.start_link([worker.(:a), inner.(:giver, [worker.(:l)], 0, :transient)], strategy: :one_for_one)
Twin.name(top, "top")
giver = pids.(top)[:giver]
ref = Process.monitor(giver)
Process.exit(pids.(giver)[:l], :kill)
receive do: ({:DOWN, ^ref, _, _, reason} -> Twin.say("the transient inner supervisor gave up", reason))
Process.sleep(200)
Twin.say("top's children: running?", Enum.map(Supervisor.which_children(top), fn {id, pid, _, _} -> {id, is_pid(pid)} end))
Twin.say("heard", Twin.heard(100))
Supervisor.stop(top)
Twin.say("heard at stop", Twin.heard(100))
