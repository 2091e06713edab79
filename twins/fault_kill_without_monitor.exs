# Scenario: a server is killed while it holds a request. A call built from send and
# receive alone never hears of it: nothing will ever answer, and only its timeout ends
# the wait. A call that monitors the server first gets a DOWN with the server's exit
# reason, at once. On the BEAM the kill is staged: the server tells the test that it
# holds the request, and the test kills it then. actorlab injects the same kill as a
# fault (faults.kill("server", after=1)). Twin: fault_kill_without_monitor.py.
Twin.start()
test = self()

defmodule Hand do
  def call(server, request) do
    ref = make_ref()
    send(server, {:call, self(), ref, request})

    receive do
      {^ref, reply} -> reply
    after
      500 -> exit(:timeout)
    end
  end

  def monitored_call(server, request) do
    ref = Process.monitor(server)
    send(server, {:call, self(), ref, request})

    receive do
      {^ref, reply} ->
        Process.demonitor(ref, [:flush])
        reply

      {:DOWN, ^ref, :process, _pid, reason} ->
        exit(reason)
    end
  end
end

server = fn test ->
  receive do
    {:call, caller, ref, request} ->
      send(test, {:holding, self()})
      receive do: (:go -> :ok)
      send(caller, {ref, {:done, request}})
  end
end

for call <- [:call, :monitored_call] do
  pid = spawn(fn -> server.(test) end)
  Twin.name(pid, "server")
  client = spawn(fn -> send(test, {:client, Twin.attempt(fn -> apply(Hand, call, [pid, :work]) end)}) end)
  Twin.name(client, "client")
  receive do: ({:holding, ^pid} -> Process.exit(pid, :kill))
  receive do: ({:client, answer} -> Twin.say("#{call}: the client got", answer))
end
