"""Scenario: GenServer.call to plain processes, not GenServers. One takes the "$gen_call"
and never answers: the call exits with "timeout". One answers with a tag of its own and
exits: its answer is not a reply, so the call ends with the process's exit ("normal", from
the call's monitor), and the stray answer stays in the caller's mailbox. One answers to the
caller's pid with the right tag, but after the call gave up: that late answer lands in the
mailbox too. Only a reply sent to the call's alias, as GenServer.reply does, is dropped
once the call has given up (and reply still returns "ok").
Twin: genserver_call_plain_process.exs."""
from twin import attempt, heard, mailbox, name, say, start

from actorlab import ANY, GenServer, receive, self_pid, send, sleep, spawn

start()
shell = self_pid()


def silent_body():
    receive()
    sleep(1000)


silent = spawn(silent_body)
name(silent, "silent")
say("call a silent process", attempt(lambda: GenServer.call(silent, "hi", 100)))
say("mailbox", mailbox())


def wrong_body():
    _, (pid, _tag), _ = receive(("$gen_call", ANY, ANY))
    send(pid, ("wrong_tag", "answer"))


wrong = spawn(wrong_body)
name(wrong, "wrong")
say("call one that answers with a wrong tag", attempt(lambda: GenServer.call(wrong, "hi", 100)))
say("mailbox", heard())


def late_body():
    _, (pid, tag), _ = receive(("$gen_call", ANY, ANY))
    sleep(300)
    send(pid, (tag, "late_answer"))


late = spawn(late_body)
name(late, "late")
say("call one that answers late, to the pid", attempt(lambda: GenServer.call(late, "hi", 100)))
sleep(500)
say("what came", [answer for _tag, answer in heard()])


def proper_body():
    _, from_, _ = receive(("$gen_call", ANY, ANY))
    sleep(300)
    send(shell, ("reply_returned", GenServer.reply(from_, "late_answer")))


proper = spawn(proper_body)
name(proper, "proper")
say("call one that answers late with GenServer.reply", attempt(lambda: GenServer.call(proper, "hi", 100)))
sleep(500)
say("what came", heard())
