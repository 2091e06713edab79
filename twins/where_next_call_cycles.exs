# Scenario: OTP refuses a call to yourself at once (calling_self, OTP 25+), but it cannot
# see a cycle through another server: there only the call's timeout ends the wait.
# Twin: where_next_call_cycles.py.
Twin.start()

defmodule Stats do
  use GenServer
  def init(numbers), do: {:ok, numbers}

  def handle_call(:mean, _from, numbers) do
    {:reply, Enum.sum(numbers) / length(numbers), numbers}
  end

  def handle_call(:summary, _from, numbers) do
    mean = GenServer.call(self(), :mean)
    {:reply, {:summary, length(numbers), mean}, numbers}
  end
end

{:ok, stats} = GenServer.start(Stats, [1, 2, 3, 6])
Twin.name(stats, "stats")
Twin.say("mean", GenServer.call(stats, :mean))
Twin.say("summary", Twin.attempt(fn -> GenServer.call(stats, :summary) end))

defmodule Relay do
  use GenServer
  def init(other), do: {:ok, other}

  def handle_call(:work, _from, other) do
    {:reply, GenServer.call(other, :check, 100), other}
  end

  def handle_call(:check, _from, other) do
    {:reply, GenServer.call(other, :confirm, 500), other}
  end
end

GenServer.start(Relay, :b, name: :a)
GenServer.start(Relay, :a, name: :b)
Twin.say("work", Twin.attempt(fn -> GenServer.call(:a, :work, 1000) end))
