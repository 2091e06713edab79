# Scenario: one exit under each strategy, with a permanent, a transient and a temporary
# child (started in that order). rest_for_one and one_for_all stop the children they
# restart with the one that exited, and a temporary child among them is not restarted:
# it is gone. A temporary child's own exit, or a transient one's {:shutdown, _}, restarts
# nothing, so with max_restarts: 0 the supervisor lives on; a permanent child's exit,
# :normal too, is one restart too many, and the supervisor exits with :shutdown.
# Each line: the child that exited and how, then for each child: the same pid, a new
# one, :undefined (not restarted) or gone. Twin: supervisor_strategy_restart_types.py.
Twin.start()
Process.flag(:trap_exit, true)

defmodule Child do
  use GenServer
  def init(arg), do: {:ok, arg}
  def handle_cast({:exit, reason}, state), do: {:stop, reason, state}
end

spec = fn id, restart -> %{id: id, start: {GenServer, :start_link, [Child, id]}, restart: restart} end
pids = fn sup -> Map.new(Supervisor.which_children(sup), fn {id, pid, _, _} -> {id, pid} end) end

compare = fn before, now ->
  for id <- Enum.sort(Map.keys(before)) do
    case {before[id], now[id]} do
      {_, nil} -> {id, :gone}
      {_, :undefined} -> {id, :undefined}
      {pid, pid} -> {id, :same}
      _ -> {id, :new}
    end
  end
end

try_one = fn strategy, max, victim, reason ->
  children = [spec.(:perm, :permanent), spec.(:trans, :transient), spec.(:temp, :temporary)]
  {:ok, sup} = Supervisor.start_link(children, strategy: strategy, max_restarts: max)
  before = pids.(sup)
  ref = Process.monitor(before[victim])
  GenServer.cast(before[victim], {:exit, reason})
  receive do: ({:DOWN, ^ref, _, _, _} -> :ok)
  line = "#{strategy}, max_restarts #{max}: #{victim} exits #{inspect(reason)}"

  receive do
    {:EXIT, ^sup, why} -> Twin.say("#{line}: the supervisor exits", why)
  after
    300 ->
      Twin.say(line, compare.(before, pids.(sup)))
      Supervisor.stop(sup)
      receive do: ({:EXIT, ^sup, :normal} -> :ok)
  end
end

try_one.(:rest_for_one, 3, :perm, :normal)
try_one.(:rest_for_one, 3, :trans, :boom)
try_one.(:one_for_all, 3, :trans, :boom)
try_one.(:one_for_all, 0, :temp, :boom)
try_one.(:one_for_one, 0, :trans, {:shutdown, :x})
try_one.(:one_for_one, 0, :perm, :normal)
Twin.say("the shell's mailbox", Twin.mailbox())
