"""Scenario: a message is late (faults.delay, 100 ms), and its sender ends right after
sending it. Signals between two processes keep their order, messages and exit signals
alike: the late message still comes before the DOWN and the EXIT its sender's end sends.
Part 1: a plain process sends the shell a message, then exits. Part 2: a GenServer
answers a call with ("stop", "shutdown", "done", state): the reply is sent before the
server ends, so the call returns "done".
Twin: fault_delay_then_exit.exs."""
from twin import attempt, heard, mailbox, name, say, start

from actorlab import (GenServer, Ref, exit, faults, monitor, receive, self_pid, send,
                      spawn_link, trap_exit)

start(faults=[faults.delay("result", 100), faults.delay((Ref, "done"), 100)])
trap_exit(True)
shell = self_pid()


def work():
    receive("go")
    send(shell, "result")
    exit("finished")


worker = spawn_link(work)
name(worker, "worker")
monitor(worker)
send(worker, "go")
say("the shell heard, in order", heard(300))


class Quitter(GenServer):
    def init(self, s):
        return ("ok", s)

    def handle_call(self, request, from_, s):
        return ("stop", "shutdown", "done", s)


_, server = GenServer.start(Quitter, None)
name(server, "server")
say("the call", attempt(lambda: GenServer.call(server, "last")))
say("the shell's mailbox", mailbox())
