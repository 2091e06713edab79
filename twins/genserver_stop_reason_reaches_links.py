"""Scenario: GenServer.stop(server, reason) and the server's links. The server exits with
the reason asked for, and every linked process hears it: the shell, which trapped exits
and started it with start_link, gets it as an EXIT (its monitor's DOWN says the same).
A linked bystander that does not trap exits ignores only "normal": "shutdown" and
("shutdown", _) kill it like any other reason (they are quiet only in crash reports).
Twin: genserver_stop_reason_reaches_links.exs."""
from twin import mailbox, name, say, start

from actorlab import (ANY, GenServer, ReceiveTimeout, exit, is_alive, link, monitor,
                      receive, self_pid, send, spawn, trap_exit)

start()
trap_exit(True)
shell = self_pid()


class Stopper(GenServer):
    def init(self, state):
        return ("ok", state)

    def handle_call(self, request, from_, state):
        caller, _tag = from_
        link(caller)
        return ("reply", "ok", state)


for reason, written in [("normal", ":normal"), ("shutdown", ":shutdown"),
                        (("shutdown", "done"), "{:shutdown, :done}"), ("custom", ":custom")]:
    _, server = GenServer.start_link(Stopper, None)
    name(server, "server")

    def bystander_body():
        GenServer.call(server, "link_to_me")
        send(shell, "linked")
        receive("never")

    bystander = spawn(bystander_body)
    receive("linked")
    bystander_down = monitor(bystander)
    server_down = monitor(server)
    say(f"stop {written}", GenServer.stop(server, reason))
    say("  the shell's EXIT", receive(("EXIT", server, ANY))[2])
    say("  the DOWN", receive(("DOWN", server_down, ANY, ANY, ANY))[4])
    try:
        down = receive(("DOWN", bystander_down, ANY, ANY, ANY), timeout=200)
        say("  the bystander exited", down[4])
    except ReceiveTimeout:
        say("  the bystander is alive", is_alive(bystander))
        exit(bystander, "kill")
        receive(("DOWN", bystander_down, ANY, ANY, ANY))
say("the shell's mailbox", mailbox())
