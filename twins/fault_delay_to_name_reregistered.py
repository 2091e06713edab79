"""Scenario: a message to a registered name is late (staged: A sends it 300 ms later).
Meanwhile the process holding the name ends and another takes the name. The name is
looked up when the message is sent (on arrival, between nodes), so the new holder gets
it.
Twin: fault_delay_to_name_reregistered.exs."""
from twin import heard, name, say, start

from actorlab import exit, faults, receive, register, self_pid, send, sleep, spawn

start(faults=[faults.delay("late", 300)])
shell = self_pid()


def relay(tag):
    send(shell, (tag, receive()))


first = spawn(relay, "first")
name(first, "first")
register("srv", first)


def a_fn():
    receive("go")
    send(("srv", "nonode@nohost"), "late")


a = spawn(a_fn)
send(a, "go")
sleep(100)
exit(first, "kill")
sleep(10)
second = spawn(relay, "second")
register("srv", second)
say("heard", heard(500))
