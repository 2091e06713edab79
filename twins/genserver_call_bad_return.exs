# Scenario: handle_call returns something that is not one of GenServer's tuples. The server
# exits with {:bad_return_value, value}: its terminate gets that reason, so does the DOWN
# of a monitor, and the caller's call exits with it wrapped in the call's own reason.
# Twin: genserver_call_bad_return.py.
Twin.start()
Process.register(self(), :shell)

defmodule Careless do
  use GenServer
  def init(state), do: {:ok, state}
  # Forgot the tuple: should have been {:reply, :done, state}.
  def handle_call(:work, _from, _state), do: :done
  def terminate(reason, _state), do: send(:shell, {:terminate, reason})
end

{:ok, server} = GenServer.start(Careless, nil)
Twin.name(server, "server")
ref = Process.monitor(server)
Twin.say("the call", Twin.attempt(fn -> GenServer.call(server, :work) end))
receive do: ({:terminate, reason} -> Twin.say("terminate got", reason))
receive do: ({:DOWN, ^ref, :process, _, reason} -> Twin.say("the DOWN says", reason))
Twin.say("the shell's mailbox", Twin.mailbox())
