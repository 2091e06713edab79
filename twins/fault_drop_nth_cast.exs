# Scenario: a counter is cast :add three times; the second cast is lost (never sent, on the
# BEAM). The call after them sees 1 + 4 = 5; the server's mailbox order is unchanged.
# actorlab: faults.drop(("$gen_cast", ("add", ANY)), nth=2).
Twin.start()

defmodule Counter do
  use GenServer
  def init(n), do: {:ok, n}
  def handle_cast({:add, k}, n), do: {:noreply, n + k}
  def handle_call(:get, _from, n), do: {:reply, n, n}
end

{:ok, pid} = GenServer.start(Counter, 0)
GenServer.cast(pid, {:add, 1})
# the second cast, {:add, 2}, is lost
GenServer.cast(pid, {:add, 4})
Twin.say("the count", GenServer.call(pid, :get))
Twin.say("the shell's mailbox", Twin.mailbox())
