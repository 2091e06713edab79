"""Scenario: a call, a stop or an await that fails exits with {why, {Module, :function,
arguments}}, and the arguments are the ones it was given: the server as it was named (a
plain name, or a via-name nobody holds, which is "noproc" like a dead pid) and the
timeout as it was passed, :infinity included (timeout=None in actorlab; GenServer.stop
waits :infinity by default, GenServer.call 5000 ms). Twin: exit_reason_call_arguments.exs."""
from twin import attempt, name, say, start

from actorlab import GenServer, Registry, Task, trap_exit

start()


class Crashy(GenServer):
    def init(self, arg):
        return ("ok", None)

    def handle_call(self, request, from_, state):
        raise RuntimeError("bad request")


def task_bug():
    raise RuntimeError("task bug")


Registry.start_link(keys="unique", name="Rooms")
nobody = ("via", Registry, ("Rooms", "#none"))
say("call a name nobody has, :infinity", attempt(lambda: GenServer.call("ledger", "report", timeout=None)))
_, server = GenServer.start(Crashy, "ok")
name(server, "server")
say("call a server that crashes, :infinity", attempt(lambda: GenServer.call(server, "crash", timeout=None)))
say("call a via-name nobody holds", attempt(lambda: GenServer.call(nobody, "members")))
say("stop a via-name nobody holds", attempt(lambda: GenServer.stop(nobody)))
trap_exit(True)
task = Task.async_(task_bug)
say("await a task that crashes, :infinity", attempt(lambda: Task.await_(task, None)))
