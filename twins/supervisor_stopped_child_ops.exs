# Scenario: the child operations on children that are not running. terminate_child of a
# transient child that has already ended normally is :ok; delete_child then forgets it,
# and after that it is {:error, :not_found} to delete_child and restart_child alike.
# delete_child refuses a running child. A restart_child whose start fails answers with
# the init's reason and leaves the spec, with no pid, so start_child with the same id is
# {:error, :already_present}. The worker's init fails once its id is marked (here with
# :persistent_term, a node-wide store). Twin: supervisor_stopped_child_ops.py.
Twin.start()

defmodule Worker do
  use GenServer
  def start_link(id), do: GenServer.start_link(Worker, id)
  def init(id) do
    if :persistent_term.get({:fail, id}, false), do: {:stop, :nope}, else: {:ok, id}
  end
  def handle_cast(:quit, id), do: {:stop, :normal, id}
end

spec = fn id, restart -> %{id: id, start: {Worker, :start_link, [id]}, restart: restart} end
{:ok, sup} = Supervisor.start_link([spec.(:t, :transient), spec.(:f, :permanent)], strategy: :one_for_one)
[_, {:t, t, _, _}] = Supervisor.which_children(sup)
GenServer.cast(t, :quit)
Process.sleep(100)
Twin.say("which_children (running?)", Enum.map(Supervisor.which_children(sup), fn {id, pid, _, _} -> {id, is_pid(pid)} end))
Twin.say("terminate_child t, ended", Supervisor.terminate_child(sup, :t))
Twin.say("delete_child t", Supervisor.delete_child(sup, :t))
Twin.say("delete_child t again", Supervisor.delete_child(sup, :t))
Twin.say("restart_child t", Supervisor.restart_child(sup, :t))
Twin.say("delete_child f, running", Supervisor.delete_child(sup, :f))
Twin.say("terminate_child f", Supervisor.terminate_child(sup, :f))
:persistent_term.put({:fail, :f}, true)
Twin.say("restart_child f, whose init fails", Supervisor.restart_child(sup, :f))
Twin.say("which_children", Enum.map(Supervisor.which_children(sup), fn {id, pid, _, _} -> {id, pid} end))
Twin.say("count_children", Supervisor.count_children(sup))
Twin.say("start_child f again", Supervisor.start_child(sup, spec.(:f, :permanent)))
