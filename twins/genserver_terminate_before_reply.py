"""Scenario: terminate runs before anyone hears that the server has stopped. A server whose
handle_call returns ("stop", reason, reply, state) runs terminate first, then replies:
terminate's message to the shell is already in the shell's mailbox when the reply comes.
GenServer.start leaves the shell no monitor of its own, so the only DOWN is the one it
asks for. A caller whose request the server kept for later ("noreply", ...) gets no
reply when the server is stopped: GenServer.stop returns "ok" once terminate has run, and
the waiting call exits with the stop's reason, "normal" too, wrapped in the call's.
Twin: genserver_terminate_before_reply.exs."""
from twin import attempt, name, say, start

from actorlab import ANY, GenServer, monitor, process_info, receive, self_pid, send, sleep, spawn

start()
shell = self_pid()


class Door(GenServer):
    def init(self, shell):
        return ("ok", (shell, []))

    def handle_call(self, request, from_, state):
        if request == "close":
            return ("stop", ("shutdown", "closing"), "closed", state)
        shell, waiting = state
        return ("noreply", (shell, [from_, *waiting]))

    def terminate(self, reason, state):
        shell, waiting = state
        send(shell, ("terminate", reason, len(waiting)))


_, door = GenServer.start(Door, shell)
name(door, "door")
say("the shell's monitors after start", process_info(shell)["monitors"])
ref = monitor(door)
say("call :close", GenServer.call(door, "close"))
say("already in the mailbox", receive(("terminate", ANY, ANY), timeout=0))
say("the DOWN says", receive(("DOWN", ref, "process", ANY, ANY))[4])

_, door = GenServer.start(Door, shell)
name(door, "door")
spawn(lambda: send(shell, ("ann", attempt(lambda: GenServer.call(door, "wait")))))
sleep(100)
say("stop while ann waits", GenServer.stop(door))
say("already in the mailbox", receive(("terminate", ANY, ANY), timeout=0))
say("ann's call", receive(("ann", ANY))[1])
