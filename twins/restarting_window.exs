# Scenario: a child whose restart fails is tried again later, not in a loop, by a
# Supervisor and by a DynamicSupervisor alike. Each marks the child :restarting and sends
# itself a retry, so a call that came in during a try is answered before the next try.
# Supervisor: which_children shows :restarting (not counted as active), restart_child and
# delete_child answer {:error, :restarting}, start_child is served (and a spec with its
# id is :already_present), and terminate_child stops the retries (the child stays,
# :undefined, until restart_child starts it). DynamicSupervisor: the child keeps its old
# pid, marked :restarting (counted as a spec, not as active), start_child is served, and
# terminate_child with the old pid forgets the child and stops the retries. Each try
# counts as a restart, so max_restarts is raised to 10 here. The start function tells the
# shell it runs, then takes 300 ms: the shell makes one call per try, which reaches the
# supervisor before that try ends (a second call would come after the retry). Its
# failures are counted down with :persistent_term, a node-wide store.
# Twin: restarting_window.py.
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

rows = fn sup -> Supervisor.which_children(sup) |> Enum.map(fn {id, pid, _, _} -> {id, pid} end) end
running = fn sup -> rows.(sup) |> Enum.map(fn {id, p} -> {id, is_pid(p)} end) end
{:ok, sup} = Supervisor.start_link([%{id: :a, start: {Flaky, :start_link, [:a]}}], strategy: :one_for_one, max_restarts: 10)
receive do :starting -> :ok end
[{:a, a, _, _}] = Supervisor.which_children(sup)
:persistent_term.put(:fails, 7)
Process.exit(a, :kill)
receive do :starting -> :ok end
Twin.say("try 1: which_children", rows.(sup))
receive do :starting -> :ok end
Twin.say("try 2: count_children", Supervisor.count_children(sup))
receive do :starting -> :ok end
Twin.say("try 3: restart_child a", Supervisor.restart_child(sup, :a))
receive do :starting -> :ok end
Twin.say("try 4: delete_child a", Supervisor.delete_child(sup, :a))
receive do :starting -> :ok end
Twin.say("try 5: start_child a", Supervisor.start_child(sup, %{id: :a, start: {Flaky, :start_link, [:a]}}))
receive do :starting -> :ok end
Twin.say("try 6: start_child b", Supervisor.start_child(sup, %{id: :b, start: {GenServer, :start_link, [Worker, :b]}}) |> elem(0))
receive do :starting -> :ok end
Twin.say("try 7: terminate_child a", Supervisor.terminate_child(sup, :a))
Twin.say("which_children", running.(sup))
Twin.say("then", Twin.heard(500))
Twin.say("restart_child a", Supervisor.restart_child(sup, :a) |> elem(0))
Twin.say("which_children", running.(sup))
Twin.say("the shell's mailbox, taken", Twin.heard())

{:ok, sup} = DynamicSupervisor.start_link(strategy: :one_for_one, max_restarts: 10)
{:ok, a} = DynamicSupervisor.start_child(sup, %{id: :a, start: {Flaky, :start_link, [:a]}})
receive do :starting -> :ok end
:persistent_term.put(:fails, 4)
Process.exit(a, :kill)
receive do :starting -> :ok end
Twin.say("dynamic: try 1: which_children", DynamicSupervisor.which_children(sup) |> Enum.map(fn {_, p, _, _} -> p end))
receive do :starting -> :ok end
Twin.say("dynamic: try 2: count_children", DynamicSupervisor.count_children(sup))
receive do :starting -> :ok end
Twin.say("dynamic: try 3: start_child b", DynamicSupervisor.start_child(sup, %{id: :b, start: {GenServer, :start_link, [Worker, :b]}}) |> elem(0))
receive do :starting -> :ok end
Twin.say("dynamic: try 4: terminate_child with the old pid", DynamicSupervisor.terminate_child(sup, a))
Twin.say("dynamic: count_children then", DynamicSupervisor.count_children(sup))
Twin.say("dynamic: then", Twin.heard(500))
Twin.say("dynamic: the shell's mailbox", Twin.mailbox())
