# Scenario: a bare module as a child. Elixir reads `Worker` as `{Worker, []}`, so it calls
# Worker.child_spec([]) and then Worker.start_link([]): init gets the empty list, under a
# Supervisor and under a DynamicSupervisor alike. `{Worker, nil}` gives init nil.
# Twin: supervisor_bare_module_child.py.
Twin.start()

defmodule Worker do
  use GenServer
  def start_link(arg), do: GenServer.start_link(__MODULE__, arg)
  def init(arg), do: {:ok, arg}
  def handle_call(:arg, _from, arg), do: {:reply, arg, arg}
end

{:ok, sup} = Supervisor.start_link([Worker], strategy: :one_for_one)
[{id, pid, _type, _modules}] = Supervisor.which_children(sup)
Twin.say("the child's id", id)
Twin.say("init got, under a Supervisor", GenServer.call(pid, :arg))
{:ok, dyn} = DynamicSupervisor.start_link(strategy: :one_for_one)
{:ok, bare} = DynamicSupervisor.start_child(dyn, Worker)
Twin.say("init got, under a DynamicSupervisor", GenServer.call(bare, :arg))
{:ok, with_nil} = DynamicSupervisor.start_child(dyn, {Worker, nil})
Twin.say("init got, given nil", GenServer.call(with_nil, :arg))
