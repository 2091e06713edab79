# Scenario: a receive with a timeout gives up when nothing matching arrives in time, and a
# message that comes first wins; `after 0` never waits: it takes a matching message already
# in the mailbox, or times out at once, leaving other messages in place.
# Twin: receive_timeout.py. Times are kept far apart (100 ms vs 500 ms), so the BEAM's
# order of events is not a race.
Twin.start()

receive do
  :never -> :ok
after
  100 -> Twin.say("nothing in 100 ms")
end

shell = self()
spawn(fn ->
  Process.sleep(100)
  send(shell, :late_but_in_time)
end)
receive do
  message -> Twin.say("a message before the timeout", message)
after
  500 -> Twin.say("timed out")
end

empty = receive do
  message -> message
after
  0 -> :timeout
end
Twin.say("after 0, empty mailbox", empty)

send(self(), :waiting)
ready = receive do
  message -> message
after
  0 -> :timeout
end
Twin.say("after 0, a message waiting", ready)

send(self(), :other)
wanted = receive do
  :wanted -> :wanted
after
  0 -> :timeout
end
Twin.say("after 0, nothing matching", wanted)
Twin.say("left in the mailbox", Twin.mailbox())
