"""Scenario: times are whole milliseconds, integers. send_after, sleep and receive's
timeout refuse a float, even a whole one like 500.0, and a negative number (BadArgument;
for receive it carries the Erlang reason "timeout_value"). Nothing is sent by a refused
send_after. Twin: durations_integers.exs."""
from twin import attempt, heard, say, start

from actorlab import receive, self_pid, send_after, sleep

start()
t = 1.5
say("send_after 1.5 ms", attempt(lambda: send_after(self_pid(), "x", t)))
say("sleep 1.5 ms", attempt(lambda: sleep(t)))
say("receive after 1.5 ms", attempt(lambda: receive("never", timeout=t)))
whole = 500.0
say("send_after 500.0 ms", attempt(lambda: send_after(self_pid(), "x", whole)))
say("sleep 500.0 ms", attempt(lambda: sleep(whole)))
say("receive after 500.0 ms", attempt(lambda: receive("never", timeout=whole)))
say("send_after -1 ms", attempt(lambda: send_after(self_pid(), "x", -1)))
say("the mailbox", heard(100))
