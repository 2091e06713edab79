# Scenario: times are whole milliseconds, integers. Process.send_after, Process.sleep and
# receive's `after` refuse a float, even a whole one like 500.0, and a negative number;
# receive raises the Erlang error :timeout_value, the others ArgumentError. Nothing is
# sent by a refused send_after. Twin: durations_integers.py.
Twin.start()
t = 1.5
Twin.say("send_after 1.5 ms", Twin.attempt(fn -> Process.send_after(self(), :x, t) end))
Twin.say("sleep 1.5 ms", Twin.attempt(fn -> Process.sleep(t) end))
Twin.say("receive after 1.5 ms", Twin.attempt(fn -> receive do
  :never -> :ok
after
  t -> :timeout
end end))
whole = 500.0
Twin.say("send_after 500.0 ms", Twin.attempt(fn -> Process.send_after(self(), :x, whole) end))
Twin.say("sleep 500.0 ms", Twin.attempt(fn -> Process.sleep(whole) end))
Twin.say("receive after 500.0 ms", Twin.attempt(fn -> receive do
  :never -> :ok
after
  whole -> :timeout
end end))
Twin.say("send_after -1 ms", Twin.attempt(fn -> Process.send_after(self(), :x, -1) end))
Twin.say("the mailbox", Twin.heard(100))
