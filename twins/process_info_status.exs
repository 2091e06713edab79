# Scenario: what Process.info tells about a process: its status (:waiting when it is
# blocked in a receive or a sleep, :running for the caller itself), the messages it has
# not taken (a selective receive leaves them), its registered name ([] for none), whether
# it traps exits, its links. Inside a GenServer's terminate the process is still alive
# and running; by the time its monitor's DOWN comes, it is gone (Process.info: nil).
# Twin: process_info_status.py.
Twin.start()

w = spawn(fn ->
  receive do
    :go -> receive do: (:stop -> :ok)
  end
end)

s = spawn(fn -> Process.sleep(5000) end)
Process.sleep(100)
send(w, :one)
send(w, :two)
Process.sleep(100)
info = fn pid, key -> elem(Process.info(pid, key), 1) end
Twin.say("a process in receive: status", info.(w, :status))
Twin.say("a process in sleep: status", info.(s, :status))
Twin.say("the caller: status", info.(self(), :status))
Twin.say("its messages", info.(w, :messages))
Twin.say("its registered_name, none", info.(w, :registered_name))
Process.register(w, :worker)
Twin.say("its registered_name", info.(w, :registered_name))
Twin.say("its trap_exit", info.(w, :trap_exit))
Process.link(w)
Twin.say("its links are the shell", info.(w, :links) == [self()])
send(w, :go)
Process.sleep(100)
Twin.say("after :go, its messages", info.(w, :messages))
Process.unlink(w)
Process.exit(w, :kill)
Process.exit(s, :kill)

defmodule Quitter do
  use GenServer
  def init(shell), do: {:ok, shell}

  def terminate(reason, shell) do
    send(shell, {:terminate, reason, Process.alive?(self()), Process.info(self(), :status)})
  end
end

{:ok, g} = GenServer.start(Quitter, self())
ref = Process.monitor(g)
GenServer.stop(g, :bye)

receive do
  {:terminate, reason, alive, {:status, status}} ->
    Twin.say("in terminate: reason, alive?, status", {reason, alive, status})
end

receive do
  {:DOWN, ^ref, :process, _, reason} ->
    Twin.say("at the DOWN: reason, alive?, info", {reason, Process.alive?(g), Process.info(g)})
end
