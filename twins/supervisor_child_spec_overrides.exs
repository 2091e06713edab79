# Scenario: Supervisor.child_spec/2 takes a child spec (a module, {module, arg} or a map)
# and keyword overrides, and returns the spec map with them put in: how one module is
# started twice under one supervisor, each with its own id (without it, both have the
# module's id, a duplicate). An unknown key is an ArgumentError. A child marked
# significant: true is refused, since that needs the supervisor's auto_shutdown, which is
# :never here (the default); significant: false is accepted.
# Twin: supervisor_child_spec_overrides.py.
Twin.start()
Process.flag(:trap_exit, true)

defmodule Worker do
  use GenServer
  def start_link(arg), do: GenServer.start_link(__MODULE__, arg)
  def init(arg), do: {:ok, arg}
  def handle_call(:get, _from, arg), do: {:reply, arg, arg}
end

one = Supervisor.child_spec({Worker, 1}, id: :one)
two = Supervisor.child_spec({Worker, 2}, id: :two, restart: :temporary, shutdown: 100)
Twin.say("overridden", Map.take(two, [:id, :restart, :shutdown]))
Twin.say("a map", Supervisor.child_spec(%{id: :m, start: {Worker, :start_link, [3]}}, id: :m3).id)
Twin.say("an unknown key", Twin.attempt(fn -> Supervisor.child_spec(Worker, bogus: 1) end))
Twin.say("the module twice", Supervisor.start_link([{Worker, 1}, {Worker, 2}], strategy: :one_for_one))
{:ok, sup} = Supervisor.start_link([one, two], strategy: :one_for_one)
Twin.say("with two ids", Supervisor.which_children(sup) |> Enum.map(fn {id, pid, _, _} -> {id, GenServer.call(pid, :get)} end))
significant = fn flag -> %{id: :s, start: {Worker, :start_link, [4]}, restart: :transient, significant: flag} end
Twin.say("significant: true", Supervisor.start_link([significant.(true)], strategy: :one_for_one))
Twin.say("significant: false", Supervisor.start_link([significant.(false)], strategy: :one_for_one) |> elem(0))
Twin.say("start_child, significant: true", Supervisor.start_child(sup, significant.(true)))
Twin.say("the shell's mailbox", Twin.heard() |> Enum.map(fn {:EXIT, _, r} -> {:EXIT, r}; m -> m end))
