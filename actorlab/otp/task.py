"""Task: run a function in a new process and collect its result later.

`Task.async_` and `Task.await_` are Elixir's `Task.async` and `Task.await` (the trailing
underscore because `async` and `await` are Python keywords). The task is linked to its
caller, and the caller monitors it, so a crash in either is not silently lost.

>>> from actorlab import reset, sleep
>>> _ = reset(log=None)
>>> task = Task.async_(lambda: (sleep(100), 42)[1])
>>> Task.await_(task)
42
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from ..runtime import (ANY, Exit, OneOf, Pid, ReceiveTimeout, Ref, demonitor, monitor,
                       receive, self_pid, send, spawn_link)


@dataclass(frozen=True)
class Task:
    """A running task: its pid, the ref its result comes tagged with, and its owner."""

    pid: Pid
    ref: Ref
    owner: Pid

    @staticmethod
    def async_(fn: Callable, *args: Any) -> Task:
        """Start `fn(*args)` in a linked process; `await_` its result."""
        owner = self_pid()
        pid = spawn_link(_run, fn, args, owner, label=getattr(fn, "__name__", "task"))
        ref = monitor(pid, alias=True)
        send(pid, ("$task_ref", ref))
        return Task(pid, ref, owner)

    @staticmethod
    def await_(task: Task, timeout: float | None = 5000) -> Any:
        """Wait for the task's result; exits if it crashes or takes longer than `timeout`."""
        if task.owner != self_pid():
            raise Exit(("not_owner", ("Task", "await", [task, timeout])))
        try:
            answer = receive(OneOf((task.ref, ANY), ("DOWN", task.ref, ANY, ANY, ANY)),
                             timeout=timeout, waiting_for=task.pid)
        except ReceiveTimeout:
            demonitor(task.ref, flush=True)
            raise Exit(("timeout", ("Task", "await", [task, timeout]))) from None
        if len(answer) == 5:
            raise Exit((answer[4], ("Task", "await", [task, timeout])))
        demonitor(task.ref, flush=True)
        return answer[1]


def _run(fn: Callable, args: tuple, owner: Pid) -> None:
    _, ref = receive(("$task_ref", ANY))
    send(ref, (ref, fn(*args)))
