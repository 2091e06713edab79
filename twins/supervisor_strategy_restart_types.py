"""Scenario: one exit under each strategy, with a permanent, a transient and a temporary
child (started in that order). rest_for_one and one_for_all stop the children they restart
with the one that exited, and a temporary child among them is not restarted: it is gone. A
temporary child's own exit, or a transient one's ("shutdown", _), restarts nothing, so with
max_restarts=0 the supervisor lives on; a permanent child's exit, "normal" too, is one
restart too many, and the supervisor exits with "shutdown". Each line: the child that
exited and how, then for each child: the same pid, a new one, "undefined" (not restarted)
or gone. Twin: supervisor_strategy_restart_types.exs."""
from twin import mailbox, say, start

from actorlab import ANY, GenServer, ReceiveTimeout, Supervisor, monitor, receive, trap_exit

start()
trap_exit(True)


class Child(GenServer):
    def init(self, arg):
        return ("ok", arg)

    def handle_cast(self, message, state):
        _, reason = message
        return ("stop", reason, state)


def spec(id_, restart):
    return {"id": id_, "start": (GenServer.start_link, (Child, id_)), "restart": restart}


def pids(sup):
    return {id_: pid for id_, pid, _, _ in Supervisor.which_children(sup)}


def compare(before, now):
    result = []
    for id_ in sorted(before):
        if id_ not in now:
            result.append((id_, "gone"))
        elif now[id_] == "undefined":
            result.append((id_, "undefined"))
        elif now[id_] == before[id_]:
            result.append((id_, "same"))
        else:
            result.append((id_, "new"))
    return result


def try_one(strategy, max_restarts, victim, reason, written):
    children = [spec("perm", "permanent"), spec("trans", "transient"), spec("temp", "temporary")]
    _, sup = Supervisor.start_link(children, strategy=strategy, max_restarts=max_restarts)
    before = pids(sup)
    ref = monitor(before[victim])
    GenServer.cast(before[victim], ("exit", reason))
    receive(("DOWN", ref, ANY, ANY, ANY))
    line = f"{strategy}, max_restarts {max_restarts}: {victim} exits {written}"
    try:
        _, _, why = receive(("EXIT", sup, ANY), timeout=300)
        say(f"{line}: the supervisor exits", why)
    except ReceiveTimeout:
        say(line, compare(before, pids(sup)))
        Supervisor.stop(sup)
        receive(("EXIT", sup, "normal"))


try_one("rest_for_one", 3, "perm", "normal", ":normal")
try_one("rest_for_one", 3, "trans", "boom", ":boom")
try_one("one_for_all", 3, "trans", "boom", ":boom")
try_one("one_for_all", 0, "temp", "boom", ":boom")
try_one("one_for_one", 0, "trans", ("shutdown", "x"), "{:shutdown, :x}")
try_one("one_for_one", 0, "perm", "normal", ":normal")
say("the shell's mailbox", mailbox())
