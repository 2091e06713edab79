"""Scenario: GenServer.stop reaches a busy server (a cast that sleeps 500 ms) after one
call is queued and before another. The server handles its mailbox in order: the first
call is answered, then the stop runs terminate, and the later call exits with the
server's reason, "bye", wrapped in the call's. (Every callback here returns "hibernate"
as well; that changes none of this.) Twin: genserver_stop_with_queued_calls.exs."""
from twin import attempt, heard, name, say, start

from actorlab import GenServer, register, self_pid, send, sleep, spawn

start()
register("shell", self_pid())
shell = self_pid()


class Busy(GenServer):
    def init(self, count):
        return ("ok", count, "hibernate")

    def handle_cast(self, message, count):
        _sleep, ms = message
        sleep(ms)
        return ("noreply", count, "hibernate")

    def handle_call(self, request, from_, count):
        return ("reply", count, count + 1, "hibernate")

    def terminate(self, reason, count):
        send("shell", ("terminate", reason, count))


def second_caller():
    sleep(100)
    send(shell, ("second", attempt(lambda: GenServer.call(server, "next"))))


_, server = GenServer.start(Busy, 0)
name(server, "server")
GenServer.cast(server, ("sleep", 500))
spawn(lambda: send(shell, ("first", attempt(lambda: GenServer.call(server, "next")))))
sleep(100)
spawn(second_caller)
say("stop", GenServer.stop(server, "bye"))
say("then", sorted(heard(300), key=lambda message: message[0]))
