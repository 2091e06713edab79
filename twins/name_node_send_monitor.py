"""Scenario: the runtime's send and monitor accept (name, node) for a registered name on
this node ("nonode@nohost" when the node is not part of a cluster). A monitor made that
way names the process as (name, node) in its DOWN. Unlike send to a bare name nobody
has, which raises, send to (name, node) for a name nobody has is silently dropped.
A monitor of such a name gives a DOWN with "noproc" at once.
Twin: name_node_send_monitor.exs (needs actorlab's runtime to accept (name, node))."""
from twin import attempt, say, start

from actorlab import ANY, monitor, receive, register, self_pid, send, spawn

start()
shell = self_pid()

echo = spawn(lambda: send(shell, ("echo", receive())))
register("echo", echo)
here = ("echo", "nonode@nohost")
ref = monitor(here)
say("send returns", send(here, "hello"))
say("the echo got", receive(("echo", ANY))[1])
say("the DOWN names", receive(("DOWN", ref, "process", ANY, ANY))[3:])

say("send to a bare name nobody has", attempt(lambda: send("nobody", "hello")))
say("send to {name, node} nobody has", attempt(lambda: send(("nobody", "nonode@nohost"), "hello")))
ref = monitor(("nobody", "nonode@nohost"))
say("monitor {name, node} nobody has", receive(("DOWN", ref, "process", ANY, ANY))[3:])
