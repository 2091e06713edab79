"""Scenario: a deferred reply. handle_call returns ("noreply", state) and keeps the
caller's `from_`; the caller waits; a later callback answers with
GenServer.reply(from_, reply). The door answers each "wait" only when it opens, and at
once after that. The guests report to the shell, which takes their reports in a fixed
order. GenServer.reply takes the whole `from_`, (pid, tag): a pid alone is refused.
Twin: deferred_reply.exs."""
from twin import attempt, mailbox, name, say, start

from actorlab import ANY, GenServer, receive, self_pid, send, sleep, spawn

start()
shell = self_pid()


class Door(GenServer):
    def init(self, arg):
        return ("ok", {"open": False, "waiting": []})

    def handle_call(self, request, from_, state):
        if state["open"]:
            return ("reply", "come in", state)
        return ("noreply", {**state, "waiting": state["waiting"] + [from_]})

    def handle_cast(self, message, state):
        for caller in state["waiting"]:
            GenServer.reply(caller, "come in")
        return ("noreply", {"open": True, "waiting": []})


_, door = GenServer.start_link(Door, None)


def guest():
    send(shell, (GenServer.call(door, "wait"), self_pid()))


ann = spawn(guest)
bob = spawn(guest)
name(ann, "ann")
name(bob, "bob")
sleep(100)
say("before the door opens", mailbox())
GenServer.cast(door, "open")
say("ann was told", receive((ANY, ann))[0])
say("bob was told", receive((ANY, bob))[0])
say("after it opened", GenServer.call(door, "wait"))
say("reply given a pid, not from", attempt(lambda: GenServer.reply(self_pid(), "x")))
