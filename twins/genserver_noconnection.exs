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

started = fn options ->
  {:ok, server} = GenServer.start(Far, test, options)
  Twin.name(server, "far")
  server
end

# A client makes `request`; once `wait` returns, `server` is cut off.
cut_off = fn label, server, request, wait ->
  spawn(fn -> send(test, {:client, Twin.attempt(request)}) end)
  wait.()
  Process.exit(server, :noconnection)
  receive do: ({:client, answer} -> Twin.say(label, answer))
end

busy = fn server -> fn -> receive do: ({:busy, ^server} -> :ok) end end

stop_before_it_acknowledges = fn label, timeout ->
  server = started.([])
  GenServer.cast(server, :work)
  receive do: ({:busy, ^server} -> :ok)
  cut_off.(label, server, fn -> GenServer.stop(server, :normal, timeout) end,
    fn -> Process.sleep(100) end)
end

server = started.(name: :far)
cut_off.("call, cut off while it works", server, fn -> GenServer.call(:far, :work) end,
  busy.(server))
stop_before_it_acknowledges.("stop, cut off before it acknowledges", :infinity)
server = started.([])
cut_off.("stop, cut off in terminate", server, fn -> GenServer.stop(server) end,
  fn -> receive do: ({:terminating, ^server} -> :ok) end)
server = started.([])
cut_off.("call with :infinity, cut off", server,
  fn -> GenServer.call(server, :work, :infinity) end, busy.(server))
stop_before_it_acknowledges.("stop with a timeout, cut off before it acknowledges", 1000)
