"""Scenario: a process that sends an exit signal to itself with exit(self_pid(), reason).
"kill" ends it with "killed", trapping or not. "normal" ends a process that does not trap
exits (the one case where a "normal" signal kills), but to a process that traps exits it
is just an ("EXIT", self, "normal") message; so is any other reason.
Twin: exit_signal_to_self.exs."""
from twin import say, start

from actorlab import (ANY, OneOf, demonitor, exit, receive, self_pid, send, spawn_monitor,
                      trap_exit)

start()
shell = self_pid()


def signal_myself(trap, reason):
    trap_exit(trap)
    exit(self_pid(), reason)
    send(shell, ("got", receive()))


for trap, reason in [(False, "kill"), (True, "kill"), (False, "normal"), (True, "normal"),
                     (True, "other")]:
    pid, ref = spawn_monitor(signal_myself, trap, reason)
    message = receive(OneOf(("got", ANY), ("DOWN", ref, "process", ANY, ANY)))
    flag = str(trap).lower()
    if message[0] == "got":
        say(f"trapping {flag}, exit(self, {reason}): an EXIT message", message[1][2])
    else:
        say(f"trapping {flag}, exit(self, {reason}): it exits with", message[4])
    demonitor(ref, flush=True)
    exit(pid, "kill")
