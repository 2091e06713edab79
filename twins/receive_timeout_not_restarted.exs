# Scenario: a receive's `after` counts from when the receive began. Messages that do not
# match arrive meanwhile (at 200, 400, 600 and 800 ms) and do not restart it: it ends at
# 500 ms, with them in the mailbox. A receive takes the message it matches even when
# others came before it, and leaves those in place, in their order.
# Twin: receive_timeout_not_restarted.py.
Twin.start()
shell = self()

spawn(fn ->
  for n <- 1..4 do
    Process.sleep(200)
    send(shell, {:x, n})
  end
end)

got =
  receive do
    :never -> :matched
  after
    500 -> :timed_out
  end

Twin.say("receive :never, after 500", got)
Twin.say("the mailbox when it timed out", Twin.mailbox())
Twin.say("later", Twin.heard(300))

spawn(fn ->
  send(shell, :a)
  Process.sleep(100)
  send(shell, :c)
  send(shell, :b)
  send(shell, :d)
end)

got =
  receive do
    :b -> :b
  after
    1000 -> :timed_out
  end

Twin.say("waited for :b, got", got)
Twin.say("what is left", Twin.heard(200))
