# Scenario: {:continue, arg} in a callback's return runs handle_continue(arg, state) next,
# before the server reads any other message: after init, start has already returned (so
# slow setup, 100 ms here, does not hold up the starter) and yet a call sent at once
# waits for the continue; after {:reply, reply, state, {:continue, arg}}, the caller has
# its reply first.
# Twin: genserver_continue.py.
Twin.start()
Process.register(self(), :shell)

defmodule Setup do
  use GenServer

  def init(:ok) do
    send(:shell, :init)
    {:ok, [], {:continue, :load}}
  end

  def handle_continue(:load, steps) do
    Process.sleep(100)
    send(:shell, :continue)
    {:noreply, steps ++ [:loaded]}
  end

  def handle_continue(:tidy, steps), do: {:noreply, steps ++ [:tidied]}

  def handle_call(:steps, _from, steps), do: {:reply, steps, steps}
  def handle_call(:tidy, _from, steps), do: {:reply, steps, steps, {:continue, :tidy}}
end

{:ok, server} = GenServer.start(Setup, :ok)
send(self(), :start_returned)
Twin.say("steps", GenServer.call(server, :steps))
Twin.say("in order", Twin.mailbox())
Twin.say("the reply to :tidy", GenServer.call(server, :tidy))
Twin.say("steps", GenServer.call(server, :steps))
