"""Scenario: a process ended by an exit signal runs none of its code: not a `finally` block,
whether it kills itself, is killed while it waits, or dies of a linked process's crash.
Only the DOWN comes; nothing it would send arrives.
Twin: exit_signal_skips_after.exs."""
from twin import heard, say, start

from actorlab import ANY, exit, receive, self_pid, send, sleep, spawn_link, spawn_monitor

start()
shell = self_pid()


def self_killer():
    try:
        exit(self_pid(), "kill")
    finally:
        send(shell, "after_ran_1")


_, ref = spawn_monitor(self_killer)
say("exit(self, :kill) inside try/after: DOWN", receive(("DOWN", ref, "process", ANY, ANY))[4])
say("  the shell got", heard(100))


def waiter():
    try:
        receive("never")
    finally:
        send(shell, "after_ran_2")


pid, ref = spawn_monitor(waiter)
sleep(100)
exit(pid, "shutdown")
say("exit(pid, :shutdown) while it waits in try/after: DOWN",
    receive(("DOWN", ref, "process", ANY, ANY))[4])
say("  the shell got", heard(100))


def crasher():
    sleep(100)
    exit("crash")


def linked_waiter():
    spawn_link(crasher)
    try:
        receive("never")
    finally:
        send(shell, "after_ran_3")


_, ref = spawn_monitor(linked_waiter)
say("a linked process crashes while it waits in try/after: DOWN",
    receive(("DOWN", ref, "process", ANY, ANY))[4])
say("  the shell got", heard(100))
