"""Scenario: the restart intensity counts only the restarts within the last max_seconds.
With max_restarts=1 and max_seconds=1, two crashes 2.5 s apart are each within the limit
(OTP counts in whole seconds, so crashes are kept well over a second apart); two crashes
in a row are one too many: the supervisor stops its other children (newest first; they
trap exits, so terminate runs with "shutdown") and exits with "shutdown", which the
shell, linked and trapping exits, gets as an EXIT.
Twin: supervisor_intensity_window.exs."""
from twin import heard, name, say, start

from actorlab import (GenServer, Supervisor, exit, is_alive, register, self_pid, send, sleep,
                      trap_exit)

start()
register("shell", self_pid())
trap_exit(True)


class Worker(GenServer):
    def init(self, id):
        trap_exit(True)
        return ("ok", id)

    def terminate(self, reason, id):
        send("shell", ("stop", id, reason))


def spec(id):
    return {"id": id, "start": (GenServer.start_link, (Worker, id))}


_, sup = Supervisor.start_link([spec("a"), spec("b"), spec("c")], max_restarts=1, max_seconds=1)
name(sup, "sup")


def pid_of(id):
    return next(pid for i, pid, _, _ in Supervisor.which_children(sup) if i == id)


exit(pid_of("b"), "kill")
sleep(2500)
exit(pid_of("b"), "kill")
say("two crashes 2.5 s apart, the supervisor is alive", is_alive(sup))
say("the shell heard", heard())
exit(pid_of("b"), "kill")
say("one more crash at once, the shell heard", heard())
say("the supervisor is alive", is_alive(sup))
