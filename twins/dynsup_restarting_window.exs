# Scenario: a DynamicSupervisor child whose restart fails is tried again later, not in a
# loop. Elixir's DynamicSupervisor keeps it under its old pid, marked :restarting, and
# sends itself a retry, so it answers the calls that came in meanwhile: which_children
# shows :restarting (counted as a spec, not as active), start_child is served, and
# terminate_child with the old pid forgets the child and stops the retries. Each try
# counts as a restart, so max_restarts is raised to 10 here. The start function tells the
# shell it runs, then takes 300 ms: the shell makes one call per try, which reaches the
# supervisor before that try ends (a second call would come after the retry). Its
# failures are counted down with :persistent_term, a node-wide store.
# Twin: dynsup_restarting_window.py.
Twin.start()
Process.register(self(), :shell)

defmodule Worker do
  use GenServer
  def init(arg), do: {:ok, arg}
end

defmodule Flaky do
  def start_link(arg) do
    send(:shell, :starting)
    Process.sleep(300)
    fails = :persistent_term.get(:fails, 0)
    if fails > 0 do
      :persistent_term.put(:fails, fails - 1)
      {:error, :flaky}
    else
      GenServer.start_link(Worker, arg)
    end
  end
end

{:ok, sup} = DynamicSupervisor.start_link(strategy: :one_for_one, max_restarts: 10)
{:ok, a} = DynamicSupervisor.start_child(sup, %{id: :a, start: {Flaky, :start_link, [:a]}})
receive do :starting -> :ok end
:persistent_term.put(:fails, 4)
Process.exit(a, :kill)
receive do :starting -> :ok end
Twin.say("try 1: which_children", DynamicSupervisor.which_children(sup) |> Enum.map(fn {_, p, _, _} -> p end))
receive do :starting -> :ok end
Twin.say("try 2: count_children", DynamicSupervisor.count_children(sup))
receive do :starting -> :ok end
Twin.say("try 3: start_child b", DynamicSupervisor.start_child(sup, %{id: :b, start: {GenServer, :start_link, [Worker, :b]}}) |> elem(0))
receive do :starting -> :ok end
Twin.say("try 4: terminate_child with the old pid", DynamicSupervisor.terminate_child(sup, a))
Twin.say("count_children then", DynamicSupervisor.count_children(sup))
Twin.say("then", Twin.heard(500))
Twin.say("the shell's mailbox", Twin.mailbox())
