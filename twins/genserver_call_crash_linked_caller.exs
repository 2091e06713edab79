# Scenario: the shell traps exits and start_links a server. When handle_call raises, the
# call exits with the crash wrapped in the call's {GenServer, :call, ...}, terminate gets
# the crash, and, through the link, the crash also arrives as an EXIT that stays in the
# shell's mailbox. A server that stops itself from handle_cast with {:stop, :normal,
# state} sends its linked parent an EXIT with :normal. Twin: genserver_call_crash_linked_caller.py.
# Crash reasons print without their stack trace.
Twin.start()
Process.register(self(), :shell)
Process.flag(:trap_exit, true)

defmodule Crashy do
  use GenServer
  def init(state), do: {:ok, state}
  def handle_call(:boom, _from, _state), do: raise("boom")
  def handle_cast(:quit, state), do: {:stop, :normal, state}
  def terminate(reason, _state), do: send(:shell, {:terminate, reason})
end

{:ok, server} = GenServer.start_link(Crashy, nil)
Twin.name(server, "server")
Twin.say("call", Twin.attempt(fn -> GenServer.call(server, :boom) end))
Twin.say("then the mailbox", Twin.heard(100))

{:ok, server} = GenServer.start_link(Crashy, nil)
Twin.name(server, "server")
GenServer.cast(server, :quit)
Twin.say("cast :quit, then the mailbox", Twin.heard(100))
