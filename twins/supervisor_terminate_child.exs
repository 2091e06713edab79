# Scenario: Supervisor.terminate_child stops a child by id and keeps its spec (it shows
# as :undefined, and is not restarted); restart_child starts it again with a new pid, and
# refuses while it runs ({:error, :running}). An unknown id is {:error, :not_found}. A
# temporary child's spec is forgotten when it is stopped, so it cannot be restarted.
# Twin: supervisor_terminate_child.py.
Twin.start()

defmodule Worker do
  use GenServer
  def start_link(arg), do: GenServer.start_link(Worker, arg)
  def init(arg), do: {:ok, arg}
end

spec = fn id -> %{id: id, start: {Worker, :start_link, [id]}} end
children = [spec.(:keeper), Map.put(spec.(:visitor), :restart, :temporary)]
{:ok, sup} = Supervisor.start_link(children, strategy: :one_for_one)
[_, {_, old, _, _}] = Supervisor.which_children(sup)
Twin.name(old, "the old keeper")
Twin.say("terminate_child", Supervisor.terminate_child(sup, :keeper))
Process.sleep(100)
Twin.say("which_children", Supervisor.which_children(sup) |> Enum.map(fn {id, pid, _, _} -> {id, pid} end))
{:ok, new} = Supervisor.restart_child(sup, :keeper)
Twin.say("restart_child gives a new pid", new != old)
Twin.say("restart_child while it runs", Supervisor.restart_child(sup, :keeper))
Twin.say("terminate_child, unknown id", Supervisor.terminate_child(sup, :nobody))
Twin.say("restart_child, unknown id", Supervisor.restart_child(sup, :nobody))
Twin.say("terminate_child, temporary", Supervisor.terminate_child(sup, :visitor))
Twin.say("restart_child, temporary", Supervisor.restart_child(sup, :visitor))
Twin.say("which_children", Supervisor.which_children(sup) |> Enum.map(fn {id, _, _, _} -> id end))
