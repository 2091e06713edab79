"""Scenario: a supervisor's child is killed while its init runs (faults.kill("slow", at=50)).
Twin: fault_kill_during_init.exs."""
from twin import heard, say, start

from actorlab import GenServer, Supervisor, faults, sleep, trap_exit, whereis

start(faults=[faults.kill("slow", at=50)])
trap_exit(True)


class Slow(GenServer):
    def init(self, arg):
        sleep(100)
        return ("ok", None)


result = Supervisor.start_link(
    [{"id": "Slow", "start": (GenServer.start_link, (Slow, None), {"name": "slow"})}],
    strategy="one_for_one")
say("Supervisor.start_link", result)
say("the shell heard", [("EXIT", m[2]) if m[0] == "EXIT" else m for m in heard(300)])
say("slow", whereis("slow"))
