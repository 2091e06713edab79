"""Scenario: handle_continue can chain. init sends itself a message, then returns
("ok", state, ("continue", "a")); "a" returns ("continue", "b"); "b" returns a 100 ms
timeout. Both continues run before the message init sent, which is handled next; since that
message arrived, the timeout was never reached, and handling it asks for 100 ms again. The
"timeout" that then comes leads to a last continue, "c".
Twin: genserver_continue_chain.exs."""
from twin import say, start

from actorlab import ANY, GenServer, receive, register, self_pid, send

start()
register("shell", self_pid())


class Chain(GenServer):
    def init(self, arg):
        send(self_pid(), "from_init")
        return ("ok", ["init"], ("continue", "a"))

    def handle_continue(self, step, steps):
        if step == "a":
            return ("noreply", steps + ["a"], ("continue", "b"))
        if step == "b":
            return ("noreply", steps + ["b"], 100)
        return ("noreply", steps + ["c"])

    def handle_info(self, message, steps):
        if message == "timeout":
            send("shell", ("steps", steps + ["timeout"]))
            return ("noreply", steps + ["timeout"], ("continue", "c"))
        return ("noreply", steps + [message], 100)

    def handle_call(self, request, from_, steps):
        return ("reply", steps, steps)


_, server = GenServer.start(Chain, "ok")
say("steps at the timeout", receive(("steps", ANY))[1])
say("steps after", GenServer.call(server, "steps"))
