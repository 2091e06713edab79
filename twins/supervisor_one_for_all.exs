# Scenario: with one_for_all, when a child dies the supervisor stops all the others (the
# newest first: they trap exits, so their terminate runs with reason shutdown), then
# starts them all again in order. Children tell the shell when they start and stop.
# Twin: supervisor_one_for_all.py.
Twin.start()
Process.register(self(), :shell)

defmodule Service do
  use GenServer

  def child_spec(name), do: %{id: name, start: {Service, :start_link, [name]}}
  def start_link(name), do: GenServer.start_link(Service, name, name: name)

  def init(name) do
    Process.flag(:trap_exit, true)
    send(:shell, {:started, name})
    {:ok, name}
  end

  def terminate(reason, name), do: send(:shell, {:stopped, name, reason})
end

defmodule Shell do
  # Every message that arrives until 100 ms pass with none, oldest first.
  def heard do
    receive do
      message -> [message | heard()]
    after
      100 -> []
    end
  end
end

children = [{Service, :db}, {Service, :cache}, {Service, :web}]
{:ok, _sup} = Supervisor.start_link(children, strategy: :one_for_all)
Shell.heard()

before = for name <- [:db, :cache, :web], do: {name, Process.whereis(name)}
Process.exit(Process.whereis(:cache), :kill)
Twin.say("after cache was killed the shell heard", Shell.heard())
renewed = for {name, pid} <- before, Process.whereis(name) != pid, do: name
Twin.say("children with a new pid", renewed)
