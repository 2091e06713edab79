# Scenario: what DynamicSupervisor.start_child answers. {:ok, pid} for a child that
# starts; :ignore; {:error, reason} with the start's own reason (the init's stop reason,
# the exception it raised, the reason it exited with, or whatever else it returned:
# unlike Supervisor, no child record and no {:EXIT, ...}); {:error, :max_children} when
# full; and for a bad spec, an error found before the supervisor is asked. which_children
# lists the children oldest first, with :undefined for an id. terminate_child takes a pid:
# anything else raises in the caller (FunctionClauseError), and the supervisor lives. Twin:
# dynamic_supervisor_start_child.py.
Twin.start()

defmodule Worker do
  use GenServer
  def start_link(arg), do: GenServer.start_link(Worker, arg)
  def init(:ignore), do: :ignore
  def init(:refuse), do: {:stop, :no_way}
  def init(:raise), do: raise("boom")
  def init(arg), do: {:ok, arg}
end

defmodule Odd do
  def start_link(:exit), do: exit(:bye)
  def start_link(:other), do: :what
end

{:ok, sup} = DynamicSupervisor.start_link(strategy: :one_for_one, max_children: 3)
{:ok, first} = DynamicSupervisor.start_child(sup, {Worker, :first})
{:ok, second} = DynamicSupervisor.start_child(sup, {Worker, :second})
Twin.name(first, "first")
Twin.name(second, "second")
Twin.say("which_children", DynamicSupervisor.which_children(sup))

for arg <- [:ignore, :refuse, :raise] do
  Twin.say("init #{arg}", DynamicSupervisor.start_child(sup, {Worker, arg}))
end

for arg <- [:exit, :other] do
  Twin.say("start function: #{arg}", DynamicSupervisor.start_child(sup, %{id: :odd, start: {Odd, :start_link, [arg]}}))
end

Twin.say("no start", DynamicSupervisor.start_child(sup, %{id: :odd}))
Twin.say("a shutdown of 0", DynamicSupervisor.start_child(sup, %{id: :w, start: {Worker, :start_link, [:w]}, shutdown: 0}))
{:ok, _} = DynamicSupervisor.start_child(sup, {Worker, :third})
Twin.say("a fourth child", DynamicSupervisor.start_child(sup, {Worker, :fourth}))
Twin.say("terminate_child", DynamicSupervisor.terminate_child(sup, first))
Twin.say("terminate_child again", DynamicSupervisor.terminate_child(sup, first))
Twin.say("terminate_child of a name", Twin.attempt(fn -> DynamicSupervisor.terminate_child(sup, :second) end))
Twin.say("terminate_child of a lookup's list", Twin.attempt(fn -> DynamicSupervisor.terminate_child(sup, [{second, nil}]) end))
Twin.say("the supervisor, after", Process.alive?(sup))
Twin.say("count_children", DynamicSupervisor.count_children(sup))
