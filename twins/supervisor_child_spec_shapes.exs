# Scenario: child specs in each shape a supervisor accepts: a module, {module, arg}, and a
# map with only id and start or with restart, shutdown, type and modules too. Supervisor.
# which_children lists the children newest first, each with its type (:worker unless the
# spec says :supervisor, which it takes on trust) and its modules (the start function's
# module unless the spec says). count_children counts them. A second supervisor with a
# taken name answers {:error, {:already_started, pid}}; two specs with one id (the same
# module twice, too) fail the start. Supervisor.stop with a reason returns :ok, and the
# shell, linked and trapping exits, gets that reason in the EXIT.
# Twin: supervisor_child_spec_shapes.py.
Twin.start()

defmodule Alpha do
  use GenServer
  def start_link(arg), do: GenServer.start_link(__MODULE__, arg)
  def init(arg), do: {:ok, arg}
end

defmodule Beta do
  use GenServer
  def start_link(arg), do: GenServer.start_link(__MODULE__, arg)
  def init(arg), do: {:ok, arg}
end

children = [
  Alpha,
  {Beta, :b},
  %{id: :plain, start: {Alpha, :start_link, [:plain]}},
  %{id: :full, start: {Beta, :start_link, [:full]}, restart: :transient, shutdown: 100, type: :supervisor},
  %{id: :inner, start: {Supervisor, :start_link, [[], [strategy: :one_for_one]]}, type: :supervisor},
  %{id: :mods, start: {Alpha, :start_link, [:mods]}, modules: [Beta, Alpha]},
  %{id: :dyn, start: {Alpha, :start_link, [:dyn]}, modules: :dynamic}
]

{:ok, sup} = Supervisor.start_link(children, strategy: :one_for_one, name: :top)
Twin.name(sup, "top")
Twin.say("which_children", Enum.map(Supervisor.which_children(sup), fn {id, _pid, type, modules} -> {id, type, modules} end))
Twin.say("count_children", Supervisor.count_children(sup))
Process.flag(:trap_exit, true)
Twin.say("same name again", Supervisor.start_link([], strategy: :one_for_one, name: :top))
twice = [%{id: :x, start: {Alpha, :start_link, [1]}}, %{id: :x, start: {Beta, :start_link, [2]}}]
Twin.say("one id twice", Supervisor.start_link(twice, strategy: :one_for_one))
Twin.say("one module twice", Supervisor.start_link([Alpha, {Alpha, 2}], strategy: :one_for_one))
Twin.say("stop with a reason", Supervisor.stop(sup, :custom))
Twin.say("the shell's mailbox", Enum.map(Twin.mailbox(), fn {:EXIT, _pid, reason} -> {:EXIT, reason} end))
