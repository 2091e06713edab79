# Scenario: handle_call ending the server. With {:stop, reason, reply, state} the caller
# gets its reply (terminate runs first), whatever the reason, :normal too. With
# {:stop, reason, state} nobody replies: the caller's call exits with the server's reason
# wrapped in the call's, even for :normal. terminate and the DOWN get the reason either way.
# Twin: genserver_call_stop_tuples.py.
Twin.start()
Process.register(self(), :shell)

defmodule Closing do
  use GenServer
  def init(state), do: {:ok, state}
  def handle_call({:with_reply, reason}, _from, state), do: {:stop, reason, :bye, state}
  def handle_call({:without_reply, reason}, _from, state), do: {:stop, reason, state}
  def terminate(reason, _state), do: send(:shell, {:terminate, reason})
end

for request <- [{:with_reply, :normal}, {:with_reply, :oops}, {:without_reply, :normal}, {:without_reply, :oops}] do
  {:ok, server} = GenServer.start(Closing, nil)
  Twin.name(server, "server")
  ref = Process.monitor(server)
  Twin.say("call #{inspect(request)}", Twin.attempt(fn -> GenServer.call(server, request) end))
  receive do: ({:terminate, reason} -> Twin.say("terminate got", reason))
  receive do: ({:DOWN, ^ref, :process, _, reason} -> Twin.say("the DOWN says", reason))
end
