"""Scenario: demonitor(ref, info=True) answers whether the monitor was still on: True
while its process lives (no DOWN will come), False once it has fired (the DOWN is in the
mailbox, or was taken). With flush=True too, False, and the DOWN is taken out.
Twin: demonitor_info.exs."""
from twin import heard, mailbox, name, say, start

from actorlab import demonitor, monitor, receive, send, sleep, spawn

start()
worker = spawn(lambda: receive("stop"))
name(worker, "worker")
ref = monitor(worker)
say("alive: demonitor info", demonitor(ref, info=True))
say("alive: demonitor info again", demonitor(ref, info=True))

ref = monitor(worker)
send(worker, "stop")
sleep(100)
say("fired: demonitor info", demonitor(ref, info=True))
say("fired: the mailbox (taken)", heard(100))

other = spawn(lambda: None)
name(other, "other")
ref = monitor(other)
sleep(100)
say("fired: demonitor flush info", demonitor(ref, flush=True, info=True))
say("fired: the mailbox", mailbox())
