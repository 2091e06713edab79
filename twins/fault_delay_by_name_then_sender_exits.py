"""Scenario: a message to a registered name is late (staged: sent at 200 ms, just before
its sender exits). By then the name has moved (at 100 ms) to a second process, which is
linked to the sender and traps exits. The message was sent before the exit, so the
second process gets it before the EXIT. Part 2: the same with a monitor (DOWN). (Here
the late message is a faults.delay.)
Twin: fault_delay_by_name_then_sender_exits.exs."""
from twin import heard, name, say, start

from actorlab import (ANY, exit, faults, link, monitor, receive, register, self_pid, send,
                      sleep, spawn, trap_exit, unregister)

start(faults=[faults.delay("late", 300)])
shell = self_pid()


def relay(tag):
    def run():
        trap_exit(True)
        while True:
            m = receive(ANY)
            if isinstance(m, tuple) and m[0] == "watch":
                (link if m[2] == "link" else monitor)(m[1])
                send(shell, "watching")
            elif isinstance(m, tuple) and m[0] == "DOWN":
                send(shell, (tag, ("DOWN", m[4])))
            else:
                send(shell, (tag, m))
    return run


def a_fn():
    receive("go")
    send("srv", "late")
    sleep(200)
    exit("boom")


for how in ["link", "monitor"]:
    first = spawn(relay("first"))
    register("srv", first)
    second = spawn(relay("second"))
    a = spawn(a_fn)
    name(a, "a")
    send(second, ("watch", a, how))
    receive("watching")
    send(a, "go")
    sleep(100)
    unregister("srv")
    register("srv", second)
    say(f"{how}: heard", heard(500))
    unregister("srv")
