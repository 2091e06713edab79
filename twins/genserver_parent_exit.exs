# Scenario: a server started with start_link and its parent. When the parent exits, a
# server that traps exits runs terminate with the parent's reason and stops, even when the
# reason is :normal. One that does not trap exits ignores a :normal exit, so it outlives
# the parent, and dies at once of any other reason, without running terminate.
# Twin: genserver_parent_exit.py.
Twin.start()
Process.register(self(), :shell)

defmodule Child do
  use GenServer

  def init(trap) do
    Process.flag(:trap_exit, trap)
    {:ok, nil}
  end

  def terminate(reason, _state), do: send(:shell, {:terminate, reason})
end


for trap <- [true, false], reason <- [:normal, :oops] do
  parent = spawn(fn ->
    {:ok, server} = GenServer.start_link(Child, trap)
    send(:shell, {:server, server})
    receive do: (:exit -> exit(reason))
  end)
  server = receive do: ({:server, server} -> server)
  send(parent, :exit)
  Twin.say("trapping #{trap}, the parent exits with #{reason}", Twin.heard())
  Twin.say("alive", Process.alive?(server))
end
