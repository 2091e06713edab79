"""Every process's state after each step, replayed from a trace alone.

A process is always runnable, running, waiting, suspended or exited, as in the runtime
(`actorlab/runtime/process.py`), and a test checks that this replay agrees with the live
status at every step. The trace does not record who runs: an event that is a process's
own action (it spawns, sends, receives, blocks, links, ...) shows that process running,
and whoever ran before it has stepped aside (runnable) unless it blocked or ended. Other
events happen *to* a process: a timer fires (it becomes runnable), a signal kills it, a
message wakes it (the send or signal is marked `woke`), a runaway suspends it.

Each process also has its mailbox: the messages sent to it and not yet received. The
replay widget shows these, and the wait-for graph is drawn from the waiting processes.

>>> from actorlab import reset, spawn, send, receive
>>> node = reset(log=None)
>>> pid = spawn(lambda: receive("never"), label="stuck")
>>> _ = send(pid, "hello")
>>> final = replay_states(node.trace)[-1][pid]
>>> final.status, final.waiting, final.mailbox
('waiting', "'never'", ['hello'])
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from ..trace import Event, Pid, Trace, describe_pattern, sleep_length
from .model import lane_names

# Events that are never an action of their `pid`: the runtime did them (a timer, a report).
_NOT_ACTIONS = frozenset({"timeout", "cycle", "deadlock", "runaway", "timer_fired",
                          "fault"})


@dataclass(frozen=True)
class ProcessState:
    pid: Pid
    name: str
    status: str = "running"             # runnable, running, waiting, suspended or exited
    waiting: str | None = None          # the pattern it waits for
    waiting_for: Pid | None = None      # whose reply, for a call
    reason: Any = None                  # why it exited
    mailbox: list = field(default_factory=list)
    sent: tuple = ()                    # the steps that sent what is in the mailbox

    def describe(self, names: dict | None = None) -> str:
        if self.status == "exited":
            return f"exited: {self.reason!r}"
        if self.status == "waiting":
            whose = self.waiting_for
            name = f" ({names[whose]})" if names and whose in names else ""
            target = f", a reply from {whose!r}{name}" if whose else ""
            return f"waits for {self.waiting}{target}"
        return self.status


def replay_states(trace: Trace) -> list[dict[Pid, ProcessState]]:
    """The state of every process after each step: index 0 is before step 1."""
    names = lane_names(trace)
    now: dict[Pid, ProcessState] = {}
    if len(trace):
        first = trace[0].pid                 # the shell is there before anything happens
        now[first] = ProcessState(first, names.get(first, "shell"))
    history = [dict(now)]
    events = trace.events
    woken = _woken(events)
    previous: Event | None = None
    for event in events:
        d, pid = event.data, event.pid

        def put(who: Pid, **change: Any) -> None:
            base = now.get(who) or ProcessState(who, names.get(who, repr(who)))
            now[who] = replace(base, **change)

        def deliver(to: Pid, message: Any) -> None:
            state = now.get(to) or ProcessState(to, names.get(to, repr(to)))
            wakes = state.status == "waiting" and event.step in woken
            now[to] = replace(state, mailbox=state.mailbox + [message],
                              sent=state.sent + (event.step,),
                              status="runnable" if wakes else state.status)

        actor = _actor(event, previous, now)
        if actor is not None:
            running = next((p for p, s in now.items() if s.status == "running"), None)
            if running is not None and running != actor:
                put(running, status="runnable")      # one process runs at a time
            put(actor, status="running")
        if event.kind == "spawn":
            put(d["child"], status="runnable")
        elif event.kind in ("send", "timer_fired") and d["delivered"]:
            deliver(d["to"], d["msg"])
        elif event.kind == "fault" and d["what"] == "deliver" and d["detail"] == "delivered late":
            deliver(d["to"], d["msg"])
        elif event.kind == "signal" and d["outcome"] in ("message", "down"):
            deliver(d["to"], d["msg"])
        elif event.kind == "block":
            pattern = f"sleep {sleep_length(d['sleep'])}" if d["sleep"] is not None \
                else describe_pattern(d["pattern"])
            put(pid, status="waiting", waiting=pattern, waiting_for=d["waiting_for"])
        elif event.kind == "receive":
            state = now[pid]
            keep = [i for i, step in enumerate(state.sent) if step != d["sent"]]
            put(pid, waiting=None, waiting_for=None, mailbox=[state.mailbox[i] for i in keep],
                sent=tuple(state.sent[i] for i in keep))
        elif event.kind == "timeout":
            put(pid, status="runnable", waiting=None, waiting_for=None)
        elif event.kind == "deadlock":
            put(pid, status="runnable", waiting=None, waiting_for=None)
        elif event.kind == "runaway":
            for suspended in d["suspended"]:
                put(suspended, status="suspended")
        elif event.kind == "exit":
            put(pid, status="exited", waiting=None, waiting_for=None, reason=d["reason"],
                mailbox=[], sent=())
        history.append(dict(now))
        previous = event
    return history


def _actor(event: Event, previous: Event | None, now: dict[Pid, ProcessState]) -> Pid | None:
    """The process whose own action `event` is, if it is one (see the module docstring)."""
    kind, d = event.kind, event.data
    if kind in _NOT_ACTIONS:
        return None
    if kind in ("register", "unregister"):
        return d["by"]
    if event.pid in now and now[event.pid].status == "exited":
        return None                         # its links and monitors hear of its exit, or
                                            # a killed process's `finally` blocks unwind
    if kind == "exit" and previous is not None and event.pid == previous.data.get("to") and \
            (previous.kind == "signal" and previous.data["outcome"] == "killed" or
             previous.kind == "fault" and previous.data["what"] == "kill"):
        return None                         # killed by that signal, or by a fault
    return event.pid


def _woken(events: list[Event]) -> set[int]:
    """The steps whose message woke its receiver. Traces before version 2 did not say:
    then a message woke its receiver if the receiver's next receive took it."""
    carries = ("send", "signal", "timer_fired", "fault")
    if any(e.data.get("woke") is not None for e in events if e.kind in carries):
        return {e.step for e in events if e.kind in carries and e.data["woke"]}
    return {e.data["sent"] for e in events if e.kind == "receive" and e.data["sent"]}
