# Scenario: a supervisor whose third child fails to start. It stops the children it had
# started, newest first (they trap exits, so their terminate runs with :shutdown), starts
# none of the rest, and exits: start_link answers
# {:error, {:shutdown, {:failed_to_start_child, id, reason}}}, and the caller, trapping
# exits, gets the same reason in an EXIT. Twin: supervisor_start_failure.py.
Twin.start()
Process.register(self(), :shell)

defmodule Worker do
  use GenServer
  def start_link(arg), do: GenServer.start_link(Worker, arg)
  def init(:refuse), do: {:stop, :no_way}

  def init(name) do
    Process.flag(:trap_exit, true)
    send(:shell, {:started, name})
    {:ok, name}
  end

  def terminate(reason, name), do: send(:shell, {:terminate, name, reason})
end


spec = fn id, arg -> %{id: id, start: {Worker, :start_link, [arg]}} end
Process.flag(:trap_exit, true)
children = [spec.(:a, :a), spec.(:b, :b), spec.(:c, :refuse), spec.(:d, :d)]
Twin.say("start_link", Supervisor.start_link(children, strategy: :one_for_one))
Twin.say("the shell heard", Twin.heard())
