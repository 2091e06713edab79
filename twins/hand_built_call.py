"""Scenario: notebook 02's call, built from send and receive: the request carries the
caller's pid and a fresh ref, and the caller waits only for a reply with that ref, so
other messages stay in its mailbox; a cast is just a send. Nobody watches the server: a
silent or dead server gives a timeout, and a reply that comes after the timeout is left
in the mailbox (GenServer.call does better: twins/call_timeout.py).
Twin: hand_built_call.exs. Elixir's `exit(:timeout)` is `exit("timeout")`."""
from twin import attempt, mailbox, say, start

from actorlab import (ANY, OneOf, ReceiveTimeout, exit, make_ref, receive, self_pid, send, sleep,
                      spawn, spawn_monitor)

start()


def call(server, request, timeout=5000):
    ref = make_ref()
    send(server, ("call", self_pid(), ref, request))
    try:
        return receive((ref, ANY), timeout=timeout)[1]
    except ReceiveTimeout:
        exit("timeout")


def cast(server, message):
    send(server, ("cast", message))


def counter(count):
    while True:
        message = receive(OneOf(("call", ANY, ANY, "get"), ("cast", ("add", ANY)),
                                ("call", ANY, ANY, ("slow", ANY))))
        if message[0] == "cast":
            count += message[1][1]
        elif message[3] == "get":
            _, caller, ref, _ = message
            send(caller, (ref, count))
        else:
            _, caller, ref, (_, ms) = message
            sleep(ms)
            send(caller, (ref, "late"))


server = spawn(counter, 0)
send(self_pid(), ("news", "lunch is ready"))
someone_elses = make_ref()
send(self_pid(), (someone_elses, "reply"))
cast(server, ("add", 5))
say("call get", call(server, "get"))
say("still in the mailbox", mailbox())

silent = spawn(lambda: receive("never"))
say("a silent server", attempt(lambda: call(silent, "get", 100)))
dead, ref = spawn_monitor(lambda: None)
say("the dead server exited", receive(("DOWN", ref, "process", ANY, ANY))[4])
say("a dead server", attempt(lambda: call(dead, "get", 100)))
say("a slow server", attempt(lambda: call(server, ("slow", 500), 100)))
sleep(1000)
say("the shell's mailbox later", mailbox())
