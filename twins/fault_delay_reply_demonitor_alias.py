"""Scenario: a message through a "reply_demonitor" monitor alias is late (staged: sent 300
ms later). Part 1: the watched worker lives: the late reply arrives, and it ends the
monitor (no DOWN when the worker stops). Part 2: the worker dies at 100 ms, before the
late reply arrives: the DOWN comes, the alias ends with it, the reply is dropped. (Here
the late message is a faults.delay.)
Twin: fault_delay_reply_demonitor_alias.exs."""
from twin import heard, say, start

from actorlab import Ref, faults, monitor, receive, send, sleep, spawn

start(faults=[faults.delay((Ref, "reply"), 300)])

worker = spawn(lambda: receive("stop"))
ref = monitor(worker, alias="reply_demonitor")


def sender_fn(ref):
    def run():
        receive("go")
        send(ref, (ref, "reply"))
    return run


sender = spawn(sender_fn(ref))
send(sender, "go")
say("part 1: heard", heard(500))
send(worker, "stop")
say("part 1: after the worker stops", heard(100))

worker = spawn(lambda: receive("stop"))
ref = monitor(worker, alias="reply_demonitor")
sender = spawn(sender_fn(ref))
send(sender, "go")
sleep(100)
send(worker, "stop")
say("part 2: heard", heard(500))
