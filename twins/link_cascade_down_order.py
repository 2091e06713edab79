"""Scenario: a chain a - b - c of linked processes that do not trap exits; the shell
monitors all three, and a crashes. The DOWNs come in the order of cause and effect: a's,
then b's, then c's (b dies only once it has a's exit signal). And a trapping shell
linked to c gets a's DOWN before c's EXIT.
Twin: link_cascade_down_order.exs."""
from twin import heard, name, say, start

from actorlab import exit, link, monitor, receive, self_pid, send, spawn, spawn_link, trap_exit

start()
me = self_pid()


def chain(start_c):
    """c, started by `start_c` (spawn, or spawn_link to the shell); b linked to c; a linked
    to b, and waiting for "go" to crash."""
    c = start_c(receive, "never")

    def linked_to(peer, then):
        link(peer)
        send(me, "ready")
        then()

    b = spawn(linked_to, c, lambda: receive("never"))
    receive("ready")
    a = spawn(linked_to, b, lambda: (receive("go"), exit("boom")))
    receive("ready")
    name(a, "a")
    name(b, "b")
    name(c, "c")
    return a, b, c


a, b, c = chain(spawn)
for process in (a, b, c):
    monitor(process)
send(a, "go")
say("DOWNs", [(down[3], down[4]) for down in heard(200)])

trap_exit(True)
a, b, c = chain(spawn_link)
monitor(a)
send(a, "go")
say("DOWN of a vs EXIT of c",
    [(m[0], m[3], m[4]) if m[0] == "DOWN" else m for m in heard(200)])
