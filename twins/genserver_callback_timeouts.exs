# Scenario: a timeout in a callback's return ({:reply, reply, state, ms}, {:noreply, state,
# ms}, {:ok, state, ms} from init): if no message arrives within ms, handle_info gets
# :timeout. Any message that comes first cancels it, and it is not set again unless the
# callback that handles that message asks again. Twin: genserver_callback_timeouts.py.
Twin.start()
Process.register(self(), :shell)

defmodule Idle do
  use GenServer
  def init(:ok), do: {:ok, :started, 100}
  def handle_call(:ask_again, _from, _state), do: {:reply, :ok, :asked, 100}
  def handle_call(:no_timeout, _from, state), do: {:reply, :ok, state}
  def handle_cast(:poke, _state), do: {:noreply, :poked, 100}

  def handle_info(:timeout, state) do
    send(:shell, {:timed_out_in_state, state})
    {:noreply, state}
  end
end


{:ok, server} = GenServer.start(Idle, :ok)
Twin.say("after init", Twin.heard(300))
GenServer.call(server, :ask_again)
Twin.say("after a call that asks again", Twin.heard(300))
GenServer.cast(server, :poke)
GenServer.call(server, :no_timeout)
Twin.say("a call comes before the cast's timeout", Twin.heard(300))
