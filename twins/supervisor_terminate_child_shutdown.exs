# Scenario: Supervisor.terminate_child follows the child's shutdown, here for children
# that trap exits and whose terminate takes 300 ms. With shutdown: 100 the child gets
# :shutdown, starts its terminate, and is killed 100 ms later, before it finishes; with
# :infinity the supervisor waits for terminate to end; with :brutal_kill the child is
# killed at once and terminate never runs. terminate_child returns :ok each time.
# Twin: supervisor_terminate_child_shutdown.py.
Twin.start()
Process.register(self(), :shell)

defmodule Worker do
  use GenServer
  def start_link(id), do: GenServer.start_link(Worker, id)
  def init(id) do
    Process.flag(:trap_exit, true)
    {:ok, id}
  end
  def terminate(reason, id) do
    send(:shell, {:terminate, id, reason})
    Process.sleep(300)
    send(:shell, {:done, id})
  end
end

spec = fn id, shutdown -> %{id: id, start: {Worker, :start_link, [id]}, shutdown: shutdown} end
children = [spec.(:short, 100), spec.(:forever, :infinity), spec.(:brutal, :brutal_kill)]
{:ok, sup} = Supervisor.start_link(children, strategy: :one_for_one)
for id <- [:short, :forever, :brutal] do
  Twin.say("terminate_child #{id}", Supervisor.terminate_child(sup, id))
  Twin.say("  the shell heard", Twin.heard(500))
end
Twin.say("count_children", Supervisor.count_children(sup))
