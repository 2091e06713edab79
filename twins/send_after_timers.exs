# Scenario: a timer that sends a message later. Process.send_after returns a timer ref
# at once; the message arrives after the time. read_timer says how many ms are left
# (rounded to 100 here: the BEAM's clock is real), and false once the timer has fired or
# been cancelled; cancel_timer stops it and says how many ms were left, or false if it is
# too late. A cancelled timer sends nothing. Twin: send_after_timers.py (needs actorlab's
# send_after, cancel_timer and read_timer).
Twin.start()

defmodule Shell do
  def about(ms) when is_integer(ms), do: div(ms + 50, 100) * 100
  def about(other), do: other
end

ding = Process.send_after(self(), :ding, 500)
Twin.say("send_after returns", ding)
Process.sleep(100)
Twin.say("read_timer after 100 ms", Shell.about(Process.read_timer(ding)))
Twin.say("the shell's mailbox", Twin.mailbox())
receive do: (message -> Twin.say("then the message", message))
Twin.say("read_timer once it has fired", Process.read_timer(ding))
Twin.say("cancel_timer once it has fired", Process.cancel_timer(ding))

never = Process.send_after(self(), :never, 500)
Process.sleep(200)
Twin.say("cancel_timer after 200 ms", Shell.about(Process.cancel_timer(never)))
Twin.say("cancel_timer again", Process.cancel_timer(never))
Twin.say("read_timer once cancelled", Process.read_timer(never))
Process.sleep(500)
Twin.say("the shell's mailbox", Twin.mailbox())
