# Scenario: a Supervisor child whose start returns :ignore when it is restarted. OTP's
# supervisor keeps its spec with no pid (:undefined), as for a child that ignores at
# startup, does not try again, and lives on (under :one_for_all the sibling restarted with
# it ignores too, and is kept the same way). restart_child tries again.
# Twin: supervisor_restart_ignore.py.
Twin.start()

defmodule Worker do
  use GenServer
  def start_link(arg), do: GenServer.start_link(Worker, arg)

  # A child's first start runs; every later one returns :ignore. The flags are in
  # :persistent_term because they must outlive the processes that set them.
  def init(arg) do
    if :persistent_term.get(arg, false) do
      :ignore
    else
      :persistent_term.put(arg, true)
      {:ok, arg}
    end
  end
end

Process.flag(:trap_exit, true)

for strategy <- [:one_for_one, :one_for_all] do
  spec = fn id -> %{id: id, start: {Worker, :start_link, [{strategy, id}]}} end
  {:ok, sup} = Supervisor.start_link([spec.(:a), spec.(:b)], strategy: strategy)
  [_, {:a, a, _, _}] = Supervisor.which_children(sup)
  Process.exit(a, :kill)
  Process.sleep(100)
  Twin.say("#{strategy}: supervisor alive", Process.alive?(sup))
  Twin.say("which_children", Supervisor.which_children(sup) |> Enum.map(fn {id, pid, _, _} -> {id, is_pid(pid) || pid} end))
  Twin.say("count_children", Supervisor.count_children(sup))
  Twin.say("restart_child", Supervisor.restart_child(sup, :a))
  Twin.say("shell heard", Twin.heard())
end
