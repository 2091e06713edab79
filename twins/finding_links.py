"""Scenario: a link is two-way; an abnormal exit kills the linked process with the same
reason, a normal exit does not; a process that traps exits gets ("EXIT", pid, reason)
messages instead of dying. Twin: finding_links.exs."""
from twin import name, say, start

from actorlab import (ANY, GenServer, link, monitor, receive, self_pid, send, sleep, spawn,
                      spawn_link, spawn_monitor, trap_exit)

start()


class Room(GenServer):
    def init(self, topic):
        return ("ok", [])

    def handle_cast(self, message, people):
        _, who = message
        return ("noreply", people + [who])

    def handle_call(self, request, from_, people):
        return ("reply", people, people)


def kitchen_on_fire():
    raise RuntimeError("fire in the kitchen")


def host(shell, trap):
    trap_exit(trap)
    spawn_link(kitchen_on_fire)
    send(shell, ("host_got", receive()))


shell = self_pid()

_, room = GenServer.start(Room)
name(room, "room")


def linker():
    link(room)
    receive("crash")
    raise RuntimeError("the host gave up")


linker_pid, linker_ref = spawn_monitor(linker)
room_ref = monitor(room)
send(linker_pid, "crash")

say("the host ended", receive(("DOWN", linker_ref, "process", ANY, ANY))[4])
say("the room linked to it ended", receive(("DOWN", room_ref, "process", ANY, ANY))[4])

_, host_ref = spawn_monitor(host, shell, False)
say("a host not trapping exits", receive(("DOWN", host_ref, "process", ANY, ANY))[4])

spawn(host, shell, True)
_, message = receive(("host_got", ("EXIT", ANY, ANY)))
name(message[1], "kitchen")
say("a host trapping exits got", message)


def calm_host():
    trap_exit(False)
    spawn_link(lambda: "done")
    receive("are_you_there")
    send(shell, "still_there")


calm, calm_ref = spawn_monitor(calm_host)
sleep(100)
send(calm, "are_you_there")
say("after its linked child ended normally, the host says", receive("still_there"))
say("and then ended", receive(("DOWN", calm_ref, "process", ANY, ANY))[4])
