# Scenario: a DynamicSupervisor's restart intensity. With max_restarts: 1, the first crash
# of a child is restarted; the second within max_seconds is one too many: the supervisor
# stops its other children (they trap exits: terminate runs with :shutdown) and exits with
# :shutdown, which its linked, trapping parent gets as an EXIT.
# Twin: dynamic_supervisor_max_restarts.py.
Twin.start()
Process.register(self(), :shell)

defmodule Worker do
  use GenServer
  def start_link(name), do: GenServer.start_link(Worker, name)

  def init(name) do
    Process.flag(:trap_exit, true)
    send(:shell, {:started, name})
    {:ok, name}
  end

  def terminate(reason, name), do: send(:shell, {:terminate, name, reason})
end


Process.flag(:trap_exit, true)
{:ok, sup} = DynamicSupervisor.start_link(strategy: :one_for_one, max_restarts: 1, max_seconds: 5)
{:ok, fragile} = DynamicSupervisor.start_child(sup, {Worker, :fragile})
{:ok, _} = DynamicSupervisor.start_child(sup, {Worker, :steady})
Twin.say("started", Twin.heard())
Process.exit(fragile, :kill)
Twin.say("after the first kill", Twin.heard())
# Oldest first: the steady child, then the fragile one's replacement.
[_, {_, again, _, _}] = DynamicSupervisor.which_children(sup)
Process.exit(again, :kill)
Twin.say("after the second kill", Twin.heard())
Twin.say("the supervisor is alive", Process.alive?(sup))
