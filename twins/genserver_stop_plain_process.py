"""Scenario: GenServer.stop on a plain process, not a GenServer. As OTP 25's
proc_lib:stop, it sends a request and waits for an acknowledgement, which a plain
process never sends: with a timeout, stop exits with "timeout" and the process lives
on, the request left in its mailbox (its shape differs by design: the BEAM's is a system
message, {:system, from, {:terminate, reason}}, so only the count is printed); with none
(the default) the BEAM waits forever, and actorlab raises DeadlockError. A plain process
that ends when the request arrives, even normally, ends without acknowledging it: stop
exits with (reason, ("sys", "terminate", [pid, reason, timeout])).
Twin: genserver_stop_plain_process.exs."""
from twin import attempt, mailbox, name, say, start

from actorlab import ANY, GenServer, exit, is_alive, process_info, receive, spawn

start()

plain = spawn(lambda: receive("never"))
name(plain, "plain")
say("stop, 100 ms", attempt(lambda: GenServer.stop(plain, "normal", 100)))
say("plain is alive", is_alive(plain))
say("messages in plain's mailbox", len(process_info(plain)["messages"]))


def exit_with_bye():
    receive(ANY)
    exit("bye")


quits = spawn(exit_with_bye)
name(quits, "quits")
say("stop one that exits with :bye", attempt(lambda: GenServer.stop(quits, "normal", 100)))
returns = spawn(lambda: receive(ANY))
name(returns, "returns")
say("stop one that returns", attempt(lambda: GenServer.stop(returns, "normal", 100)))
say("the shell's mailbox", mailbox())
