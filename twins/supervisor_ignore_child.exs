# Scenario: a child whose start returns :ignore. The supervisor keeps its spec with no
# pid (:undefined in which_children; a spec, not an active child, in count_children),
# both at startup and through start_child, which answers {:ok, :undefined}; restart_child
# tries again and answers the same. A temporary child that ignores is not kept at all.
# Twin: supervisor_ignore_child.py.
Twin.start()

defmodule Worker do
  use GenServer
  def start_link(arg), do: GenServer.start_link(Worker, arg)
  def init(:ignore), do: :ignore
  def init(arg), do: {:ok, arg}
end

spec = fn id, arg -> %{id: id, start: {Worker, :start_link, [arg]}} end
{:ok, sup} = Supervisor.start_link([spec.(:quiet, :ignore), spec.(:busy, :busy)], strategy: :one_for_one)
Twin.say("start_child", Supervisor.start_child(sup, spec.(:later, :ignore)))
Twin.say("start_child, temporary", Supervisor.start_child(sup, Map.put(spec.(:once, :ignore), :restart, :temporary)))
Twin.say("which_children", Supervisor.which_children(sup) |> Enum.map(fn {id, pid, _, _} -> {id, is_pid(pid) || pid} end))
Twin.say("count_children", Supervisor.count_children(sup))
Twin.say("restart_child", Supervisor.restart_child(sup, :quiet))
