# Scenario: a child's restart type decides what its exit means to the supervisor: a
# permanent child is restarted whatever its reason, :normal too; a transient one only
# after an abnormal exit (not :normal, :shutdown or {:shutdown, _}); a temporary one never,
# and its spec is forgotten. Twin: supervisor_restart_types.py.
Twin.start()

defmodule Worker do
  use GenServer
  def start_link(arg), do: GenServer.start_link(Worker, arg)
  def init(arg), do: {:ok, arg}
  def handle_cast({:exit, reason}, state), do: {:stop, reason, state}
end

for restart <- [:permanent, :transient, :temporary], reason <- [:normal, {:shutdown, :done}, :oops] do
  spec = %{id: :child, start: {Worker, :start_link, [nil]}, restart: restart}
  {:ok, sup} = Supervisor.start_link([spec], strategy: :one_for_one)
  [{:child, pid, _, _}] = Supervisor.which_children(sup)
  ref = Process.monitor(pid)
  GenServer.cast(pid, {:exit, reason})
  receive do: ({:DOWN, ^ref, :process, _, _} -> :ok)
  Process.sleep(100)

  after_exit =
    case Supervisor.which_children(sup) do
      [] -> :forgotten
      [{:child, :undefined, _, _}] -> :not_restarted
      [{:child, new, _, _}] when new != pid -> :restarted
    end

  Twin.say("#{restart}, exit #{inspect(reason)}", after_exit)
  Supervisor.stop(sup)
end
