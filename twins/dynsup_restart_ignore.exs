# Scenario: a DynamicSupervisor child whose start returns :ignore when it is restarted.
# Elixir's DynamicSupervisor forgets the child, as if it had never been added, and carries
# on: it does not try again, so the failed restart counts once against its intensity, and
# the supervisor lives. Twin: dynsup_restart_ignore.py.
Twin.start()

defmodule Worker do
  use GenServer
  def start_link(arg), do: GenServer.start_link(Worker, arg)

  # The first start runs; every later one (the restart) returns :ignore. The flag is in
  # :persistent_term because it must outlive the process that sets it.
  def init(arg) do
    if :persistent_term.get(:started, false) do
      :ignore
    else
      :persistent_term.put(:started, true)
      {:ok, arg}
    end
  end
end

Process.flag(:trap_exit, true)
{:ok, sup} = DynamicSupervisor.start_link(strategy: :one_for_one, max_restarts: 3, max_seconds: 5)
Twin.name(sup, "sup")
{:ok, pid} = DynamicSupervisor.start_child(sup, {Worker, 1})
Process.exit(pid, :kill)
Process.sleep(100)
Twin.say("supervisor alive", Process.alive?(sup))
Twin.say("count_children", DynamicSupervisor.count_children(sup))
Twin.say("shell heard", Twin.heard())
Twin.say("start_child now", DynamicSupervisor.start_child(sup, {Worker, 2}))
