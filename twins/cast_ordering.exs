# Scenario: a cast is a message: the casts of one client are handled in the order they were
# sent, and a call sent after them sees them all. GenServer.stop runs terminate before it
# returns :ok. A cast never fails and always returns :ok, even to a dead server or a name
# nobody registered. The Counter is notebook 05's. Twin: cast_ordering.py.
Twin.start()

defmodule Counter do
  use GenServer
  def init(n), do: {:ok, n}
  def handle_call(:get, _from, n), do: {:reply, n, n}
  def handle_cast({:add, k}, n), do: {:noreply, n + k}
end

{:ok, counter} = GenServer.start_link(Counter, 10)
GenServer.cast(counter, {:add, 5})
Twin.say("get", GenServer.call(counter, :get))

defmodule Recorder do
  use GenServer
  def init(seen), do: {:ok, seen}
  def handle_call(:seen, _from, seen), do: {:reply, seen, seen}
  def handle_cast(message, seen), do: {:noreply, seen ++ [message]}
  def terminate(reason, seen), do: Twin.say("terminate", {reason, seen})
end

{:ok, recorder} = GenServer.start(Recorder, [])
for word <- [:one, :two, :three, :four], do: GenServer.cast(recorder, word)
Twin.say("seen, in order", GenServer.call(recorder, :seen))
GenServer.cast(recorder, :five)
Twin.say("stop", GenServer.stop(recorder))
Twin.say("a cast to the stopped server", GenServer.cast(recorder, :six))
Twin.say("a cast to an unregistered name", GenServer.cast(:nobody, :seven))
