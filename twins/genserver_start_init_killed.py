"""Scenario: an init that never acks, because an exit signal ends it: it kills itself,
signals itself "boom", or another process kills it. GenServer.start (OTP's
proc_lib:start) spawns the server with a monitor, so the start answers ("error", reason)
from the DOWN: "killed" for a kill, the signal's reason otherwise; no monitor or message
is left behind. start_link (proc_lib:start_link) has no monitor: a caller that traps
exits gets the server's EXIT, which the start takes from its mailbox; a caller that
does not trap exits dies with the server, of the link.
Twin: genserver_start_init_killed.exs."""
from twin import heard, mailbox, name, say, start

from actorlab import (ANY, GenServer, exit, process_info, receive, self_pid, send, sleep, spawn,
                      spawn_monitor, trap_exit)

start()
shell = self_pid()


class Doomed(GenServer):
    def init(self, arg):
        if arg == "kill_self":
            exit(self_pid(), "kill")
        if arg == "signal_self":
            exit(self_pid(), "boom")
        _, killer = arg
        send(killer, ("kill_me", self_pid()))
        sleep(1000)
        return ("ok", None)


def killer():
    _, server = receive(("kill_me", ANY))
    exit(server, "kill")


say("start, init kills itself", GenServer.start(Doomed, "kill_self"))
say("start, init signals itself :boom", GenServer.start(Doomed, "signal_self"))
say("start, init killed by another", GenServer.start(Doomed, ("killed_by", spawn(killer))))
say("mailbox", mailbox())
say("monitors", process_info(shell)["monitors"])

trap_exit(True)
say("start_link, trapping, init killed by another",
    GenServer.start_link(Doomed, ("killed_by", spawn(killer))))
say("mailbox", heard(100))
trap_exit(False)

starter, _ = spawn_monitor(lambda: GenServer.start_link(Doomed, "signal_self"))
name(starter, "starter")
reason = receive(("DOWN", ANY, "process", starter, ANY))[4]
say("start_link, not trapping, init signals itself :boom: the caller ends", reason)

spawn(lambda: send(shell, ("from_starter", GenServer.start(Doomed, "kill_self"))))
say("start from another process", receive(("from_starter", ANY))[1])
