"""Scenario: the watched process itself sends through its watcher's monitor alias, late
(staged: at once, since it exits right after and nothing overtakes its message), then
exits with "bye". The message comes before the DOWN in every mode; "reply_demonitor"'s
message ends the monitor, so no DOWN comes. (Here the late message is a faults.delay.)
Twin: fault_delay_watched_replies_then_exits.exs."""
from twin import heard, say, start

from actorlab import Ref, exit, faults, monitor, receive, send, spawn

start(faults=[faults.delay(("reply", Ref), 300)])


def worker_fn():
    _, ref = receive(("reply_to", Ref))
    send(ref, ("reply", ref))
    exit("bye")


for mode in ["demonitor", "explicit_unalias", "reply_demonitor"]:
    worker = spawn(worker_fn)
    ref = monitor(worker, alias=mode)
    send(worker, ("reply_to", ref))
    got = [("DOWN", m[4]) if m[0] == "DOWN" else m for m in heard(500)]
    say(f"{mode}: heard", got)
