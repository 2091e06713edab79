# Scenario: handle_continue can chain. init sends itself a message, then returns
# {:ok, state, {:continue, :a}}; :a returns {:continue, :b}; :b returns a 100 ms timeout.
# Both continues run before the message init sent, which is handled next; since that
# message arrived, the timeout was never reached, and handling it asks for 100 ms again.
# The :timeout that then comes leads to a last continue, :c.
# Twin: genserver_continue_chain.py.
Twin.start()
Process.register(self(), :shell)

defmodule Chain do
  use GenServer

  def init(:ok) do
    send(self(), :from_init)
    {:ok, [:init], {:continue, :a}}
  end

  def handle_continue(:a, steps), do: {:noreply, steps ++ [:a], {:continue, :b}}
  def handle_continue(:b, steps), do: {:noreply, steps ++ [:b], 100}
  def handle_continue(:c, steps), do: {:noreply, steps ++ [:c]}

  def handle_info(:timeout, steps) do
    send(:shell, {:steps, steps ++ [:timeout]})
    {:noreply, steps ++ [:timeout], {:continue, :c}}
  end

  def handle_info(other, steps), do: {:noreply, steps ++ [other], 100}

  def handle_call(:steps, _from, steps), do: {:reply, steps, steps}
end

{:ok, server} = GenServer.start(Chain, :ok)
receive do: ({:steps, steps} -> Twin.say("steps at the timeout", steps))
Twin.say("steps after", GenServer.call(server, :steps))
