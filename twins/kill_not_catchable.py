"""Scenario: a kill cannot be caught: not when a process sends it to itself inside a
catch-all, and not while it waits in a receive inside a catch-all. Nothing after it runs.
Twin: kill_not_catchable.exs."""
from twin import heard, name, say, start

from actorlab import ANY, exit, monitor, receive, self_pid, send, sleep, spawn_monitor

start()
shell = self_pid()


def self_killer():
    try:
        exit(self_pid(), "kill")
    except BaseException:
        send(shell, "caught_my_own_kill")
    send(shell, "went_on")


pid, ref = spawn_monitor(self_killer)
name(pid, "self_killer")
say("exit(self, :kill) in a catch-all: DOWN", receive(("DOWN", ref, "process", ANY, ANY))[4])
say("then the mailbox", heard(100))


def waiter():
    try:
        receive("never")
    except BaseException:
        send(shell, "caught_a_kill")
    finally:
        send(shell, "after_block_ran")
    send(shell, "went_on")


pid, ref = spawn_monitor(waiter)
name(pid, "waiter")
sleep(100)
exit(pid, "kill")
say("killed while in receive in a catch-all: DOWN", receive(("DOWN", ref, "process", ANY, ANY))[4])
say("then the mailbox", heard(100))
