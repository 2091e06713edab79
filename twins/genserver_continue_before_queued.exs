# Scenario: messages that reach a server while its init runs wait for the continue init
# asks for. Here init casts to itself, starts a process that calls it, and takes 100 ms,
# so a cast and a call are already in its mailbox when it returns
# {:ok, [], {:continue, :load}}: handle_continue runs first, then the cast, then the call,
# in the order they came. Twin: genserver_continue_before_queued.py.
Twin.start()
Process.register(self(), :shell)

defmodule Early do
  use GenServer

  def init(:ok) do
    GenServer.cast(self(), :queued_cast)
    server = self()
    spawn(fn -> send(:shell, {:caller_got, GenServer.call(server, :queued_call)}) end)
    Process.sleep(100)
    {:ok, [], {:continue, :load}}
  end

  def handle_continue(:load, seen), do: {:noreply, seen ++ [:load]}
  def handle_cast(message, seen), do: {:noreply, seen ++ [message]}
  def handle_call(message, _from, seen), do: {:reply, seen ++ [message], seen ++ [message]}
end

{:ok, _server} = GenServer.start(Early, :ok)
receive do: ({:caller_got, seen} -> Twin.say("the early caller got", seen))
