"""Scenario: a link and the signals along it. A linked process that sends an exit signal
with exit(pid, reason) does not undo the link: the trapping target gets that signal as
an EXIT message and, when the sender exits later, a second EXIT. Unlinking after an EXIT
has arrived leaves that message in the mailbox; unlinking before the partner crashes
means nothing arrives. Twin: exit_signal_keeps_link.exs."""
from twin import heard, name, say, start

from actorlab import (ANY, ReceiveTimeout, exit, link, receive, self_pid, send, spawn,
                      spawn_link, trap_exit, unlink)

start()
shell = self_pid()


def target_body():
    trap_exit(True)
    send(shell, "ready")
    for _ in range(2):
        send(shell, ("target_got", receive()))


target = spawn(target_body)
receive("ready")


def sender_body():
    link(target)
    exit(target, "custom")
    receive("go")
    exit("later")


sender = spawn(sender_body)
name(sender, "sender")
say("the target got", receive(("target_got", ANY))[1])
send(sender, "go")
say("then the target got", receive(("target_got", ANY))[1])


def crash_when_told():
    receive("go")
    exit("boom")


trap_exit(True)
crashed = spawn_link(crash_when_told)
name(crashed, "crashed")
send(crashed, "go")
try:
    receive("nothing", timeout=100)
except ReceiveTimeout:
    pass
say("unlink after it crashed", unlink(crashed))
say("the mailbox keeps", heard(100))

unlinked = spawn_link(crash_when_told)
say("unlink before it crashes", unlink(unlinked))
send(unlinked, "go")
say("after it crashed, the mailbox", heard(100))
