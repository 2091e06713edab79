# Scenario: a server's monitor fires with :noconnection (what a monitor reports when the
# server's node is cut off; staged by hand: the test sends the server an exit signal
# :noconnection). gen:call turns that DOWN into exit {:nodedown, node}, even for a pid of
# this node (nonode@nohost), when it has a timeout; with :infinity, a call to a process of
# its own node keeps :noconnection. GenServer.stop asks through such a call
# (sys:terminate), so the same holds inside sys:terminate's exit if the server had not
# acknowledged the stop yet; once it has, the stop keeps :noconnection.
# Twin: genserver_noconnection.py.
Twin.start()
test = self()

defmodule Far do
  use GenServer
  def init(test), do: {:ok, test}

  def handle_call(:work, _from, test) do
    send(test, {:busy, self()})
    receive do: (:go -> :ok)
    {:reply, :done, test}
  end

  def handle_cast(:work, test) do
    send(test, {:busy, self()})
    receive do: (:go -> :ok)
    {:noreply, test}
  end

  def terminate(_reason, test) do
    send(test, {:terminating, self()})
    receive do: (:go -> :ok)
  end
end

{:ok, server} = GenServer.start(Far, test, name: :far)
Twin.name(server, "far")
spawn(fn -> send(test, {:client, Twin.attempt(fn -> GenServer.call(:far, :work) end)}) end)
receive do: ({:busy, ^server} -> Process.exit(server, :noconnection))
receive do: ({:client, answer} -> Twin.say("call, cut off while it works", answer))

{:ok, server} = GenServer.start(Far, test)
Twin.name(server, "far")
GenServer.cast(server, :work)
receive do: ({:busy, ^server} -> :ok)
spawn(fn -> send(test, {:client, Twin.attempt(fn -> GenServer.stop(server) end)}) end)
Process.sleep(100)
Process.exit(server, :noconnection)
receive do: ({:client, answer} -> Twin.say("stop, cut off before it acknowledges", answer))

{:ok, server} = GenServer.start(Far, test)
Twin.name(server, "far")
spawn(fn -> send(test, {:client, Twin.attempt(fn -> GenServer.stop(server) end)}) end)
receive do: ({:terminating, ^server} -> Process.exit(server, :noconnection))
receive do: ({:client, answer} -> Twin.say("stop, cut off in terminate", answer))

{:ok, server} = GenServer.start(Far, test)
Twin.name(server, "far")
spawn(fn -> send(test, {:client, Twin.attempt(fn -> GenServer.call(server, :work, :infinity) end)}) end)
receive do: ({:busy, ^server} -> Process.exit(server, :noconnection))
receive do: ({:client, answer} -> Twin.say("call with :infinity, cut off", answer))

{:ok, server} = GenServer.start(Far, test)
Twin.name(server, "far")
GenServer.cast(server, :work)
receive do: ({:busy, ^server} -> :ok)
spawn(fn -> send(test, {:client, Twin.attempt(fn -> GenServer.stop(server, :normal, 1000) end)}) end)
Process.sleep(100)
Process.exit(server, :noconnection)
receive do: ({:client, answer} -> Twin.say("stop with a timeout, cut off before it acknowledges", answer))
