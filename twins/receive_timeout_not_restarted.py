"""Scenario: a receive's timeout counts from when the receive began. Messages that do not
match arrive meanwhile (at 200, 400, 600 and 800 ms) and do not restart it: it ends at
500 ms, with them in the mailbox. A receive takes the message it matches even when others
came before it, and leaves those in place, in their order.
Twin: receive_timeout_not_restarted.exs."""
from twin import heard, mailbox, say, start

from actorlab import ReceiveTimeout, receive, self_pid, send, sleep, spawn

start()
shell = self_pid()


def ticker():
    for n in range(1, 5):
        sleep(200)
        send(shell, ("x", n))


spawn(ticker)
try:
    receive("never", timeout=500)
    got = "matched"
except ReceiveTimeout:
    got = "timed_out"
say("receive :never, after 500", got)
say("the mailbox when it timed out", mailbox())
say("later", heard(300))


def sender():
    send(shell, "a")
    sleep(100)
    send(shell, "c")
    send(shell, "b")
    send(shell, "d")


spawn(sender)
try:
    got = receive("b", timeout=1000)
except ReceiveTimeout:
    got = "timed_out"
say("waited for :b, got", got)
say("what is left", heard(200))
