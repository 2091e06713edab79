"""Scenario: a timer that sends a message later. send_after returns a timer ref at once;
the message arrives after the time. read_timer says how many ms are left (rounded to 100
here, as the twin rounds the BEAM's real clock), and False once the timer has fired or
been cancelled; cancel_timer stops it and says how many ms were left, or False if it is
too late. A cancelled timer sends nothing. Twin: send_after_timers.exs (needs actorlab's
send_after, cancel_timer and read_timer)."""
from twin import mailbox, say, start

from actorlab import cancel_timer, read_timer, receive, self_pid, send_after, sleep

start()


def about(ms):
    return (ms + 50) // 100 * 100 if type(ms) is int else ms


ding = send_after(self_pid(), "ding", 500)
say("send_after returns", ding)
sleep(100)
say("read_timer after 100 ms", about(read_timer(ding)))
say("the shell's mailbox", mailbox())
say("then the message", receive())
say("read_timer once it has fired", read_timer(ding))
say("cancel_timer once it has fired", cancel_timer(ding))

never = send_after(self_pid(), "never", 500)
sleep(200)
say("cancel_timer after 200 ms", about(cancel_timer(never)))
say("cancel_timer again", cancel_timer(never))
say("read_timer once cancelled", read_timer(never))
sleep(500)
say("the shell's mailbox", mailbox())
