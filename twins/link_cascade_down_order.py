"""Scenario: a chain a - b - c of linked processes that do not trap exits; the shell
monitors all three, and a crashes. The DOWNs come in the order of cause and effect: a's,
then b's, then c's (b dies only once it has a's exit signal). And a trapping shell
linked to c gets a's DOWN before c's EXIT.
Twin: link_cascade_down_order.exs."""
from twin import heard, name, say, start

from actorlab import exit, link, monitor, receive, register, self_pid, send, spawn, spawn_link, trap_exit

start()
register("shell", self_pid())
me = self_pid()


def chain():
    c = spawn(lambda: receive("never"))

    def b_fn():
        link(c)
        send(me, "b_ready")
        receive("never")
    b = spawn(b_fn)
    receive("b_ready")

    def a_fn():
        link(b)
        send(me, "a_ready")
        receive("go")
        exit("boom")
    a = spawn(a_fn)
    receive("a_ready")
    name(a, "a"); name(b, "b"); name(c, "c")
    return a, b, c


a, b, c = chain()
for p in [a, b, c]:
    monitor(p)
send(a, "go")
say("DOWNs", [(m[3], m[4]) for m in heard(200)])
trap_exit(True)


def chain2():
    c = spawn_link(lambda: receive("never"))

    def b_fn():
        link(c)
        send(me, "b_ready")
        receive("never")
    b = spawn(b_fn)
    receive("b_ready")

    def a_fn():
        link(b)
        send(me, "a_ready")
        receive("go")
        exit("boom")
    a = spawn(a_fn)
    receive("a_ready")
    name(a, "a"); name(b, "b"); name(c, "c")
    return a, b, c


a, b, c = chain2()
monitor(a)
send(a, "go")
say("DOWN of a vs EXIT of c", [(m[0], m[3], m[4]) if m[0] == "DOWN" else m for m in heard(200)])
