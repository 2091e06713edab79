"""Task: run a function in a new process and collect its result later (or, with
`Task.start` and `Task.start_link`, only for its effect: nobody collects it).

`Task.async_`, `Task.await_` and `Task.yield_` are Elixir's `Task.async`, `Task.await` and
`Task.yield` (the trailing underscore because those are Python keywords). The task is
linked to its caller, and the caller monitors it, so a crash in either is not silently
lost. Only the caller, the task's *owner*, may await, yield or shut it down: anyone else
gets a `BadArgument`, as Elixir raises an `ArgumentError`. Every function checks its
arguments (the function, the task, the timeout) before it acts, as Elixir's guards do: a
call refused leaves the task as it was.

>>> from actorlab import reset, sleep
>>> _ = reset(log=None)
>>> task = Task.async_(lambda: (sleep(100), 42)[1])
>>> Task.yield_(task, 50) is None, Task.await_(task)
(True, 42)
"""
from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import Any, Callable

from ..runtime import (ANY, BadArgument, Exit, OneOf, Pid, ReceiveTimeout, Ref, demonitor,
                       exit, monitor, now, receive, self_pid, send, spawn, spawn_link, unlink)
from ..trace import short
from ..trace.protocol import TASK_REF
from .gen_server import _forever
from .modules import ElixirModule
from .names import down_reason


@dataclass(frozen=True)
class Task(metaclass=ElixirModule):
    """A running task: its pid, the ref its result comes tagged with, and its owner."""

    pid: Pid
    ref: Ref
    owner: Pid

    @staticmethod
    def async_(fn: Callable, *args: Any) -> Task:
        """Start `fn(*args)` in a linked process; `await_` its result.

        >>> from actorlab import reset
        >>> _ = reset(log=None)
        >>> Task.await_(Task.async_(abs, -3))
        3
        """
        _check_call(fn, args, "async_")
        owner = self_pid()
        pid = spawn_link(_run, fn, args, owner, label=getattr(fn, "__name__", "task"))
        ref = monitor(pid, alias=True)
        send(pid, (TASK_REF, ref))
        return Task(pid, ref, owner)

    @staticmethod
    def start(fn: Callable, *args: Any) -> tuple[str, Pid]:
        """Run `fn(*args)` in a new process, for its effect: `("ok", pid)`. Elixir's
        `Task.start`: nobody awaits it (its result is dropped) and nothing links it to the
        caller, so its crash is only logged.

        >>> from actorlab import reset
        >>> _ = reset(log=None)
        >>> status, pid = Task.start(print, "from a task")
        from a task
        >>> status
        'ok'
        """
        _check_call(fn, args, "start")
        return ("ok", spawn(fn, *args, label=getattr(fn, "__name__", "task")))

    @staticmethod
    def start_link(fn: Callable, *args: Any) -> tuple[str, Pid]:
        """`start`, linked to the caller, as Elixir's `Task.start_link` (what a supervisor
        uses): if the task crashes, so does the caller, unless it traps exits."""
        _check_call(fn, args, "start_link")
        return ("ok", spawn_link(fn, *args, label=getattr(fn, "__name__", "task")))

    @staticmethod
    def await_(task: Task, timeout: float | str | None = 5000) -> Any:
        """Wait for the task's result, at most `timeout` ms (None or "infinity": forever).

        Exits with `(reason, ("Task", "await", [task, timeout]))` if the task crashes
        (its reason; `("nodedown", node)` if a partition cut it off, see `_wait`) or
        takes too long ("timeout"; the task runs on, and its result, when it comes, is
        dropped).
        """
        wait, as_written = _forever(timeout)
        where = ("Task", "await", [task, as_written])
        answer = _wait(task, wait, where)
        if answer is None:
            demonitor(task.ref, flush=True)
            raise Exit(("timeout", where))
        if answer[0] == "exit":
            raise Exit((answer[1], where))
        return answer[1]

    @staticmethod
    def yield_(task: Task, timeout: float | str | None = 5000) -> Any:
        """Wait at most `timeout` ms for the task: `("ok", result)`, `("exit", reason)` if
        it died (which a linked owner sees only if it traps exits, or if the reason is
        "normal"), or None if it is still running. After None you may yield again.

        >>> from actorlab import reset, sleep
        >>> _ = reset(log=None)
        >>> task = Task.async_(sleep, 100)
        >>> Task.yield_(task, 10), Task.yield_(task, 200)
        (None, ('ok', 'ok'))
        """
        wait, as_written = _forever(timeout)
        return _wait(task, wait, ("Task", "yield", [task, as_written]))

    @staticmethod
    def yield_many(tasks: list[Task], timeout: float | str | None = 5000) -> list[tuple]:
        """Yield to several tasks within one `timeout`: `[(task, result)]`, in the order of
        `tasks`, each result as `yield_` gives it.

        >>> from actorlab import reset, sleep
        >>> _ = reset(log=None)
        >>> tasks = [Task.async_(sleep, ms) for ms in (10, 500)]
        >>> [result for _, result in Task.yield_many(tasks, 100)]
        [('ok', 'ok'), None]
        """
        if not isinstance(tasks, list):
            raise BadArgument(f"Task.yield_many takes a list of tasks, not {short(tasks)}: "
                              "pass Task.yield_many([task1, task2], timeout)")
        wait, as_written = _forever(timeout)
        where = ("Task", "yield_many", [tasks, as_written])
        deadline = None if wait is None else now() + wait
        return [(task, _wait(task, None if deadline is None else max(0, deadline - now()),
                             where)) for task in tasks]

    @staticmethod
    def shutdown(task: Task, timeout: float | str | None = 5000) -> Any:
        """Unlink the task and stop it: `exit(pid, "shutdown")`, and "kill" if it has not
        ended within `timeout` ms (`"brutal_kill"`: kill at once). Then, as `yield_`:
        `("ok", result)` if its result came meanwhile, `("exit", reason)` if it had
        already died or ended with another reason, else None. Afterwards it cannot be
        awaited.

        >>> from actorlab import reset, sleep
        >>> _ = reset(log=None)
        >>> Task.shutdown(Task.async_(sleep, 1000))
        """
        _check_task(task, "shutdown")
        brutal = timeout == "brutal_kill"
        wait = None if brutal else _forever(timeout)[0]   # refused before the task is touched
        watch = monitor(task.pid)
        unlink(task.pid)
        exit(task.pid, "kill" if brutal else "shutdown")
        down = ("DOWN", watch, ANY, ANY, ANY)
        try:
            reason = receive(down, timeout=wait, waiting_for=task.pid)[4]
        except ReceiveTimeout:
            exit(task.pid, "kill")
            reason = receive(down, waiting_for=task.pid)[4]
        if reason == "noproc":      # it had ended before: its own DOWN, if still here, says how
            try:
                reason = receive(("DOWN", task.ref, ANY, ANY, ANY), timeout=0)[4]
            except ReceiveTimeout:
                pass
        demonitor(task.ref, flush=True)
        try:
            return ("ok", receive((task.ref, ANY), timeout=0)[1])
        except ReceiveTimeout:
            stopped = "killed" if brutal else "shutdown"
            if reason == "noconnection":    # as _wait's: an exit, not a result
                as_written = "brutal_kill" if brutal else _forever(timeout)[1]
                raise Exit((down_reason(reason), ("Task", "shutdown", [task, as_written])))
            return None if reason == stopped else ("exit", reason)


