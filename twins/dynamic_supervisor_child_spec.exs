# Scenario: DynamicSupervisor.child_spec(options) is how a DynamicSupervisor goes under a
# Supervisor (`{DynamicSupervisor, options}` in a children list is the same spec): its
# type is :supervisor and its id is its name, or DynamicSupervisor without one. Under a
# Supervisor, and under another DynamicSupervisor, which_children and count_children
# report it as a supervisor. (The start tuple is left out: its shape differs by design.)
# Twin: dynamic_supervisor_child_spec.py.
Twin.start()

defmodule Worker do
  use GenServer
  def start_link(arg), do: GenServer.start_link(__MODULE__, arg)
  def init(arg), do: {:ok, arg}
end

Twin.say("without a name", DynamicSupervisor.child_spec(strategy: :one_for_one) |> Map.delete(:start))
Twin.say("with a name", DynamicSupervisor.child_spec(strategy: :one_for_one, name: :rooms) |> Map.delete(:start))
children = [Worker, {DynamicSupervisor, strategy: :one_for_one, name: :rooms}]
{:ok, top} = Supervisor.start_link(children, strategy: :one_for_one)
Twin.say("which_children", Supervisor.which_children(top) |> Enum.map(fn {id, _pid, type, modules} -> {id, type, modules} end))
Twin.say("count_children", Supervisor.count_children(top))
{:ok, _} = DynamicSupervisor.start_child(:rooms, DynamicSupervisor.child_spec(strategy: :one_for_one))
{:ok, _} = DynamicSupervisor.start_child(:rooms, Worker)
Twin.say("its which_children", DynamicSupervisor.which_children(:rooms) |> Enum.map(fn {id, _pid, type, modules} -> {id, type, modules} end))
Twin.say("its count_children", DynamicSupervisor.count_children(:rooms))
