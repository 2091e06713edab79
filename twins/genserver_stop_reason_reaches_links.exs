# Scenario: GenServer.stop(server, reason) and the server's links. The server exits with
# the reason asked for, and every linked process hears it: the shell, which trapped exits
# and started it with start_link, gets it as an EXIT (its monitor's DOWN says the same).
# A linked bystander that does not trap exits ignores only :normal: :shutdown and
# {:shutdown, _} kill it like any other reason (they are quiet only in crash reports).
# Twin: genserver_stop_reason_reaches_links.py.
Twin.start()
Process.flag(:trap_exit, true)
shell = self()

defmodule Stopper do
  use GenServer
  def init(state), do: {:ok, state}
  def handle_call(:link_to_me, {caller, _tag}, state) do
    Process.link(caller)
    {:reply, :ok, state}
  end
end

for reason <- [:normal, :shutdown, {:shutdown, :done}, :custom] do
  {:ok, server} = GenServer.start_link(Stopper, nil)
  Twin.name(server, "server")
  bystander = spawn(fn ->
    GenServer.call(server, :link_to_me)
    send(shell, :linked)
    receive do: (:never -> :ok)
  end)
  receive do: (:linked -> :ok)
  bystander_down = Process.monitor(bystander)
  server_down = Process.monitor(server)
  Twin.say("stop #{inspect(reason)}", GenServer.stop(server, reason))
  receive do: ({:EXIT, ^server, why} -> Twin.say("  the shell's EXIT", why))
  receive do: ({:DOWN, ^server_down, _, _, why} -> Twin.say("  the DOWN", why))

  receive do
    {:DOWN, ^bystander_down, _, _, why} -> Twin.say("  the bystander exited", why)
  after
    200 ->
      Twin.say("  the bystander is alive", Process.alive?(bystander))
      Process.exit(bystander, :kill)
      receive do: ({:DOWN, ^bystander_down, _, _, _} -> :ok)
  end
end
Twin.say("the shell's mailbox", Twin.mailbox())
