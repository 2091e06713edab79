"""Scenario: a server that does slow work inside handle_call answers nobody else meanwhile:
a quick "ping" times out. A server that hands the work to a Task and replies later
(a deferred reply) answers the ping at once, and the slow call still gets its answer.
Twin: interleaving_task_deferred.exs."""
from twin import attempt, mailbox, name, say, start

from actorlab import ANY, GenServer, Task, demonitor, receive, self_pid, send, sleep, spawn

start()


class Blocking(GenServer):
    def init(self, arg):
        return ("ok", None)

    def handle_call(self, request, from_, state):
        if request == "slow":
            sleep(500)
            return ("reply", "done", state)
        return ("reply", "pong", state)


def slow_job():
    sleep(500)
    return "done"


class Deferred(GenServer):
    def init(self, arg):
        return ("ok", {})

    def handle_call(self, request, from_, waiting):
        if request == "slow":
            task = Task.async_(slow_job)
            return ("noreply", {**waiting, task.ref: from_})
        return ("reply", "pong", waiting)

    def handle_info(self, message, waiting):
        ref, result = message
        demonitor(ref, flush=True)
        GenServer.reply(waiting[ref], result)
        return ("noreply", {r: f for r, f in waiting.items() if r != ref})


shell = self_pid()


def slow_caller(server):
    send(shell, ("slow", GenServer.call(server, "slow")))


for module, label in [(Blocking, "blocking"), (Deferred, "deferred")]:
    _, server = GenServer.start(module, "ok")
    name(server, label)
    spawn(slow_caller, server)
    sleep(100)
    say(f"{label}: a ping while the slow call works",
        attempt(lambda: GenServer.call(server, "ping", 200)))
    _, answer = receive(("slow", ANY))
    say(f"{label}: the slow call", answer)
    say(f"{label}: messages left in the shell's mailbox", mailbox())
