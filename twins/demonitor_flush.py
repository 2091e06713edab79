"""Scenario: what demonitor(ref, flush=True) takes out of the mailbox (as OTP 25). While
the monitor is active, no DOWN can have come, so it takes nothing, not even messages
shaped like one. Once the monitor has fired, it takes ONE message: the oldest shaped
(_, ref, _, _, _), whatever its tag, even when that is not the DOWN.
Twin: demonitor_flush.exs."""
from twin import heard, mailbox, say, start

from actorlab import demonitor, monitor, receive, self_pid, send, sleep, spawn

start()
worker = spawn(lambda: receive("stop"))
ref = monitor(worker)
send(self_pid(), ("DOWN", ref, "process", worker, "fake"))
send(self_pid(), ("other", ref, 1, 2, 3))
say("active: demonitor flush", demonitor(ref, flush=True))
say("active: the mailbox", heard(100))

ref = monitor(worker)
send(self_pid(), ("other", ref, 1, 2, 3))
send(worker, "stop")
sleep(100)
send(self_pid(), ("DOWN", ref, "process", worker, "fake"))
say("fired: the mailbox", mailbox())
say("fired: demonitor flush", demonitor(ref, flush=True))
say("fired: the mailbox", mailbox())
