"""Every process's state after each step, replayed from a trace alone.

At each step a process is running, waiting (blocked in receive, on a pattern, perhaps for
someone's reply), runnable (a message it waited for has arrived, and it has yet to run),
or dead (with its reason); and its mailbox holds the messages sent to it and not yet
received. A wake is not an event of its own: a process blocked in receive is woken by
the send whose message that receive then takes. The replay widget shows these, and the
wait-for graph is drawn from the waiting ones.

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

from ..trace import Pid, Trace, describe_pattern
from .model import lane_names


@dataclass(frozen=True)
class ProcessState:
    pid: Pid
    name: str
    status: str = "running"             # running, waiting, runnable or dead
    waiting: str | None = None          # the pattern it waits for
    waiting_for: Pid | None = None      # whose reply, for a call
    reason: Any = None                  # why it died
    mailbox: list = field(default_factory=list)
    sent: tuple = ()                    # the steps that sent what is in the mailbox

    def describe(self, names: dict | None = None) -> str:
        if self.status == "dead":
            return f"dead: {self.reason!r}"
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
    woken_by = {e.data["sent"]: e.pid for e in trace.events
                if e.kind == "receive" and e.data["sent"]}
    for event in trace.events:
        d, pid = event.data, event.pid

        def put(who: Pid, **change: Any) -> None:
            base = now.get(who) or ProcessState(who, names.get(who, repr(who)))
            now[who] = replace(base, **change)

        def deliver(to: Pid, message: Any) -> None:
            state = now.get(to) or ProcessState(to, names.get(to, repr(to)))
            wakes = state.status == "waiting" and woken_by.get(event.step) == to
            now[to] = replace(state, mailbox=state.mailbox + [message],
                              sent=state.sent + (event.step,),
                              status="runnable" if wakes else state.status)

        running = next((p for p, s in now.items() if s.status == "running"), None)
        if running is not None and running != pid:
            put(running, status="runnable")          # one process runs at a time
        if pid in now and now[pid].status == "runnable":
            put(pid, status="running")
        if event.kind == "spawn":
            put(d["child"], status="runnable")
        elif event.kind == "send" and d["delivered"]:
            deliver(d["to"], d["msg"])
        elif event.kind == "signal" and d["outcome"] in ("message", "down"):
            deliver(d["to"], d["msg"])
        elif event.kind == "block":
            pattern = f"sleep {d['sleep']:g} ms" if d["sleep"] is not None \
                else describe_pattern(d["pattern"])
            put(pid, status="waiting", waiting=pattern, waiting_for=d["waiting_for"])
        elif event.kind == "receive":
            state = now[pid]
            keep = [i for i, step in enumerate(state.sent) if step != d["sent"]]
            put(pid, status="running", waiting=None, waiting_for=None,
                mailbox=[state.mailbox[i] for i in keep], sent=tuple(state.sent[i] for i in keep))
        elif event.kind == "timeout":
            put(pid, status="running", waiting=None, waiting_for=None)
        elif event.kind == "exit":
            put(pid, status="dead", waiting=None, waiting_for=None, reason=d["reason"],
                mailbox=[], sent=())
        history.append(dict(now))
    return history
