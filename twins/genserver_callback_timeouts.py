"""Scenario: a timeout in a callback's return (("reply", reply, state, ms), ("noreply",
state, ms), ("ok", state, ms) from init): if no message arrives within ms, handle_info
gets "timeout". Any message that comes first cancels it, and it is not set again unless
the callback that handles that message asks again. Twin: genserver_callback_timeouts.exs."""
from twin import heard, say, start

from actorlab import GenServer, register, self_pid, send

start()
register("shell", self_pid())


class Idle(GenServer):
    def init(self, arg):
        return ("ok", "started", 100)

    def handle_call(self, request, from_, state):
        if request == "ask_again":
            return ("reply", "ok", "asked", 100)
        return ("reply", "ok", state)

    def handle_cast(self, message, state):
        return ("noreply", "poked", 100)

    def handle_info(self, message, state):
        send("shell", ("timed_out_in_state", state))
        return ("noreply", state)



_, server = GenServer.start(Idle, "ok")
say("after init", heard(300))
GenServer.call(server, "ask_again")
say("after a call that asks again", heard(300))
GenServer.cast(server, "poke")
GenServer.call(server, "no_timeout")
say("a call comes before the cast's timeout", heard(300))
