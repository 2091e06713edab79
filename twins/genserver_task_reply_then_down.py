"""Scenario: what a server that hands a call's work to a Task (Task.async_ in handle_call,
the reply deferred) gets in handle_info. First the task's result, (ref, result), where
ref is task.ref; then, as the task ends, its monitor's ("DOWN", ref, "process", pid,
"normal"). A handle_info that calls demonitor(ref, flush=True) on the result gets
no DOWN. The server forwards what handle_info gets to the shell, which prints it after
the caller has its deferred reply. Twin: genserver_task_reply_then_down.exs."""
from twin import heard, name, say, start

from actorlab import GenServer, Task, demonitor, register, self_pid, send

start()
register("shell", self_pid())


def triple(amount):
    return amount * 3


class Converter(GenServer):
    def init(self, flush):
        return ("ok", (flush, {}))

    def handle_call(self, request, from_, state):
        flush, waiting = state
        task = Task.async_(triple, request[1])
        name(task.pid, "task")
        return ("noreply", (flush, {**waiting, task.ref: from_}))

    def handle_info(self, message, state):
        flush, waiting = state
        send("shell", ("handle_info_got", message))
        if len(message) == 2 and message[0] in waiting:
            ref, result = message
            if flush:
                demonitor(ref, flush=True)
            GenServer.reply(waiting[ref], result)
            return ("noreply", (flush, {r: f for r, f in waiting.items() if r != ref}))
        return ("noreply", state)


for flush in [False, True]:
    _, server = GenServer.start(Converter, flush)
    name(server, "server")
    written = "true" if flush else "false"
    say(f"flush {written}: the call", GenServer.call(server, ("convert", 5)))
    say(f"flush {written}: handle_info got", heard(100))
