"""Scenario: links are two-way, and an abnormal exit travels along them: a process that does
not trap exits dies with its linked partner's reason, whichever of the two made the link.
A normal exit kills nobody. The shell watches with monitors (not links) and reads each
DOWN in a fixed order. Twin: link_crash_propagation.exs."""
from twin import say, start

from actorlab import ANY, exit, is_alive, link, monitor, receive, self_pid, send, spawn

start()


def start_pair():
    """Two processes, `second` linked to `first`; each exits when told to."""
    shell = self_pid()
    first = spawn(wait)

    def linker():
        link(first)
        send(shell, "linked")
        wait()

    second = spawn(linker)
    receive("linked")
    return first, monitor(first), second, monitor(second)


def wait():
    _, reason = receive(("exit", ANY))
    if reason == "crash":
        raise RuntimeError("boom")
    exit(reason)


def reason_of(ref):
    return receive(("DOWN", ref, "process", ANY, ANY))[4]


first, first_down, _second, second_down = start_pair()
send(first, ("exit", "crash"))
say("first crashed", reason_of(first_down))
say("so its partner exited", reason_of(second_down))

_first, first_down, second, second_down = start_pair()
send(second, ("exit", "oops"))
say("second exited", reason_of(second_down))
say("so first, which did not make the link, exited", reason_of(first_down))

first, first_down, second, _second_down = start_pair()
send(first, ("exit", "normal"))
say("first exited", reason_of(first_down))
say("its partner is alive", is_alive(second))
