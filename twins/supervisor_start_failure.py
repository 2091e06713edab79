"""Scenario: a supervisor whose third child fails to start. It stops the children it had
started, newest first (they trap exits, so their terminate runs with "shutdown"), starts
none of the rest, and exits: start_link answers
("error", ("shutdown", ("failed_to_start_child", id, reason))), and the caller, trapping
exits, gets the same reason in an EXIT. Twin: supervisor_start_failure.exs."""
from twin import heard, say, start

from actorlab import GenServer, Supervisor, register, self_pid, send, trap_exit

start()
register("shell", self_pid())


class Worker(GenServer):
    def init(self, name):
        if name == "refuse":
            return ("stop", "no_way")
        trap_exit(True)
        send("shell", ("started", name))
        return ("ok", name)

    def terminate(self, reason, name):
        send("shell", ("terminate", name, reason))



def spec(child_id, arg):
    return {"id": child_id, "start": (GenServer.start_link, (Worker, arg))}


trap_exit(True)
children = [spec("a", "a"), spec("b", "b"), spec("c", "refuse"), spec("d", "d")]
say("start_link", Supervisor.start_link(children))
say("the shell heard", heard())
