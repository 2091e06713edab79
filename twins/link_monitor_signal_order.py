"""Scenario: one process, three ways to hear of its end. The shell traps exits, is linked
to a worker and monitors it twice. When the worker exits, the EXIT from the link comes
first, then the two DOWN messages in the order the monitors were made. (All three are
signals from the same process to the same process, so the BEAM gives them one order.)
Twin: link_monitor_signal_order.exs."""
from twin import mailbox, name, say, start

from actorlab import ReceiveTimeout, exit, monitor, receive, send, spawn_link, trap_exit

start()
trap_exit(True)


def work():
    receive("go")
    exit("bye")


worker = spawn_link(work)
name(worker, "worker")
first = monitor(worker)
second = monitor(worker)
send(worker, "go")
try:
    receive("nothing", timeout=100)
except ReceiveTimeout:
    pass


def label(message):
    if message[0] == "DOWN":
        return ("down_first" if message[1] == first else "down_second", message[4])
    return message


say("the mailbox", [label(message) for message in mailbox()])
