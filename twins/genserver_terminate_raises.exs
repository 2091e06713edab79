# Scenario: a terminate that raises. Its exception becomes the server's exit reason, in
# place of the one terminate was given: after a crash in handle_call (terminate got that
# first crash), and after a {:stop, reason, state}. The caller's call and the DOWN both
# carry terminate's exception. A callback that calls exit(:normal) stops the server
# normally, and terminate gets :normal. Twin: genserver_terminate_raises.py.
Twin.start()
Process.register(self(), :shell)

defmodule Fragile do
  use GenServer
  def init(how), do: {:ok, how}
  def handle_call(:crash, _from, _how), do: raise("first")
  def handle_call(:stop, _from, how), do: {:stop, :because, how}
  def handle_call(:exit_normal, _from, _how), do: exit(:normal)

  def terminate(reason, :raises) do
    send(:shell, {:terminate, reason})
    raise "in terminate"
  end

  def terminate(reason, :quiet), do: send(:shell, {:terminate, reason})
end

for {request, how} <- [crash: :raises, stop: :raises, exit_normal: :quiet] do
  {:ok, server} = GenServer.start(Fragile, how)
  Twin.name(server, "server")
  ref = Process.monitor(server)
  Twin.say("call #{request}", Twin.attempt(fn -> GenServer.call(server, request) end))
  receive do: ({:terminate, reason} -> Twin.say("terminate got", reason))
  receive do: ({:DOWN, ^ref, :process, _, reason} -> Twin.say("the DOWN says", reason))
end
