# Scenario: stopping a supervisor stops its children one by one, newest first, each as
# its shutdown says: a child that traps exits runs terminate with :shutdown; one that does
# not trap exits just dies; a :brutal_kill child is killed at once (no terminate); a child
# that traps exits and takes longer than its shutdown time (100 ms here) is killed then.
# Supervisor.stop returns :ok, and the process that started the supervisor with
# start_link, trapping exits, gets {:EXIT, sup, :normal}. Twin: supervisor_stop_shutdown.py.
Twin.start()
Process.register(self(), :shell)

defmodule Worker do
  use GenServer
  def start_link(arg), do: GenServer.start_link(Worker, arg)

  def init({name, trap}) do
    Process.flag(:trap_exit, trap)
    {:ok, name}
  end

  def terminate(reason, :stubborn) do
    send(:shell, {:terminate, :stubborn, reason})
    Process.sleep(1000)
    send(:shell, {:finished_terminate, :stubborn})
  end

  def terminate(reason, name), do: send(:shell, {:terminate, name, reason})
end


spec = fn name, trap -> %{id: name, start: {Worker, :start_link, [{name, trap}]}} end
children = [
  spec.(:trapping, true),
  spec.(:plain, false),
  Map.put(spec.(:brutal, true), :shutdown, :brutal_kill),
  Map.put(spec.(:stubborn, true), :shutdown, 100)
]

Process.flag(:trap_exit, true)
{:ok, sup} = Supervisor.start_link(children, strategy: :one_for_one)
Twin.say("Supervisor.stop", Supervisor.stop(sup))
Twin.say("the shell heard", Twin.heard())
