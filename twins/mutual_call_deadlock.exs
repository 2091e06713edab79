# Scenario: the indirect deadlock a -> b -> a. The shell calls a; a's handler calls b; b's
# handler calls a, which is busy waiting for b. OTP cannot refuse this (neither call is to
# itself): the calls wait for their timeouts. They are distinct, so the order is not a race:
# b's call to a gives up first (100 ms), b exits, a's call to b exits with b's reason
# wrapped in its own, and a exits; the shell's call exits with all of it, nested.
# Twin: mutual_call_deadlock.py.
Twin.start()

defmodule Relay do
  use GenServer
  def init({peer, timeout}), do: {:ok, {peer, timeout}}
  def handle_call(:ping, _from, {peer, timeout}) do
    {:reply, GenServer.call(peer, :ping, timeout), {peer, timeout}}
  end
end

GenServer.start(Relay, {:b, 500}, name: :a)
GenServer.start(Relay, {:a, 100}, name: :b)
Twin.say("the shell's call", Twin.attempt(fn -> GenServer.call(:a, :ping, 1000) end))
Twin.say("a and b are gone", {Process.whereis(:a), Process.whereis(:b)})
