"""Scenario: timers and time. Timers due at the same ms fire in the order they were set; a
timer set earlier for longer, due when one set later for less is due, fires first.
read_timer counts down as time passes (rounded to 100 ms here: the BEAM's clock is real).
Once the message has come, cancel_timer and read_timer give False, and the message stays
in the mailbox. Twin: send_after_same_ms.exs."""
from twin import heard, mailbox, say, start

from actorlab import cancel_timer, read_timer, self_pid, send_after, sleep

start()


def about(ms):
    return (ms + 50) // 100 * 100 if type(ms) is int else ms


for tag in ["a", "b", "c", "d", "e"]:
    send_after(self_pid(), tag, 100)
say("five timers due at 100 ms", heard(200))

send_after(self_pid(), "set_first_for_300", 300)
sleep(100)
send_after(self_pid(), "set_later_for_200", 200)
say("due at the same time", heard(400))

t = send_after(self_pid(), "tick", 1000)
say("read_timer at once is an integer", type(read_timer(t)) is int)
sleep(300)
say("read_timer after 300 ms", about(read_timer(t)))
sleep(300)
say("read_timer after 600 ms", about(read_timer(t)))
say("cancel_timer returns an integer", type(cancel_timer(t)) is int)

d = send_after(self_pid(), "delivered", 100)
sleep(200)
say("cancel_timer once delivered", cancel_timer(d))
say("read_timer once delivered", read_timer(d))
say("the message stays", mailbox())
