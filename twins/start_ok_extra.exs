# Scenario: a start function may return {:ok, pid, info} instead of {:ok, pid}. OTP's
# supervisors take it as a start, at startup as in start_child and restart_child, and
# start_child and restart_child hand the info back to their caller; Elixir's
# DynamicSupervisor does the same. Twin: start_ok_extra.py.
Twin.start()

defmodule Worker do
  use GenServer
  def init(arg), do: {:ok, arg}

  def start_with_info(arg) do
    {:ok, pid} = GenServer.start_link(Worker, arg)
    {:ok, pid, :info}
  end
end

spec = %{id: :w, start: {Worker, :start_with_info, [1]}}
{:ok, sup} = Supervisor.start_link([spec], strategy: :one_for_one)
Twin.say("started at startup", Supervisor.which_children(sup) |> Enum.map(fn {id, pid, _, _} -> {id, is_pid(pid)} end))
{:ok, sup} = Supervisor.start_link([], strategy: :one_for_one)
started = Supervisor.start_child(sup, spec)
Twin.name(elem(started, 1), "w")
Twin.say("start_child", started)
Twin.say("which_children", Supervisor.which_children(sup) |> Enum.map(fn {id, pid, _, _} -> {id, pid} end))
:ok = Supervisor.terminate_child(sup, :w)
started = Supervisor.restart_child(sup, :w)
Twin.name(elem(started, 1), "w again")
Twin.say("restart_child", started)
{:ok, dsup} = DynamicSupervisor.start_link(strategy: :one_for_one)
started = DynamicSupervisor.start_child(dsup, spec)
Twin.name(elem(started, 1), "d")
Twin.say("DynamicSupervisor.start_child", started)
Twin.say("DynamicSupervisor.count_children", DynamicSupervisor.count_children(dsup))
