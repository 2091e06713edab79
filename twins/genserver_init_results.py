"""Scenario: what GenServer.start answers for each thing init can do: ("ok", pid) for
("ok", state); "ignore" for "ignore"; ("error", reason) for ("stop", reason), for an exit,
for a raise (the exception), and ("error", ("bad_return_value", value)) for anything else.
terminate is not called when init fails. With start_link and a caller that traps exits,
the answer is the same, and the server's exit ("normal" for "ignore") arrives as an
("EXIT", pid, reason) message afterwards. Twin: genserver_init_results.exs."""
from twin import mailbox, say, start

from actorlab import ANY, GenServer, exit, receive, register, self_pid, send, trap_exit

start()
register("shell", self_pid())


class Starter(GenServer):
    def init(self, what):
        if what == "ok":
            return ("ok", None)
        if what == "exit":
            exit("bye")
        if what == "raise":
            raise RuntimeError("boom")
        return {"ignore": "ignore", "stop": ("stop", "no_way"), "bad": "what"}[what]

    def terminate(self, reason, state):
        send("shell", ("terminate", reason))


cases = ["ignore", "stop", "exit", "raise", "bad"]

for what in cases:
    say(f"start, init {what}", GenServer.start(Starter, what))

say("the shell's mailbox", mailbox())
trap_exit(True)

for what in cases:
    say(f"start_link, init {what}", GenServer.start_link(Starter, what))
    say("then an EXIT", receive(("EXIT", ANY, ANY))[2])

say("the shell's mailbox", mailbox())
