# Scenario: the child_spec/1 that `use GenServer` defines has two keys only, id (the
# module) and start (the module's start_link with the argument); the options of `use
# GenServer` (here restart and shutdown) are added to it, and Supervisor.child_spec/2
# puts its overrides on top. The supervisor fills in the rest: a child with no type is a
# worker. (The start tuples differ by design, so they are left out: Elixir calls
# Tuned.start_link(7), actorlab GenServer.start_link(Tuned, 7).)
# Twin: genserver_child_spec_keys.py.
Twin.start()

defmodule Plain do
  use GenServer
  def start_link(arg), do: GenServer.start_link(__MODULE__, arg)
  def init(arg), do: {:ok, arg}
end

defmodule Tuned do
  use GenServer, restart: :transient, shutdown: 10_000
  def start_link(arg), do: GenServer.start_link(__MODULE__, arg)
  def init(arg), do: {:ok, arg}
end

Twin.say("Plain.child_spec(7) keys", Plain.child_spec(7) |> Map.keys() |> Enum.sort())
Twin.say("Plain.child_spec(7)", Plain.child_spec(7) |> Map.delete(:start))
Twin.say("Tuned.child_spec(7)", Tuned.child_spec(7) |> Map.delete(:start))
overridden = Supervisor.child_spec({Tuned, 7}, id: :t2, restart: :temporary)
Twin.say("with overrides", overridden |> Map.delete(:start))
Twin.say("with type and modules", Supervisor.child_spec(Plain, type: :supervisor, modules: [Plain]) |> Map.delete(:start))
{:ok, sup} = Supervisor.start_link([Plain, {Tuned, 1}], strategy: :one_for_one)
Twin.say("which_children", Supervisor.which_children(sup) |> Enum.map(fn {id, _pid, type, modules} -> {id, type, modules} end))
Twin.say("count_children", Supervisor.count_children(sup))
