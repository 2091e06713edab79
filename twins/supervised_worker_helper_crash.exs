# Scenario: a supervised GenServer that does not trap exits links a helper in init; the
# helper crashes and takes the worker with it. The helper's DOWN comes before the
# worker's, and the supervisor restarts the worker.
# Twin: supervised_worker_helper_crash.py.
Twin.start()
Process.register(self(), :shell)

defmodule W do
  use GenServer
  def start_link(_), do: GenServer.start_link(__MODULE__, nil, name: :w)
  def init(_) do
    helper = spawn_link(fn -> receive do :crash -> raise "helper" end end)
    send(:shell, {:init, self(), helper})
    {:ok, helper}
  end
end

{:ok, _sup} = Supervisor.start_link([W], strategy: :one_for_one)
{w, h} = receive do {:init, w, h} -> {w, h} end
Twin.name(w, "worker"); Twin.name(h, "helper")
Process.monitor(w); Process.monitor(h)
send(h, :crash)
Twin.say("heard", Twin.heard(200) |> Enum.map(fn
  {:DOWN, _, _, p, r} -> {:DOWN, p, r}
  {:init, _, _} -> :restarted end))
