# Scenario: the modules column of which_children, when the child spec gives none, is the
# module of the start function (OTP's supervisor.erl: {M, _, _} = Func -> [M]): a room
# started by GenServer.start_link(Room, name) shows [GenServer], one started by its own
# Room.start_link(name) shows [Room], and so does one from use GenServer's child_spec,
# whose start is Room.start_link.
# Twin: supervisor_which_children_modules.py.
Twin.start()

defmodule Room do
  use GenServer
  def start_link(name), do: GenServer.start_link(__MODULE__, name)
  def init(name), do: {:ok, name}
end

{:ok, dyn} = DynamicSupervisor.start_link(strategy: :one_for_one)
{:ok, a} = DynamicSupervisor.start_child(dyn, %{id: "#a", start: {GenServer, :start_link, [Room, "#a"]}})
Twin.name(a, "room by GenServer.start_link")
{:ok, b} = DynamicSupervisor.start_child(dyn, %{id: "#b", start: {Room, :start_link, ["#b"]}})
Twin.name(b, "room by Room.start_link")
{:ok, c} = DynamicSupervisor.start_child(dyn, {Room, "#c"})
Twin.name(c, "room by child_spec")
Twin.say("DynamicSupervisor.which_children", DynamicSupervisor.which_children(dyn))

children = [
  %{id: :a, start: {GenServer, :start_link, [Room, "#a"]}},
  %{id: :b, start: {Room, :start_link, ["#b"]}},
  Supervisor.child_spec({Room, "#c"}, id: :c)
]
{:ok, sup} = Supervisor.start_link(children, strategy: :one_for_one)
Twin.say("Supervisor.which_children", Supervisor.which_children(sup) |> Enum.map(fn {id, _, _, modules} -> {id, modules} end))
