"""Scenario: the callbacks GenServer gives you. Without handle_call, a call crashes the
server with a RuntimeError that says so (and the caller's call exits with it); without
handle_cast, a cast does the same; without handle_info, a stray message is logged and
dropped, and the server carries on. Messages are compared with the pid written as
#PID<…>. Twin: genserver_default_callbacks.exs."""
import re

from twin import attempt, name, say, start

from actorlab import ANY, GenServer, is_alive, monitor, receive, send, sleep

start()


class Bare(GenServer):
    def init(self, state):
        return ("ok", state)


def without_pid(text):
    return re.sub(r"#PID<[0-9.]+>", "#PID<…>", text)


_, server = GenServer.start(Bare, None)
name(server, "server")
_, (error, where) = attempt(lambda: GenServer.call(server, "hello"))
say("a call exits with", type(error))
say("saying", without_pid(str(error)))
say("wrapped in", where)

_, server = GenServer.start(Bare, None)
ref = monitor(server)
GenServer.cast(server, "hello")
error = receive(("DOWN", ref, "process", ANY, ANY))[4]
say("a cast: the server exits with", without_pid(str(error)))

_, server = GenServer.start(Bare, None)
send(server, "hello")
sleep(100)
say("a stray message: the server is alive", is_alive(server))
