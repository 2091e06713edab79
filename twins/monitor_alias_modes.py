"""Scenario: monitor(pid, alias=MODE), OTP's alias option, says when the alias ends.
"demonitor" (alias=True, what a GenServer call uses): with the monitor, so a message
sent through it after the DOWN is dropped. "explicit_unalias": only at unalias, so it
outlives the monitor. "reply_demonitor": the first message through the alias ends the
monitor and the alias, so a second message is dropped and no DOWN comes.
Twin: monitor_alias_modes.exs."""
from twin import heard, say, start

from actorlab import ANY, monitor, receive, self_pid, send, spawn, unalias

start()
shell = self_pid()


def send_through(ref, *messages):
    """From another process, send `messages` to the alias `ref`, then tell the shell."""
    def sender():
        for message in messages:
            send(ref, message)
        send(shell, "sent")
    spawn(sender)
    receive("sent")


worker = spawn(lambda: receive("stop"))
ref = monitor(worker, alias="demonitor")
send(worker, "stop")
say("demonitor: DOWN", receive(("DOWN", ref, ANY, ANY, ANY))[4])
send_through(ref, "after_down")
say("demonitor: after the DOWN", heard(100))

worker = spawn(lambda: receive("stop"))
ref = monitor(worker, alias="explicit_unalias")
send(worker, "stop")
say("explicit_unalias: DOWN", receive(("DOWN", ref, ANY, ANY, ANY))[4])
send_through(ref, "after_down")
say("explicit_unalias: after the DOWN", heard(100))
say("explicit_unalias: unalias", unalias(ref))

worker = spawn(lambda: receive("stop"))
ref = monitor(worker, alias="reply_demonitor")
send_through(ref, "reply1", "reply2")
send(worker, "stop")
say("reply_demonitor: the mailbox", heard(100))
