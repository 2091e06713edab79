# Scenario: a callback that returns {:noreply, state, 0}. A timeout of 0 fires only if the
# mailbox is empty: when a message is already waiting, the server handles it and no
# :timeout comes (the next callback did not ask again); when nothing is waiting,
# handle_info gets :timeout at once. The server reports each callback to the shell.
# Twin: genserver_zero_timeout.py.
Twin.start()
Process.register(self(), :shell)

defmodule Zero do
  use GenServer
  def init(state), do: {:ok, state}
  def handle_cast(:block, state) do
    Process.sleep(100)
    {:noreply, state}
  end
  def handle_cast(:zero, state) do
    send(:shell, {:cast, :zero})
    {:noreply, state, 0}
  end
  def handle_cast(:plain, state) do
    send(:shell, {:cast, :plain})
    {:noreply, state}
  end
  def handle_info(message, state) do
    send(:shell, {:info, message})
    {:noreply, state}
  end
end

{:ok, server} = GenServer.start(Zero, nil)
GenServer.cast(server, :block)
GenServer.cast(server, :zero)
GenServer.cast(server, :plain)
Twin.say("zero, with a message waiting", Twin.heard(500))
GenServer.cast(server, :zero)
Twin.say("zero, with an empty mailbox", Twin.heard(500))
