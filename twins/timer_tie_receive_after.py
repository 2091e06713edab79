"""Scenario: a timer message and a receive's timeout, due at the same ms. The BEAM ends the
receive with its timeout, in the shell and in any other process alike; the message comes
right after. (OTP does not document the order of a tie; this is what OTP 25 does.)
Twin: timer_tie_receive_after.exs."""
from twin import say, start

from actorlab import ANY, ReceiveTimeout, receive, self_pid, send, send_after, spawn

start()
shell = self_pid()


def race():
    send_after(self_pid(), "ding", 100)
    try:
        receive("ding", timeout=100)
        got = "message_first"
    except ReceiveTimeout:
        got = "timeout_first"
    try:
        receive("ding", timeout=100)
        then = "then_ding"
    except ReceiveTimeout:
        then = "nothing"
    return (got, then)


say("in the shell", race())
spawn(lambda: send(shell, ("worker", race())))
say("in a spawned process", receive(("worker", ANY))[1])


def second_of_two():
    send_after(self_pid(), "a", 100)
    send_after(self_pid(), "b", 100)
    try:
        receive("b", timeout=100)
        got = "message_first"
    except ReceiveTimeout:
        got = "timeout_first"
    send(shell, ("worker", got))


spawn(second_of_two)
say("waiting for the second of two timers", receive(("worker", ANY))[1])
