# Scenario: a supervisor under a supervisor. Its child spec says type: :supervisor, which
# which_children and count_children report, with the module its start function belongs
# to (Supervisor). Stopping the top supervisor stops the inner one, which stops its own
# children first. Twin: supervisor_nested.py.
Twin.start()
Process.register(self(), :shell)

defmodule Worker do
  use GenServer
  def start_link(name), do: GenServer.start_link(Worker, name)

  def init(name) do
    Process.flag(:trap_exit, true)
    {:ok, name}
  end

  def terminate(reason, name), do: send(:shell, {:terminate, name, reason})
end

leaf = %{id: :leaf, start: {Worker, :start_link, [:leaf]}}
inner = %{id: :inner, start: {Supervisor, :start_link, [[leaf], [strategy: :one_for_one]]}, type: :supervisor}
top_worker = %{id: :top_worker, start: {Worker, :start_link, [:top_worker]}}
{:ok, top} = Supervisor.start_link([top_worker, inner], strategy: :one_for_one)
Twin.say("which_children", Supervisor.which_children(top) |> Enum.map(fn {id, _, type, modules} -> {id, type, modules} end))
Twin.say("count_children", Supervisor.count_children(top))
Twin.say("stop", Supervisor.stop(top))
Twin.say("the shell's mailbox", Twin.mailbox())
