# Scenario: GenServer.stop reaches a busy server (a cast that sleeps 500 ms) after one
# call is queued and before another. The server handles its mailbox in order: the first
# call is answered, then the stop runs terminate, and the later call exits with the
# server's reason, :bye, wrapped in the call's. (Every callback here returns :hibernate
# as well; that changes none of this.) Twin: genserver_stop_with_queued_calls.py.
Twin.start()
Process.register(self(), :shell)
shell = self()

defmodule Busy do
  use GenServer
  def init(count), do: {:ok, count, :hibernate}
  def handle_cast({:sleep, ms}, count) do
    Process.sleep(ms)
    {:noreply, count, :hibernate}
  end
  def handle_call(:next, _from, count), do: {:reply, count, count + 1, :hibernate}
  def terminate(reason, count), do: send(:shell, {:terminate, reason, count})
end

{:ok, server} = GenServer.start(Busy, 0)
Twin.name(server, "server")
GenServer.cast(server, {:sleep, 500})
spawn(fn -> send(shell, {:first, Twin.attempt(fn -> GenServer.call(server, :next) end)}) end)
Process.sleep(100)
spawn(fn ->
  Process.sleep(100)
  send(shell, {:second, Twin.attempt(fn -> GenServer.call(server, :next) end)})
end)
Twin.say("stop", GenServer.stop(server, :bye))
Twin.say("then", Enum.sort(Twin.heard(300)))
