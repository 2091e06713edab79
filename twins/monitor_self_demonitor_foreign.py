"""Scenario: monitors and refs that are not quite what they seem. A process may monitor
itself: it gets a ref (and no DOWN while it lives). demonitor returns True for a ref that
is not one of this process's monitors, another process's monitor ref or a plain
make_ref(), and does nothing to it: the other process's monitor still fires.
Twin: monitor_self_demonitor_foreign.exs."""
from twin import attempt, heard, say, start

from actorlab import ANY, demonitor, make_ref, monitor, receive, self_pid, send, spawn

start()
shell = self_pid()

me = monitor(self_pid())
say("monitor yourself", me)
say("demonitor it", demonitor(me))

target = spawn(lambda: receive("stop"))


def watch():
    ref = monitor(target)
    send(shell, ("ref", ref))
    down = receive(("DOWN", ref, ANY, ANY, ANY))
    send(shell, ("watcher_got_down", down[4]))


spawn(watch)
foreign = receive(("ref", ANY))[1]
say("demonitor the watcher's monitor", attempt(lambda: demonitor(foreign)))
say("demonitor a plain ref", demonitor(make_ref()))
send(target, "stop")
say("the watcher still gets its DOWN", heard(100))
