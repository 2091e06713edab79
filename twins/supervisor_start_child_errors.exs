# Scenario: Supervisor.start_child when the child does not start. The supervisor answers
# {:error, {reason, child}}, where reason is what the start function gave: the init's
# {:stop, reason}, or {:EXIT, reason} if the start function itself exited or raised, or
# whatever else it returned. child describes the spec (here only its id is printed: OTP
# gives its own child record, actorlab the spec dict). A bad spec is refused with OTP's
# reason, and the supervisor keeps nothing of any of them.
# Twin: supervisor_start_child_errors.py.
Twin.start()

defmodule Worker do
  use GenServer
  def start_link(arg), do: GenServer.start_link(Worker, arg)
  def init(:refuse), do: {:stop, :no_way}
  def init(arg), do: {:ok, arg}
end

defmodule Odd do
  def start_link(:exit), do: exit(:bye)
  def start_link(:raise), do: raise("oops")
  def start_link(:other), do: :what
end

{:ok, sup} = Supervisor.start_link([], strategy: :one_for_one)

for {id, start} <- [refuse: {Worker, :start_link, [:refuse]}, exit: {Odd, :start_link, [:exit]},
                    raise: {Odd, :start_link, [:raise]}, other: {Odd, :start_link, [:other]}] do
  {:error, {reason, child}} = Supervisor.start_child(sup, %{id: id, start: start})
  Twin.say("#{id}: the reason", reason)
  Twin.say("#{id}: the child's id", elem(child, 2))
end

Twin.say("no start", Supervisor.start_child(sup, %{id: :x}))
Twin.say("a bad restart", Supervisor.start_child(sup, %{id: :x, start: {Worker, :start_link, [1]}, restart: :sometimes}))
Twin.say("which_children", Supervisor.which_children(sup))
