"""Scenario: a receive whose predicate calls self_pid(): it is the receiver's pid, whenever
the message arrives (before the receive, or while it waits).
Twin: receive_guard_self.exs."""
from twin import say, start

from actorlab import ReceiveTimeout, receive, self_pid, send, sleep, spawn

start()
shell = self_pid()


def wait_for_me():
    try:
        receive(lambda m: m[0] == "for" and m[1] == self_pid(), timeout=500)
        send(shell, "matched")
    except ReceiveTimeout:
        send(shell, "timed_out")


def late():
    sleep(100)
    wait_for_me()


early = spawn(late)
send(early, ("for", early))
say("the message came before the receive", receive())

waiting = spawn(wait_for_me)
sleep(100)
send(waiting, ("for", waiting))
say("the message came while it waited", receive())
