"""Scenario: notebook 04's generic server: one loop (receive, dispatch to the callbacks,
reply with the ref, carry the state round) and a counter that is callbacks only, plain
functions that can be tried without a process. This loop's receive takes calls and casts
only (as the Elixir loop's two clauses do), so any other message stays in the server's
mailbox, unread (OTP's GenServer hands such messages to handle_info).
Twin: generic_server.exs. Elixir's callback module is a Python object with methods."""
from twin import say, start

from actorlab import (ANY, OneOf, ReceiveTimeout, exit, make_ref, process_info, receive,
                      self_pid, send, spawn)

start()


def start_server(callbacks, arg):
    return spawn(loop, callbacks, callbacks.init(arg))


def call(server, request):
    ref = make_ref()
    send(server, ("call", self_pid(), ref, request))
    try:
        return receive((ref, ANY), timeout=5000)[1]
    except ReceiveTimeout:
        exit("timeout")


def cast(server, message):
    send(server, ("cast", message))


def loop(callbacks, state):
    while True:
        message = receive(OneOf(("call", ANY, ANY, ANY), ("cast", ANY)))
        if message[0] == "call":
            _, caller, ref, request = message
            reply, state = callbacks.handle_call(request, state)
            send(caller, (ref, reply))
        else:
            state = callbacks.handle_cast(message[1], state)


class Counter:
    def init(self, n):
        return n

    def handle_call(self, request, n):
        return n, n

    def handle_cast(self, message, n):
        return n + message[1]


counter = start_server(Counter(), 10)
cast(counter, ("add", 5))
say("get", call(counter, "get"))
say("handle_call(:get, 42)", Counter().handle_call("get", 42))
say("handle_cast({:add, 1}, 42)", Counter().handle_cast(("add", 1), 42))

send(counter, ("DOWN", "a monitor's news"))
say("get", call(counter, "get"))
say("unread in the counter's mailbox", process_info(counter)["messages"])
