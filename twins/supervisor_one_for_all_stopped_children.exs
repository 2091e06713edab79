# Scenario: one_for_all with children that are not all running when one crashes: a
# temporary child (b), a transient child that has ended normally (c), and a child stopped
# with terminate_child (e). When a crashes, the supervisor stops the running ones, newest
# first (they trap exits, so terminate runs with :shutdown), then starts every child it
# still has a spec for, in order: c and e too, though neither had been restarted on its
# own. The temporary b is stopped and forgotten. Children tell the shell when they start
# and stop. Twin: supervisor_one_for_all_stopped_children.py.
Twin.start()
Process.register(self(), :shell)

defmodule Worker do
  use GenServer
  def start_link(id), do: GenServer.start_link(Worker, id)
  def init(id) do
    Process.flag(:trap_exit, true)
    send(:shell, {:start, id})
    {:ok, id}
  end
  def handle_cast(:quit, id), do: {:stop, :normal, id}
  def terminate(reason, id), do: send(:shell, {:stop, id, reason})
end

spec = fn id, restart -> %{id: id, start: {Worker, :start_link, [id]}, restart: restart} end
children = [spec.(:a, :permanent), spec.(:b, :temporary), spec.(:c, :transient),
            spec.(:d, :permanent), spec.(:e, :permanent)]
{:ok, sup} = Supervisor.start_link(children, strategy: :one_for_all)
Twin.say("started", Twin.heard())
pids = Map.new(Supervisor.which_children(sup), fn {id, pid, _, _} -> {id, pid} end)
GenServer.cast(pids[:c], :quit)
Twin.say("c quits", Twin.heard())
Twin.say("terminate_child e", Supervisor.terminate_child(sup, :e))
Twin.say("then", Twin.heard())
Process.exit(pids[:a], :kill)
Twin.say("a is killed, then", Twin.heard())
Twin.say("which_children (running?)", Enum.map(Supervisor.which_children(sup), fn {id, pid, _, _} -> {id, is_pid(pid)} end))
Twin.say("count_children", Supervisor.count_children(sup))
