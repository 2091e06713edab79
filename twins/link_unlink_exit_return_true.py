"""Scenario: link, unlink and exit(pid, reason) return True, always: linking twice, to
yourself, unlinking what was never linked, unlinking or signalling a dead process.
Twin: link_unlink_exit_return_true.exs (needs actorlab's runtime to return True)."""
from twin import say, start

from actorlab import exit, link, receive, self_pid, sleep, spawn, unlink

start()

waiter = spawn(lambda: receive("never"))
dead = spawn(lambda: "ok")
sleep(100)
say("link", link(waiter))
say("link again", link(waiter))
say("link to yourself", link(self_pid()))
say("unlink", unlink(waiter))
say("unlink again", unlink(waiter))
say("unlink a dead process", unlink(dead))
say("exit(pid, :kill)", exit(waiter, "kill"))
say("exit(dead pid, :kill)", exit(dead, "kill"))
