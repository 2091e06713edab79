# Scenario: how the two supervisors stop their children. A Supervisor stops them one at a
# time, newest first, so two children whose terminate takes 300 ms each take 600 ms in
# all: a stop that allows 450 ms exits with :timeout (the supervisor goes on stopping). A
# DynamicSupervisor signals them all at once and then waits, so the same two take 300 ms,
# and the same stop returns :ok. Twin: dynamic_supervisor_stop_at_once.py.
Twin.start()

defmodule Slow do
  use GenServer
  def start_link(arg), do: GenServer.start_link(Slow, arg)

  def init(arg) do
    Process.flag(:trap_exit, true)
    {:ok, arg}
  end

  def terminate(_reason, _state), do: Process.sleep(300)
end

spec = fn id -> %{id: id, start: {Slow, :start_link, [id]}} end
{:ok, sup} = Supervisor.start_link([spec.(:a), spec.(:b)], strategy: :one_for_one)
Twin.name(sup, "supervisor")
Twin.say("Supervisor, stop within 450 ms", Twin.attempt(fn -> Supervisor.stop(sup, :normal, 450) end))

{:ok, dynamic} = DynamicSupervisor.start_link(strategy: :one_for_one)
Twin.name(dynamic, "dynamic")
{:ok, _} = DynamicSupervisor.start_child(dynamic, spec.(:a))
{:ok, _} = DynamicSupervisor.start_child(dynamic, spec.(:b))
Twin.say("DynamicSupervisor, stop within 450 ms", Twin.attempt(fn -> DynamicSupervisor.stop(dynamic, :normal, 450) end))
