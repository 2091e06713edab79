"""Scenario: what the runtime says about a process right after the shell sent it an exit
signal. Signals from one process arrive in order, so after exit(pid, "kill") the next
query already sees it dead: is_alive is False, process_info is None, and its registered
name is free. A "normal" signal to a process that does not trap exits changes nothing;
"shutdown" kills it. spawn_monitor gives (pid, ref); sending to a dead pid returns the
message, as always. Twin: process_queries_after_exit_signal.exs."""
from twin import name, say, start

from actorlab import (ANY, exit, is_alive, process_info, receive, register, send, spawn,
                      spawn_monitor, whereis)

start()

a = spawn(lambda: receive("never"))
register("a", a)
exit(a, "kill")
say("alive? right after exit(pid, :kill)", is_alive(a))
say("its info", process_info(a))
say("whereis its name", whereis("a"))

b = spawn(lambda: receive("never"))
exit(b, "normal")
say("alive? after exit(pid, :normal)", is_alive(b))
exit(b, "shutdown")
say("alive? right after exit(pid, :shutdown)", is_alive(b))

c, ref = spawn_monitor(lambda: exit("bye"))
name(c, "c")
say("spawn_monitor returns", (c, ref))
say("its DOWN", receive(("DOWN", ref, "process", ANY, ANY))[4])
say("send to it", send(c, "late"))
