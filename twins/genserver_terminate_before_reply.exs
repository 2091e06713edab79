# Scenario: terminate runs before anyone hears that the server has stopped. A server whose
# handle_call returns {:stop, reason, reply, state} runs terminate first, then replies:
# terminate's message to the shell is already in the shell's mailbox when the reply comes.
# GenServer.start leaves the shell no monitor of its own, so the only DOWN is the one it
# asks for. A caller whose request the server kept for later ({:noreply, ...}) gets no
# reply when the server is stopped: GenServer.stop returns :ok once terminate has run, and
# the waiting call exits with the stop's reason, :normal too, wrapped in the call's.
# Twin: genserver_terminate_before_reply.py.
Twin.start()
shell = self()

defmodule Door do
  use GenServer
  def init(shell), do: {:ok, {shell, []}}
  def handle_call(:close, _from, state), do: {:stop, {:shutdown, :closing}, :closed, state}
  def handle_call(:wait, from, {shell, waiting}), do: {:noreply, {shell, [from | waiting]}}
  def terminate(reason, {shell, waiting}), do: send(shell, {:terminate, reason, length(waiting)})
end

{:ok, door} = GenServer.start(Door, shell)
Twin.name(door, "door")
Twin.say("the shell's monitors after start", elem(Process.info(self(), :monitors), 1))
ref = Process.monitor(door)
Twin.say("call :close", GenServer.call(door, :close))
Twin.say("already in the mailbox", receive(do: ({:terminate, _, _} = m -> m), after: (0 -> :nothing)))
receive do: ({:DOWN, ^ref, :process, _, reason} -> Twin.say("the DOWN says", reason))

{:ok, door} = GenServer.start(Door, shell)
Twin.name(door, "door")
spawn(fn -> send(shell, {:ann, Twin.attempt(fn -> GenServer.call(door, :wait) end)}) end)
Process.sleep(100)
Twin.say("stop while ann waits", GenServer.stop(door))
Twin.say("already in the mailbox", receive(do: ({:terminate, _, _} = m -> m), after: (0 -> :nothing)))
receive do: ({:ann, result} -> Twin.say("ann's call", result))
