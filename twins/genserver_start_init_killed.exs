# Scenario: an init that never acks, because an exit signal ends it: it kills itself,
# signals itself :boom, or another process kills it. GenServer.start (OTP's
# proc_lib:start) spawns the server with a monitor, so the start answers {:error, reason}
# from the DOWN: :killed for a kill, the signal's reason otherwise; no monitor or message
# is left behind. start_link (proc_lib:start_link) has no monitor: a caller that traps
# exits gets the server's EXIT, which the start takes from its mailbox; a caller that
# does not trap exits dies with the server, of the link.
# Twin: genserver_start_init_killed.py.
Twin.start()
shell = self()

defmodule Doomed do
  use GenServer

  def init(:kill_self), do: Process.exit(self(), :kill)
  def init(:signal_self), do: Process.exit(self(), :boom)

  def init({:killed_by, killer}) do
    send(killer, {:kill_me, self()})
    Process.sleep(1000)
    {:ok, nil}
  end
end

killer = fn -> receive do: ({:kill_me, server} -> Process.exit(server, :kill)) end

Twin.say("start, init kills itself", GenServer.start(Doomed, :kill_self))
Twin.say("start, init signals itself :boom", GenServer.start(Doomed, :signal_self))
Twin.say("start, init killed by another", GenServer.start(Doomed, {:killed_by, spawn(killer)}))
Twin.say("mailbox", Twin.mailbox())
Twin.say("monitors", elem(Process.info(self(), :monitors), 1))

Process.flag(:trap_exit, true)
Twin.say("start_link, trapping, init killed by another",
  GenServer.start_link(Doomed, {:killed_by, spawn(killer)}))
Twin.say("mailbox", Twin.heard(100))
Process.flag(:trap_exit, false)

{starter, _ref} = spawn_monitor(fn -> GenServer.start_link(Doomed, :signal_self) end)
Twin.name(starter, "starter")
receive do
  {:DOWN, _ref, :process, ^starter, reason} ->
    Twin.say("start_link, not trapping, init signals itself :boom: the caller ends", reason)
end

spawn(fn -> send(shell, {:from_starter, GenServer.start(Doomed, :kill_self)}) end)
receive do: ({:from_starter, answer} -> Twin.say("start from another process", answer))
