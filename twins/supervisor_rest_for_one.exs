# Scenario: with rest_for_one, when a child dies the supervisor stops the children started
# after it (the newest first), then restarts it and them, in order; children started
# before it are left alone. Children tell the shell when they start and stop.
# Twin: supervisor_rest_for_one.py.
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
{:ok, _sup} = Supervisor.start_link(children, strategy: :rest_for_one)
Shell.heard()

for victim <- [:web, :cache, :db] do
  before = for name <- [:db, :cache, :web], do: {name, Process.whereis(name)}
  Process.exit(Process.whereis(victim), :kill)
  Twin.say("after #{victim} was killed the shell heard", Shell.heard())
  renewed = for {name, pid} <- before, Process.whereis(name) != pid, do: name
  Twin.say("children with a new pid", renewed)
end
