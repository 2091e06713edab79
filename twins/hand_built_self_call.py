"""Scenario: a server that uses notebook 02's hand-built call on itself. While it runs the
code for "summary" it is not in its loop, so its own request for the mean waits in its
mailbox, unread. With a timeout, both sides time out: the server's call to itself first
(and the server exits), then its client's. Without a timeout the BEAM would hang here
forever; actorlab raises DeadlockError instead. The client reports to the shell, which
prints in an order its receives force. Twin: hand_built_self_call.exs."""
from twin import attempt, name, say, start

from actorlab import (ANY, ReceiveTimeout, exit, make_ref, process_info, receive, self_pid,
                      send, sleep, spawn, spawn_monitor)

start()
shell = self_pid()


def call(server, request, timeout):
    ref = make_ref()
    send(server, ("call", self_pid(), ref, request))
    try:
        return receive((ref, ANY), timeout=timeout)[1]
    except ReceiveTimeout:
        exit("timeout")


def stats_loop(numbers):
    while True:
        _, caller, ref, request = receive(("call", ANY, ANY, ANY))
        if request == "mean":
            send(caller, (ref, sum(numbers) / len(numbers)))
        elif request == "summary":
            mean = call(self_pid(), "mean", 500)
            send(caller, (ref, ("summary", len(numbers), mean)))


stats, monitor = spawn_monitor(stats_loop, [1, 2, 3, 6])
name(stats, "stats")
say("the mean", call(stats, "mean", 1000))


def client():
    send(shell, ("client_got", attempt(lambda: call(stats, "summary", 1000))))


spawn(client)
sleep(100)
say("in stats' mailbox, unread", process_info(stats)["messages"])
say("stats exited", receive(("DOWN", monitor, "process", ANY, ANY))[4])
say("the client got", receive(("client_got", ANY))[1])
