# Scenario: adding children to a supervisor that was started with a list. start_child
# starts the child and keeps its spec: {:ok, pid}. Its id is then taken: starting it
# again gives {:error, {:already_started, pid}} while it runs, and
# {:error, :already_present} once it is stopped. delete_child forgets a stopped child's
# spec (:ok), refuses a running one ({:error, :running}), and knows no other id
# ({:error, :not_found}). Twin: supervisor_start_child.py.
Twin.start()

defmodule Worker do
  use GenServer
  def start_link(arg), do: GenServer.start_link(Worker, arg)
  def init(arg), do: {:ok, arg}
end

spec = %{id: :extra, start: {Worker, :start_link, [:extra]}}
{:ok, sup} = Supervisor.start_link([%{id: :first, start: {Worker, :start_link, [:first]}}], strategy: :one_for_one)
{:ok, extra} = Supervisor.start_child(sup, spec)
Twin.name(extra, "extra")
Twin.say("which_children", Supervisor.which_children(sup) |> Enum.map(fn {id, _, _, _} -> id end))
Twin.say("start it again", Supervisor.start_child(sup, spec))
Twin.say("delete it while it runs", Supervisor.delete_child(sup, :extra))
Twin.say("terminate it", Supervisor.terminate_child(sup, :extra))
Twin.say("start it again", Supervisor.start_child(sup, spec))
Twin.say("delete it", Supervisor.delete_child(sup, :extra))
Twin.say("delete it again", Supervisor.delete_child(sup, :extra))
Twin.say("restart it", Supervisor.restart_child(sup, :extra))
Twin.say("which_children", Supervisor.which_children(sup) |> Enum.map(fn {id, _, _, _} -> id end))
{:ok, again} = Supervisor.start_child(sup, spec)
Twin.say("a new start after the delete", Process.alive?(again))
