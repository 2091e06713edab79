"""Scenario: a receive with a timeout gives up when nothing matching arrives in time, and a
message that comes first wins; `timeout=0` never waits: it takes a matching message already
in the mailbox, or times out at once, leaving other messages in place.
Twin: receive_timeout.exs. Elixir's `after` clause is `receive(..., timeout=ms)`, which
raises ReceiveTimeout."""
from twin import mailbox, say, start

from actorlab import ReceiveTimeout, receive, self_pid, send, sleep, spawn

start()

try:
    receive("never", timeout=100)
except ReceiveTimeout:
    say("nothing in 100 ms")

shell = self_pid()


def late():
    sleep(100)
    send(shell, "late_but_in_time")


spawn(late)
try:
    say("a message before the timeout", receive(timeout=500))
except ReceiveTimeout:
    say("timed out")


def receive_now(pattern=None):
    """Elixir's `receive do pattern -> ... after 0 -> :timeout end`."""
    try:
        return receive(pattern, timeout=0)
    except ReceiveTimeout:
        return "timeout"


say("after 0, empty mailbox", receive_now())
send(self_pid(), "waiting")
say("after 0, a message waiting", receive_now())
send(self_pid(), "other")
say("after 0, nothing matching", receive_now("wanted"))
say("left in the mailbox", mailbox())
