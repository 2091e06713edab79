"""Scenario: a deadlock puzzle of the capstone. To stay responsive, a server hands a job
to a Task and awaits it (1 s at most); but the task calls the server, which is busy
awaiting the task. After 1 s the await times out, the server crashes (taking the
linked task with it), and the shell's call exits. Twin: capstone_puzzle_task_calls_back.exs."""
from twin import attempt, name, say, start

from actorlab import GenServer, Task, is_alive

start()


def count_words():
    return sum(len(line.split()) for line in GenServer.call("notes", "lines"))


class Notes(GenServer):
    def init(self, lines):
        return ("ok", lines)

    def handle_call(self, request, from_, lines):
        if request == "lines":
            return ("reply", lines, lines)
        task = Task.async_(count_words)
        return ("reply", Task.await_(task, 1000), lines)


_, notes = GenServer.start(Notes, ["hello there", "general chat"], name="notes")
name(notes, "notes")
_, ((why, (module, function, _args)), call) = \
    attempt(lambda: GenServer.call("notes", "word_count"))
say("the shell's call exits; the server died of", (why, (module, function)))
say("while the shell was in", call)
say("the server is alive", is_alive(notes))
