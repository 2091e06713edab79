# Scenario: a receive whose guard calls self(): it is the receiver's pid, whenever the
# message arrives (before the receive, or while it waits).
# Twin: receive_guard_self.py.
Twin.start()
shell = self()

wait_for_me = fn ->
  receive do
    {:for, pid} when pid == self() -> send(shell, :matched)
  after
    500 -> send(shell, :timed_out)
  end
end

early = spawn(fn -> Process.sleep(100); wait_for_me.() end)
send(early, {:for, early})
Twin.say("the message came before the receive", receive(do: (m -> m)))

waiting = spawn(fn -> wait_for_me.() end)
Process.sleep(100)
send(waiting, {:for, waiting})
Twin.say("the message came while it waited", receive(do: (m -> m)))