def _check_call(fn: Any, args: tuple, action: str) -> None:
    """Refuse, before anything starts, what `fn(*args)` could not run: a task that would
    only crash with a TypeError is a mistake in the call, as Elixir's `Task.async` refuses
    a function of the wrong arity."""
    if not callable(fn):
        raise BadArgument(f"Task.{action} takes a function and its arguments, Task.{action}(fn, "
                          f"*args), not {short(fn)}: Elixir's Task.async(Kernel, :abs, [-3]) "
                          "is Task.async_(abs, -3) here")
    try:
        signature = inspect.signature(fn)
    except ValueError:       # some built-in functions do not say what they take: let them run
        return
    try:
        signature.bind(*args)
    except TypeError as wrong:
        raise BadArgument(f"Task.{action} would call {short(fn)} with {len(args)} "
                          f"argument(s), but {wrong}: pass the arguments fn takes, "
                          f"Task.{action}(fn, *args)") from None


def _check_task(task: Any, action: str) -> None:
    """Refuse anything but a `Task` this process started."""
    if not isinstance(task, Task):
        raise BadArgument(f"{action} needs a task, the value Task.async_ returned, not "
                          f"{short(task)}")
    if task.owner != self_pid():
        raise BadArgument(f"task {task.pid!r} must be queried from its owner, "
                          f"{task.owner!r}, but {action} was called from {self_pid()!r}: "
                          "only the process that started a task may collect its result")


def _wait(task: Task, timeout: float | None, where: tuple) -> tuple | None:
    """The task's `("ok", result)` or `("exit", reason)`, or None if `timeout` ms pass.

    A task cut off by a partition (its DOWN says "noconnection") is no result: as in
    Elixir's Task, the caller exits with `(("nodedown", node), where)`, where `where` is
    the call, `("Task", "yield", [task, timeout])` say.
    """
    _check_task(task, where[1])
    try:
        answer = receive(OneOf((task.ref, ANY), ("DOWN", task.ref, ANY, ANY, ANY)),
                         timeout=timeout, waiting_for=task.pid)
    except ReceiveTimeout:
        return None
    if len(answer) == 5:
        if answer[4] == "noconnection":
            raise Exit((down_reason(answer[4]), where))
        return ("exit", answer[4])
    demonitor(task.ref, flush=True)
    return ("ok", answer[1])


def _run(fn: Callable, args: tuple, owner: Pid) -> None:
    _, ref = receive((TASK_REF, ANY))
    send(ref, (ref, fn(*args)))
