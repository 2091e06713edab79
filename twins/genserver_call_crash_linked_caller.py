"""Scenario: the shell traps exits and start_links a server. When handle_call raises, the
call exits with the crash wrapped in the call's ("GenServer", "call", ...), terminate
gets the crash, and, through the link, the crash also arrives as an EXIT that stays in
the shell's mailbox. A server that stops itself from handle_cast with ("stop", "normal",
state) sends its linked parent an EXIT with "normal".
Twin: genserver_call_crash_linked_caller.exs."""
from twin import attempt, heard, name, say, start

from actorlab import GenServer, register, self_pid, send, trap_exit

start()
register("shell", self_pid())
trap_exit(True)


class Crashy(GenServer):
    def init(self, state):
        return ("ok", state)

    def handle_call(self, request, from_, state):
        raise RuntimeError("boom")

    def handle_cast(self, message, state):
        return ("stop", "normal", state)

    def terminate(self, reason, state):
        send("shell", ("terminate", reason))


_, server = GenServer.start_link(Crashy, None)
name(server, "server")
say("call", attempt(lambda: GenServer.call(server, "boom")))
say("then the mailbox", heard(100))

_, server = GenServer.start_link(Crashy, None)
name(server, "server")
GenServer.cast(server, "quit")
say("cast :quit, then the mailbox", heard(100))
