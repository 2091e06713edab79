# Scenario: a timer message and a receive's `after`, due at the same ms (a tie real time
# makes too: both round to the same ms). The BEAM ends the receive with its timeout, in the
# shell and in any other process alike; the message comes right after. (OTP does not
# document the order of a tie; this is what OTP 25 does, every run.)
# Twin: timer_tie_receive_after.py.
Twin.start()
shell = self()

race = fn ->
  Process.send_after(self(), :ding, 100)
  got = receive do
    :ding -> :message_first
  after
    100 -> :timeout_first
  end
  {got, receive(do: (:ding -> :then_ding), after: (100 -> :nothing))}
end

Twin.say("in the shell", race.())
spawn(fn -> send(shell, {:worker, race.()}) end)
receive do: ({:worker, result} -> Twin.say("in a spawned process", result))

spawn(fn ->
  Process.send_after(self(), :a, 100)
  Process.send_after(self(), :b, 100)
  got = receive do
    :b -> :message_first
  after
    100 -> :timeout_first
  end
  send(shell, {:worker, got})
end)
receive do: ({:worker, result} -> Twin.say("waiting for the second of two timers", result))
