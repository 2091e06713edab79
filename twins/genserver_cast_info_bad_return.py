"""Scenario: handle_cast and handle_info are held to their tuples too: a return that is not
("noreply", state) or ("stop", reason, state) ends the server with
("bad_return_value", value), and terminate gets that reason. A cast still returns "ok":
nobody waits for it, so only a monitor or a link hears of the crash.
Twin: genserver_cast_info_bad_return.exs."""
from twin import say, start

from actorlab import ANY, GenServer, monitor, receive, register, self_pid, send

start()
register("shell", self_pid())


class Careless(GenServer):
    def init(self, state):
        return ("ok", state)

    def handle_cast(self, message, state):
        return ("reply", "done", state)     # a reply to a cast: nobody to reply to

    def handle_info(self, message, state):
        return state                        # the state alone, without ("noreply", ...)

    def terminate(self, reason, state):
        send("shell", ("terminate", reason))


_, caster = GenServer.start(Careless, "quiet")
ref = monitor(caster)
say("the cast", GenServer.cast(caster, "work"))
say("terminate got", receive(("terminate", ANY))[1])
say("the DOWN says", receive(("DOWN", ref, "process", ANY, ANY))[4])

_, ticker = GenServer.start(Careless, "quiet")
ref = monitor(ticker)
send(ticker, "tick")
say("terminate got", receive(("terminate", ANY))[1])
say("the DOWN says", receive(("DOWN", ref, "process", ANY, ANY))[4])
