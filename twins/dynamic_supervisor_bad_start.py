"""Scenario: DynamicSupervisor.start_link with bad options does not raise: like a
Supervisor, it starts, finds the mistake, and exits with ("supervisor_data", reason):
start_link answers ("error", ...), and the caller, trapping exits, gets the EXIT. Its only
strategy is "one_for_one". Twin: dynamic_supervisor_bad_start.exs."""
from twin import say, start

from actorlab import ANY, DynamicSupervisor, receive, trap_exit

start()
trap_exit(True)

for what, options in [
    ("strategy :one_for_all", {"strategy": "one_for_all"}),
    ("max_restarts -1", {"max_restarts": -1}),
    ("max_seconds 0", {"max_seconds": 0}),
    ("max_children -1", {"max_children": -1}),
]:
    say(what, DynamicSupervisor.start_link(**options))
    say("then an EXIT", receive(("EXIT", ANY, ANY))[2])
