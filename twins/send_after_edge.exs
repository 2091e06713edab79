# Scenario: send_after's edge cases. A 0 ms timer has not fired by the next line:
# read_timer gives 0, the mailbox is empty, and cancel_timer (0) stops it, so its message
# never comes. A timer to a pid that has already exited is cancelled at once (read_timer
# and cancel_timer: false). A ref that no timer made gives false too.
# Twin: send_after_edge.py.
Twin.start()
now = Process.send_after(self(), :now, 0)
Twin.say("0 ms: read_timer at once", Process.read_timer(now))
Twin.say("0 ms: the mailbox", Twin.mailbox())
Twin.say("0 ms: cancel_timer", Process.cancel_timer(now))
Twin.say("0 ms: the mailbox later", Twin.heard(100))

dead = spawn(fn -> :ok end)
Process.sleep(100)
timer = Process.send_after(dead, :hello, 500)
Twin.say("to a dead pid: read_timer", Process.read_timer(timer))
Twin.say("to a dead pid: cancel_timer", Process.cancel_timer(timer))

other = make_ref()
Twin.say("read_timer of a plain ref", Process.read_timer(other))
Twin.say("cancel_timer of a plain ref", Process.cancel_timer(other))
