# Scenario: a cast to a supervised, named worker is late (staged: sent 300 ms later).
# The worker crashes at 100 ms and its supervisor restarts it under the same name: the
# cast reaches the new worker, which reports it.
# Twin: fault_delay_cast_to_restarted.py.
Twin.start()
Process.register(self(), :shell)
defmodule W do
  use GenServer
  def start_link(_), do: GenServer.start_link(__MODULE__, nil, name: :worker)
  def init(s), do: {:ok, s}
  def handle_cast(:crash, _s), do: raise "boom"
  def handle_cast(m, s) do
    send(:shell, {:worker_got, m})
    {:noreply, s}
  end
end
{:ok, _sup} = Supervisor.start_link([W], strategy: :one_for_one)
a = spawn(fn -> receive do: (:go -> :ok); Process.sleep(300); GenServer.cast(:worker, :late) end)
send(a, :go)
Process.sleep(100)
GenServer.cast(:worker, :crash)
Twin.say("heard", Twin.heard(500))
