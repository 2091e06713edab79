"""Scenario: send is asynchronous (it returns the message at once), and messages between
one pair of processes arrive in the order they were sent. Twin: async_send_order.exs."""
from twin import mailbox, name, say, start

from actorlab import ANY, receive, self_pid, send, spawn

start()


def echo_once():
    sender, message = receive()
    send(sender, ("echo", message))


echo = spawn(echo_once)
name(echo, "echo")
say("send returned", send(echo, (self_pid(), "hello")))
say("the shell received", receive())


def collect():
    _, sender = receive(("report", ANY))
    send(sender, mailbox())


collector = spawn(collect)
name(collector, "collector")
for n in range(1, 6):
    send(collector, ("number", n))
send(collector, ("report", self_pid()))
say("the collector's other messages, oldest first", receive())
