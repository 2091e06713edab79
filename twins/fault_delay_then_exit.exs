# Scenario: a message is late, and its sender ends right after sending it. Signals between
# two processes keep their order, messages and exit signals alike: the late message still
# comes before the DOWN and the EXIT its sender's end sends. Part 1: a plain process
# sends the shell a message, then exits. Part 2: a GenServer answers a call with
# {:stop, :shutdown, :done, state}: the reply is sent before the server ends, so the call
# returns :done. On the BEAM the delay is staged by sending later (100 ms of sleep).
Twin.start()
Process.flag(:trap_exit, true)
shell = self()

worker = spawn_link(fn -> receive do: (:go -> :ok); Process.sleep(100); send(shell, :result); exit(:finished) end)
Twin.name(worker, "worker")
Process.monitor(worker)
send(worker, :go)
Twin.say("the shell heard, in order", Twin.heard(300))

defmodule Quitter do
  use GenServer
  def init(s), do: {:ok, s}

  def handle_call(:last, _from, s) do
    Process.sleep(100)
    {:stop, :shutdown, :done, s}
  end
end

{:ok, server} = GenServer.start(Quitter, nil)
Twin.name(server, "server")
Twin.say("the call", Twin.attempt(fn -> GenServer.call(server, :last) end))
Twin.say("the shell's mailbox", Twin.mailbox())
