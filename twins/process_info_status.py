"""Scenario: what process_info tells about a process: its status ("waiting" when it is
blocked in a receive or a sleep, "running" for the caller itself), the messages it has not
taken (a selective receive leaves them), its registered name ([] for none: actorlab's key
is "name", None for none), whether it traps exits, its links. Inside a GenServer's
terminate the process is still alive and running; by the time its monitor's DOWN comes, it
is gone (process_info: None). Twin: process_info_status.exs."""
from twin import say, start

from actorlab import (ANY, GenServer, exit, is_alive, link, monitor, process_info, receive,
                      register, self_pid, send, sleep, spawn, unlink)

start()


def worker():
    receive("go")
    receive("stop")


w = spawn(worker)
s = spawn(lambda: sleep(5000))
sleep(100)
send(w, "one")
send(w, "two")
sleep(100)


def info(pid, key):
    if key == "registered_name":
        return process_info(pid)["name"] or []
    return process_info(pid)[key]


say("a process in receive: status", info(w, "status"))
say("a process in sleep: status", info(s, "status"))
say("the caller: status", info(self_pid(), "status"))
say("its messages", info(w, "messages"))
say("its registered_name, none", info(w, "registered_name"))
register("worker", w)
say("its registered_name", info(w, "registered_name"))
say("its trap_exit", info(w, "trap_exit"))
link(w)
say("its links are the shell", info(w, "links") == [self_pid()])
send(w, "go")
sleep(100)
say("after :go, its messages", info(w, "messages"))
unlink(w)
exit(w, "kill")
exit(s, "kill")


class Quitter(GenServer):
    def init(self, shell):
        return ("ok", shell)

    def terminate(self, reason, shell):
        send(shell, ("terminate", reason, is_alive(self_pid()), process_info(self_pid())["status"]))


_, g = GenServer.start(Quitter, self_pid())
ref = monitor(g)
GenServer.stop(g, "bye")
_, reason, alive, status = receive(("terminate", ANY, ANY, ANY))
say("in terminate: reason, alive?, status", (reason, alive, status))
_, _, _, _, reason = receive(("DOWN", ref, "process", ANY, ANY))
say("at the DOWN: reason, alive?, info", (reason, is_alive(g), process_info(g)))
