"""Scenario: a monitor made by name watches the process that held the name then, not the
name. Unregistering the name, or giving it to another process, does not move the monitor:
the new holder's exit sends no DOWN; the first process's exit does, and the DOWN names it
as (name, node). Once the name is free, sending by the bare name raises; sending to
(name, node) is dropped. Twin: monitor_by_name_keeps_process.exs."""
from twin import attempt, mailbox, name, say, start

from actorlab import ANY, monitor, receive, register, send, sleep, spawn, unregister, whereis

start()

a = spawn(lambda: receive("stop"))
b = spawn(lambda: receive("stop"))
name(a, "a")
name(b, "b")
register("svc", a)
ref = monitor("svc")
say("unregister", unregister("svc"))
say("send by the name now", attempt(lambda: send("svc", "hello")))
say("send to {name, node} now", send(("svc", "nonode@nohost"), "hello"))
say("register the name again, for b", register("svc", b))
send(b, "stop")
sleep(100)
say("after b exits", mailbox())
send(a, "stop")
_, _, _, who, reason = receive(("DOWN", ref, "process", ANY, ANY))
say("after a exits: DOWN for", (who, reason))
say("whereis the name now", whereis("svc"))
