# Scenario: a start with a timeout, for an init that takes too long. After the timeout the
# start gives up: it kills the new server and answers {:error, :timeout}. With start_link
# it unlinks first, so the caller is neither killed nor told: even a caller that traps
# exits finds its mailbox empty, and the server is gone. Without a timeout a start waits
# for init as long as it takes. Twin: genserver_start_timeout.py.
Twin.start()

defmodule Slow do
  use GenServer

  def init(:ok) do
    Process.sleep(500)
    {:ok, nil}
  end
end

Twin.say("start, timeout 100", GenServer.start(Slow, :ok, timeout: 100))
Twin.say("start_link, timeout 100", GenServer.start_link(Slow, :ok, timeout: 100))
Process.flag(:trap_exit, true)
Twin.say("start_link, timeout 100, trapping exits", GenServer.start_link(Slow, :ok, timeout: 100))
Process.sleep(600)
Twin.say("the shell's mailbox", Twin.mailbox())
{:ok, server} = GenServer.start(Slow, :ok)
Twin.name(server, "server")
Twin.say("no timeout: the server is alive", Process.alive?(server))
