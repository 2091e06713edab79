"""Representative traces: small programs whose pictures show each thing the views draw.

Each function runs its program on a fresh node (it calls `reset()`, so the current
node is replaced) and returns the trace. The tests check their diagrams, and
`scripts/render_docs_images.py` draws them into docs/img.

>>> trace = call_and_reply()
>>> [e.kind for e in trace.events][:3]
['spawn', 'link', 'register']
"""
from __future__ import annotations

from typing import Callable

from ..otp import GenServer, Supervisor
from ..runtime import (ANY, DeadlockError, Exit, ReceiveTimeout, current_node, exit, link,
                       make_ref, monitor, receive, reset, run_for, self_pid, send, sleep, spawn,
                       spawn_link, trap_exit)
from ..trace import Trace


class Counter(GenServer):
    """A counter: cast to add, call to read."""

    def init(self, count: int) -> tuple:
        return ("ok", count)

    def handle_call(self, request: object, from_: tuple, count: int) -> tuple:
        return ("reply", count, count)

    def handle_cast(self, amount: int, count: int) -> tuple:
        return ("noreply", count + amount)


def _fresh() -> None:
    reset(log=None)


def call_and_reply() -> Trace:
    """A GenServer: a cast, then a call and its reply."""
    _fresh()
    _, counter = GenServer.start_link(Counter, 0, name="counter")
    GenServer.cast(counter, 5)
    GenServer.call(counter, "get")
    return _trace()


def self_call_deadlock() -> Trace:
    """The hand-built call, and a server that calls itself: the shell gets DeadlockError."""
    _fresh()

    def server() -> None:
        while True:
            caller, ref, request = receive()
            if request == "twice":
                inner = make_ref()
                send(self_pid(), (self_pid(), inner, "once"))
                receive((inner, ANY))
            send(caller, (ref, "done"))

    pid = spawn(server, label="server")
    ref = make_ref()
    send(pid, (self_pid(), ref, "twice"))
    try:
        receive((ref, ANY))
    except DeadlockError:
        pass
    return _trace()


def crash_with_links() -> Trace:
    """A worker crashes; a linked partner dies with it; a trapping supervisor is told."""
    _fresh()
    trap_exit(True)

    def partner() -> None:
        receive("never")

    buddy = spawn(partner, label="partner")

    def worker(x: int) -> None:
        link(buddy)
        receive()
        receive(timeout=1 / x)

    pid = spawn_link(worker, 0, label="worker")
    send(pid, "go")
    receive(("EXIT", pid, ANY))
    return _trace()


def monitors() -> Trace:
    """A monitor: DOWN when the process ends, and at once (noproc) for a dead one."""
    _fresh()
    pid = spawn(lambda: receive("stop"), label="watched")
    ref = monitor(pid)
    send(pid, "stop")
    receive(("DOWN", ref, ANY, ANY, ANY))
    monitor(pid)                                   # already dead: noproc
    receive()
    return _trace()


def timeouts() -> Trace:
    """A call that times out; the late reply is dropped (aliases, as in OTP 24+)."""
    _fresh()

    class Slow(GenServer):
        def init(self, arg: object) -> tuple:
            return ("ok", arg)

        def handle_call(self, request: object, from_: tuple, state: object) -> tuple:
            sleep(300)
            return ("reply", "late", state)

    _, slow = GenServer.start(Slow, None, name="slow")
    try:
        GenServer.call(slow, "work", timeout=100)
    except Exit:
        pass
    try:
        receive("never", timeout=50)
    except ReceiveTimeout:
        pass
    run_for(300)
    return _trace()


def dropped_sends() -> Trace:
    """Sends to a process that has exited are dropped; an unread message stays put."""
    _fresh()
    gone = spawn(lambda: None, label="gone")
    send(gone, "hello?")
    idle = spawn(lambda: receive("something else"), label="picky")
    send(idle, "unread")
    return _trace()


def fan_out(workers: int = 4) -> Trace:
    """The shell hands a job to each of `workers` processes and collects the answers."""
    _fresh()

    def worker(index: int) -> None:
        caller, job = receive()
        sleep(10 * index)
        send(caller, ("done", index))

    me = self_pid()
    pids = [spawn(worker, i, label=f"w{i}") for i in range(workers)]
    for pid in pids:
        send(pid, (me, "job"))
    for _ in pids:
        receive(("done", ANY))
    return _trace()


def supervision() -> Trace:
    """A supervisor with two children; one crashes twice and is restarted. Each child is
    registered under its id, so the diagram's lanes are named as the tree's nodes."""
    _fresh()
    _, sup = Supervisor.start_link([{"id": child_id, "start": (GenServer.start_link,
                                                               (Counter, start),
                                                               {"name": child_id})}
                                    for child_id, start in (("counter", 0), ("cache", 100))],
                                   name="app")
    for _ in range(2):
        child = next(pid for cid, pid, _, _ in Supervisor.which_children(sup)
                     if cid == "counter")
        exit(child, "boom")
    return _trace()


def _trace() -> Trace:
    return current_node().trace


ALL: dict[str, Callable[[], Trace]] = {
    "call_and_reply": call_and_reply, "self_call_deadlock": self_call_deadlock,
    "crash_with_links": crash_with_links, "monitors": monitors, "timeouts": timeouts,
    "dropped_sends": dropped_sends, "fan_out": fan_out, "supervision": supervision,
}
"""Every scenario, by name."""
