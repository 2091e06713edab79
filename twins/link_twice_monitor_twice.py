"""Scenario: links are not counted, monitors are. Linking twice and unlinking once leaves
no link: the shell, trapping exits, gets no EXIT when the worker ends. Each monitor is its
own: three monitors give three refs, and after demonitoring the second, the other two each
give a DOWN. A send_after to a name is not tied to the process holding the name when it is
set: that process exiting does not cancel the timer, and the message goes to whoever holds
the name when it fires. Twin: link_twice_monitor_twice.exs."""
from twin import heard, name, say, start

from actorlab import (demonitor, exit, link, monitor, read_timer, receive, register, self_pid,
                      send, send_after, sleep, spawn, trap_exit, unlink)

start()
trap_exit(True)
shell = self_pid()


def worker():
    receive("stop")
    exit("bye")


w = spawn(worker)
name(w, "w")
say("link", link(w))
say("link again", link(w))
say("unlink once", unlink(w))
r1, r2, r3 = monitor(w), monitor(w), monitor(w)
say("three monitors, three refs", len({r1, r2, r3}))
demonitor(r2)
send(w, "stop")
refs = [r1, r2, r3]
came = [("DOWN", refs.index(m[1]) + 1, m[3], m[4]) if m[0] == "DOWN" else m for m in heard(200)]
say("what came (the monitor's number)", came)

a = spawn(lambda: send(shell, ("a_got", receive())))
b = spawn(lambda: send(shell, ("b_got", receive())))
register("svc", a)
t = send_after("svc", "hello", 300)
sleep(100)
exit(a, "kill")
sleep(100)
say("the name's holder killed: read_timer", type(read_timer(t)) is int)
register("svc", b)
say("then", heard(400))
