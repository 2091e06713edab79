# Scenario: a timeout that is not one. A call given 1.5 or -1 ms raises at once (gen.erl's
# guard: a timeout is a whole number of ms, 0 or more, or :infinity), before anything is
# sent. handle_cast returns {:noreply, state, :soon}, which is neither a timeout, :hibernate
# nor {:continue, _}: the server ends with {:bad_return_value, return}, and terminate gets
# it. Twin: bad_timeout_value.py.
Twin.start()
Process.register(self(), :shell)

defmodule Odd do
  use GenServer
  def init(s), do: {:ok, s}
  def handle_call(:get, _from, s), do: (send(:shell, :called); {:reply, s, s})
  def handle_cast(:odd, s), do: {:noreply, s, :soon}
  def terminate(reason, _s), do: send(:shell, {:terminate, reason})
end

{:ok, server} = GenServer.start(Odd, nil)
Twin.name(server, "server")
Twin.say("call, timeout 1.5", Twin.attempt(fn -> GenServer.call(server, :get, 1.5) end))
Twin.say("call, timeout -1", Twin.attempt(fn -> GenServer.call(server, :get, -1) end))
Twin.say("the shell heard", Twin.heard(100))

ref = Process.monitor(server)
GenServer.cast(server, :odd)
receive do: ({:DOWN, ^ref, _, _, why} -> Twin.say("DOWN", why))
Twin.say("the shell's mailbox", Twin.mailbox())
