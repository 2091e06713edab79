# Scenario: restart intensity. Elixir's supervisors allow 3 restarts in 5 seconds (here
# said explicitly); one crash more within that time and the supervisor gives up: it stops
# its other children and exits with reason shutdown, which reaches the process linked to
# it (the shell, trapping exits, gets it as a message). Twin: supervisor_restart_intensity.py.
Twin.start()
Process.register(self(), :shell)
Process.flag(:trap_exit, true)

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

children = [{Service, :db}, {Service, :cache}]
opts = [strategy: :one_for_one, max_restarts: 3, max_seconds: 5]
{:ok, sup} = Supervisor.start_link(children, opts)
Twin.name(sup, "sup")
Shell.heard()

for crash <- 1..4 do
  Process.exit(Process.whereis(:cache), :kill)
  Twin.say("after crash #{crash} the shell heard", Shell.heard())
end

Twin.say("the supervisor is alive", Process.alive?(sup))
