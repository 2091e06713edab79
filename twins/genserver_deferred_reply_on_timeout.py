"""Scenario: deferred replies answered by a callback timeout. handle_call keeps each
caller's `from_` and returns ("noreply", froms, 500); when the 500 ms pass with no
message, handle_info("timeout", ...) answers every caller kept. A second call arriving
while the first waits cancels that timeout, and its handle_call asks for 500 ms again,
so both callers are answered together, oldest first, when that one runs out.
Twin: genserver_deferred_reply_on_timeout.exs."""
from twin import say, start

from actorlab import GenServer, Task, sleep

start()


class Later(GenServer):
    def init(self, _):
        return ("ok", [])

    def handle_call(self, request, from_, froms):
        return ("noreply", [from_] + froms, 500)

    def handle_info(self, message, froms):
        for i, from_ in enumerate(reversed(froms)):
            GenServer.reply(from_, ("answer", i))
        return ("noreply", [])


_, server = GenServer.start(Later, None)
say("one call", GenServer.call(server, "later"))
task = Task.async_(lambda: GenServer.call(server, "later"))
sleep(100)
say("a call while the task's waits", GenServer.call(server, "later"))
say("the task's call", Task.await_(task))
