"""Scenario: GenServer.reply answers a call from anywhere and always returns "ok": from
inside handle_call before it returns ("noreply", state), from another process the server
handed `from` to, or after the caller has given up (the reply is then dropped, and the
caller's mailbox stays empty). Twin: genserver_reply_paths.exs."""
from twin import attempt, mailbox, name, say, start

from actorlab import GenServer, sleep, spawn

start()


def answer_later(from_):
    sleep(300)
    say("GenServer.reply after the caller gave up", GenServer.reply(from_, "too_late"))


class Replier(GenServer):
    def init(self, state):
        return ("ok", state)

    def handle_call(self, request, from_, state):
        if request == "early":
            GenServer.reply(from_, "answered_early")
        elif request == "elsewhere":
            spawn(GenServer.reply, from_, "answered_by_a_helper")
        else:
            spawn(answer_later, from_)
        return ("noreply", state)


_, server = GenServer.start(Replier, None)
name(server, "server")
say("reply inside handle_call", GenServer.call(server, "early"))
say("reply from another process", GenServer.call(server, "elsewhere"))
say("the caller gives up", attempt(lambda: GenServer.call(server, "late", 100)))
sleep(500)
say("the shell's mailbox", mailbox())
