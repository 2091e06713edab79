# Scenario: a DynamicSupervisor with max_children: 2. A third start_child is refused
# with {:error, :max_children}, but restarting a crashed child is not a new child: it is
# restarted although the supervisor is full. terminate_child of a temporary child is :ok,
# then {:error, :not_found}. A child whose restart keeps failing is tried again until
# the restart intensity (3 in 5 s by default) runs out: then the supervisor exits with
# :shutdown, which the shell, linked and trapping exits, gets as an EXIT. Each init tells
# the shell; it fails once its id is marked (here with :persistent_term, a node-wide store).
# Twin: dynamic_supervisor_max_children_restart.py.
Twin.start()
Process.register(self(), :shell)
Process.flag(:trap_exit, true)

defmodule Worker do
  use GenServer
  def start_link(id), do: GenServer.start_link(Worker, id)
  def init(id) do
    send(:shell, {:init, id})
    if :persistent_term.get({:fail, id}, false), do: {:stop, :nope}, else: {:ok, id}
  end
end

{:ok, sup} = DynamicSupervisor.start_link(strategy: :one_for_one, max_children: 2)
Twin.name(sup, "sup")
{:ok, a} = DynamicSupervisor.start_child(sup, {Worker, :a})
{:ok, b} = DynamicSupervisor.start_child(sup, %{id: :b, start: {Worker, :start_link, [:b]}, restart: :temporary})
Twin.say("a third child", DynamicSupervisor.start_child(sup, {Worker, :c}))
Twin.say("the shell heard", Twin.heard())
Process.exit(a, :kill)
Twin.say("a is killed, the shell heard", Twin.heard())
Twin.say("count_children", DynamicSupervisor.count_children(sup))
Twin.say("terminate_child b", DynamicSupervisor.terminate_child(sup, b))
Twin.say("terminate_child b again", DynamicSupervisor.terminate_child(sup, b))
{:ok, c} = DynamicSupervisor.start_child(sup, {Worker, :c})
:persistent_term.put({:fail, :c}, true)
Process.exit(c, :kill)
Twin.say("c started, c marked and killed, the shell heard", Twin.heard())
Twin.say("the supervisor is alive", Process.alive?(sup))
