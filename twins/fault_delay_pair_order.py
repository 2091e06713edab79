"""Scenario: faults.delay("first", 100): the pair's second message waits behind it,
another sender's does not. Twin: fault_delay_pair_order.exs."""
from twin import heard, say, start

from actorlab import faults, receive, self_pid, send, spawn

start(faults=[faults.delay("first", 100)])
shell = self_pid()


def slow():
    receive("go")
    send(shell, "first")
    send(shell, "second")


def fast():
    receive("go")
    send(shell, "third")


s = spawn(slow)
f = spawn(fast)
send(s, "go")
send(f, "go")
say("the shell heard", heard(300))
