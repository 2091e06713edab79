# Scenario: one_for_all, and a restart that fails halfway. When a is killed, the
# supervisor stops c and b (newest first), starts a again, and then b's init fails once.
# That counts as another restart: the supervisor stops what it had started again (a) and
# starts all three once more, in order. With max_restarts: 2, one crash more is then one
# too many: the supervisor stops its children and exits with :shutdown, which the shell,
# linked and trapping exits, gets as an EXIT. The worker's init fails when a mark is set
# (here with :persistent_term, a node-wide store), and clears it.
# Twin: supervisor_one_for_all_restart_fails.py.
Twin.start()
Process.register(self(), :shell)
Process.flag(:trap_exit, true)

defmodule Worker do
  use GenServer
  def start_link(id), do: GenServer.start_link(Worker, id)
  def init(id) do
    Process.flag(:trap_exit, true)
    if id == :b and :persistent_term.get(:fail_b, false) do
      :persistent_term.put(:fail_b, false)
      send(:shell, {:fail, id})
      {:stop, :nope}
    else
      send(:shell, {:init, id})
      {:ok, id}
    end
  end
  def terminate(reason, id), do: send(:shell, {:stop, id, reason})
end

spec = fn id -> %{id: id, start: {Worker, :start_link, [id]}} end
{:ok, sup} = Supervisor.start_link([spec.(:a), spec.(:b), spec.(:c)], strategy: :one_for_all, max_restarts: 2)
Twin.name(sup, "sup")
Twin.say("started", Twin.heard())
[_, _, {:a, a, _, _}] = Supervisor.which_children(sup)
:persistent_term.put(:fail_b, true)
Process.exit(a, :kill)
Twin.say("a is killed, then", Twin.heard())
Twin.say("which_children (running?)", Enum.map(Supervisor.which_children(sup), fn {id, pid, _, _} -> {id, is_pid(pid)} end))
[_, _, {:a, a, _, _}] = Supervisor.which_children(sup)
Process.exit(a, :kill)
Twin.say("a is killed again, then", Twin.heard())
