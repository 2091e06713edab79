# Scenario: a supervisor's child is killed while its init runs (it takes 100 ms). The
# supervisor's start fails, and says which child and why; the caller, trapping exits,
# gets the EXIT too. Staged by hand: the child's init tells a killer process it is
# starting, and the killer kills it then. actorlab: faults.kill("slow", at=50).
Twin.start()
Process.flag(:trap_exit, true)

killer = spawn(fn -> receive do: ({:initing, pid} -> Process.exit(pid, :kill)) end)

defmodule Slow do
  use GenServer
  def start_link(killer), do: GenServer.start_link(Slow, killer, name: :slow)
  def init(killer), do: (send(killer, {:initing, self()}); Process.sleep(100); {:ok, nil})
end

result = Supervisor.start_link([{Slow, killer}], strategy: :one_for_one)
Twin.say("Supervisor.start_link", result)
Twin.say("the shell heard", Twin.heard(300) |> Enum.map(fn {:EXIT, _p, r} -> {:EXIT, r}; m -> m end))
Twin.say("slow", Process.whereis(:slow))
