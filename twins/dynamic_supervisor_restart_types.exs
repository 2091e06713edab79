# Scenario: restart types under a DynamicSupervisor, as under a Supervisor: a permanent
# child is restarted whatever its reason; a transient one only after an abnormal exit; a
# temporary one never. A child that is not restarted is forgotten (a DynamicSupervisor
# keeps no spec without a child). Twin: dynamic_supervisor_restart_types.py.
Twin.start()

defmodule Worker do
  use GenServer
  def start_link(arg), do: GenServer.start_link(Worker, arg)
  def init(arg), do: {:ok, arg}
  def handle_cast({:exit, reason}, state), do: {:stop, reason, state}
end

{:ok, sup} = DynamicSupervisor.start_link(strategy: :one_for_one)

for restart <- [:permanent, :transient, :temporary], reason <- [:normal, :oops] do
  spec = %{id: :child, start: {Worker, :start_link, [nil]}, restart: restart}
  {:ok, pid} = DynamicSupervisor.start_child(sup, spec)
  ref = Process.monitor(pid)
  GenServer.cast(pid, {:exit, reason})
  receive do: ({:DOWN, ^ref, :process, _, _} -> :ok)
  Process.sleep(100)
  children = DynamicSupervisor.which_children(sup)
  Twin.say("#{restart}, exit #{reason}: children", length(children))
  for {_, child, _, _} <- children, do: DynamicSupervisor.terminate_child(sup, child)
end
