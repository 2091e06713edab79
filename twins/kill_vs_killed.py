"""Scenario: `exit(pid, "kill")` cannot be trapped: even a process that traps exits dies,
with reason "killed", and its links get "killed" (trappable, like any other reason).
`exit(pid, "killed")` is an ordinary reason: a trapping process gets it as a message. A
process that exits with reason "kill" itself sends its links a plain "kill": trapped as a
message, and a non-trapping partner dies with reason "kill", not "killed".
The helpers report to the shell, which reads in a fixed order. Twin: kill_vs_killed.exs."""
from twin import name, say, start

from actorlab import ANY, exit, link, monitor, receive, self_pid, send, spawn, trap_exit

start()


def start_helper(target, trap):
    """A process that links to `target` (if any), traps exits if `trap`, and forwards its
    first message to the shell; returns once it is ready."""
    shell = self_pid()

    def helper():
        trap_exit(trap)
        if target:
            link(target)
        send(shell, "ready")
        send(shell, ("forwarded", receive()))

    pid = spawn(helper)
    receive("ready")
    return pid


def forwarded():
    return receive(("forwarded", ANY))[1]


def down(ref):
    return receive(("DOWN", ref, "process", ANY, ANY))[4]


victim = start_helper(None, True)
name(victim, "victim")
start_helper(victim, True)
ref = monitor(victim)
exit(victim, "kill")
say("a trapping process sent :kill exited with", down(ref))
say("its trapping partner got", forwarded())

other = start_helper(None, True)
exit(other, "killed")
say("a trapping process sent :killed got", forwarded())


def quit_on_go():
    receive("go")
    exit("kill")


quitter = spawn(quit_on_go)
name(quitter, "quitter")
start_helper(quitter, True)
partner = start_helper(quitter, False)
ref = monitor(partner)
send(quitter, "go")
say("quitter exited with :kill; its trapping partner got", forwarded())
say("and its other partner exited with", down(ref))
