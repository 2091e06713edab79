# Scenario: a GenServer answers a call with {:stop, :normal, :done, state}, and the reply
# is late (staged: the server sleeps 500 ms first). The call gives up at 100 ms: it exits
# with the timeout, as the server's DOWN travels behind the reply and cannot bring it in
# early. Afterwards neither comes: the reply went to the call's alias, which ended with
# the call, and the monitor was removed. Part 2: GenServer.stop, its acknowledgement late
# (staged: terminate sleeps 500 ms), gives up at 100 ms the same way.
# Twin: fault_delay_call_reply_then_stops.py.
Twin.start()

defmodule Quitter do
  use GenServer
  def init(s), do: {:ok, s}

  def handle_call(:last, _from, s) do
    Process.sleep(500)
    {:stop, :normal, :done, s}
  end
end

defmodule SlowStop do
  use GenServer
  def init(s), do: {:ok, s}
  def terminate(_reason, _s), do: Process.sleep(500)
end

# Start `module`, try `action` on it (it gives up at 100 ms), then look a second later.
late = fn what, module, action ->
  {:ok, server} = GenServer.start(module, nil)
  Twin.name(server, "server")
  Twin.say(what, Twin.attempt(fn -> action.(server) end))
  Process.sleep(1000)
  Twin.say("the server is alive", Process.alive?(server))
  Twin.say("the shell's mailbox", Twin.mailbox())
end

late.("the call", Quitter, fn server -> GenServer.call(server, :last, 100) end)
late.("the stop", SlowStop, fn server -> GenServer.stop(server, :normal, 100) end)
