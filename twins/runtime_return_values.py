"""Scenario: what the runtime's functions return when there is nothing much to say:
register and unregister return True, sleep returns "ok", demonitor returns True (for a
monitor that has fired too), and trap_exit(flag) returns the flag it replaces.
Twin: runtime_return_values.exs (needs actorlab's runtime to return these; today
register, unregister and sleep return None)."""
from twin import say, start

from actorlab import (ANY, demonitor, monitor, receive, register, send, sleep, spawn, trap_exit,
                      unregister)

start()

worker = spawn(lambda: receive("stop"))
say("register", register("worker", worker))
say("unregister", unregister("worker"))
say("sleep", sleep(10))
ref = monitor(worker)
say("demonitor", demonitor(ref))
ref = monitor(worker)
send(worker, "stop")
receive(("DOWN", ref, "process", ANY, ANY))
say("demonitor a monitor that has fired", demonitor(ref))
say("trap_exit true", trap_exit(True))
say("trap_exit false", trap_exit(False))
