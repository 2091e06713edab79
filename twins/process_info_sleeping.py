"""Scenario: a process in sleep is waiting (status "waiting") in no receive: process_info
says "sleeping" True (and "waiting_for" None: no receive pattern), and a message sent to
it does not end its sleep but stays in its mailbox. When the sleep ends it goes on (here
into a receive that leaves that message alone), and it is no longer sleeping. Elixir's
Process.info tells the same by its current function, Process.sleep/1.
Twin: process_info_sleeping.exs."""
from twin import name, say, start

from actorlab import process_info, receive, self_pid, send, sleep, spawn

start()
shell = self_pid()


def sleeper_body():
    sleep(300)
    send(shell, "awake")
    receive("stop")


sleeper = spawn(sleeper_body)
name(sleeper, "sleeper")
sleep(100)
say("in sleep: status", process_info(sleeper)["status"])
say("in sleep: sleeping?", process_info(sleeper)["sleeping"])
send(sleeper, "hello")
sleep(100)
say("a message did not end the sleep: sleeping?", process_info(sleeper)["sleeping"])
say("its messages", process_info(sleeper)["messages"])
say("the shell hears", receive())
sleep(100)
say("after the sleep, in a receive: status", process_info(sleeper)["status"])
say("after the sleep: sleeping?", process_info(sleeper)["sleeping"])
say("its messages", process_info(sleeper)["messages"])
send(sleeper, "stop")
