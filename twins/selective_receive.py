"""Scenario: a process is a function with a mailbox; receive takes the oldest message that
matches its pattern and leaves the others where they are, in order; a process keeps its
state as the argument of its loop. Twin: selective_receive.exs."""
from twin import mailbox, say, start

from actorlab import ANY, OneOf, receive, self_pid, send, spawn

start()


def echo_once():
    sender, message = receive()
    send(sender, message)


pid = spawn(echo_once)
send(pid, (self_pid(), "hello"))
say("the echo", receive())

send(self_pid(), ("news", "cats"))
send(self_pid(), ("urgent", "fire!"))
send(self_pid(), ("news", "dogs"))
_, what = receive(("urgent", ANY))
say("urgent first", what)
say("still in the mailbox, in order", mailbox())
say("no pattern takes the oldest", receive())


def counter_loop(count):
    while True:
        message = receive(OneOf(("add", ANY), ("get", ANY)))
        if message[0] == "add":
            count += message[1]
        else:
            send(message[1], ("count", count))


counter = spawn(counter_loop, 0)
send(counter, ("add", 2))
send(counter, ("get", self_pid()))
_, count = receive(("count", ANY))
say("the count", count)
say("left for later", mailbox())
