# Scenario: handle_cast and handle_info are held to their tuples too: a return that is not
# {:noreply, state} or {:stop, reason, state} ends the server with
# {:bad_return_value, value}, and terminate gets that reason. A cast still returns :ok:
# nobody waits for it, so only a monitor or a link hears of the crash.
# Twin: genserver_cast_info_bad_return.py.
Twin.start()
Process.register(self(), :shell)

defmodule Careless do
  use GenServer
  def init(state), do: {:ok, state}
  # A reply to a cast: there is nobody to reply to.
  def handle_cast(:work, state), do: {:reply, :done, state}
  # The state alone, without {:noreply, ...}.
  def handle_info(:tick, state), do: state
  def terminate(reason, _state), do: send(:shell, {:terminate, reason})
end

{:ok, caster} = GenServer.start(Careless, :quiet)
ref = Process.monitor(caster)
Twin.say("the cast", GenServer.cast(caster, :work))
receive do: ({:terminate, reason} -> Twin.say("terminate got", reason))
receive do: ({:DOWN, ^ref, :process, _, reason} -> Twin.say("the DOWN says", reason))

{:ok, ticker} = GenServer.start(Careless, :quiet)
ref = Process.monitor(ticker)
send(ticker, :tick)
receive do: ({:terminate, reason} -> Twin.say("terminate got", reason))
receive do: ({:DOWN, ^ref, :process, _, reason} -> Twin.say("the DOWN says", reason))
