# Scenario: DynamicSupervisor.start_link(extra_arguments: [...]) puts those arguments
# before each child's own start arguments, when the child starts and again when it is
# restarted. extra_arguments must be a list; anything else is an error the supervisor
# stops with. Twin: dynsup_extra_arguments.py.
Twin.start()

defmodule Worker do
  use GenServer
  def start_link(extra, arg), do: GenServer.start_link(Worker, {extra, arg})
  def init(state), do: {:ok, state}
  def handle_call(:state, _from, state), do: {:reply, state, state}
end

{:ok, sup} = DynamicSupervisor.start_link(strategy: :one_for_one, extra_arguments: [:shared])
{:ok, pid} = DynamicSupervisor.start_child(sup, %{id: :w, start: {Worker, :start_link, [:own]}})
Twin.say("state", GenServer.call(pid, :state))
Process.exit(pid, :kill)
Process.sleep(100)
[{_, pid, _, _}] = DynamicSupervisor.which_children(sup)
Twin.say("state after a restart", GenServer.call(pid, :state))
Process.flag(:trap_exit, true)
Twin.say("not a list", DynamicSupervisor.start_link(strategy: :one_for_one, extra_arguments: :shared))
