# Scenario: timers and time. Timers due at the same ms fire in the order they were set;
# a timer set earlier for longer, due when one set later for less is due, fires first.
# read_timer counts down as time passes (rounded to 100 ms here: the BEAM's clock is
# real). Once the message has come, cancel_timer and read_timer give false, and the
# message stays in the mailbox. Twin: send_after_same_ms.py.
Twin.start()
about = fn
  ms when is_integer(ms) -> div(ms + 50, 100) * 100
  other -> other
end

for tag <- [:a, :b, :c, :d, :e], do: Process.send_after(self(), tag, 100)
Twin.say("five timers due at 100 ms", Twin.heard(200))

Process.send_after(self(), :set_first_for_300, 300)
Process.sleep(100)
Process.send_after(self(), :set_later_for_200, 200)
Twin.say("due at the same time", Twin.heard(400))

t = Process.send_after(self(), :tick, 1000)
Twin.say("read_timer at once is an integer", is_integer(Process.read_timer(t)))
Process.sleep(300)
Twin.say("read_timer after 300 ms", about.(Process.read_timer(t)))
Process.sleep(300)
Twin.say("read_timer after 600 ms", about.(Process.read_timer(t)))
Twin.say("cancel_timer returns an integer", is_integer(Process.cancel_timer(t)))

d = Process.send_after(self(), :delivered, 100)
Process.sleep(200)
Twin.say("cancel_timer once delivered", Process.cancel_timer(d))
Twin.say("read_timer once delivered", Process.read_timer(d))
Twin.say("the message stays", Twin.mailbox())
