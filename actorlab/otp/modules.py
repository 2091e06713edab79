"""What the otp classes say about a function they do not have.

Elixir's GenServer, Supervisor, Task and Registry have more functions than actorlab's
classes, and a learner who knows one tries the others: `Task.async_stream`,
`GenServer.multi_call`. Python's own error would only say "type object 'Task' has no
attribute 'async_stream'". The classes are made with `ElixirModule`, whose error says
that actorlab lacks the function, what to do instead when there is a known way, and what
the class has. (It is still an AttributeError, so `hasattr` and `getattr(..., default)`
work as ever.)

>>> from actorlab.otp import Task
>>> Task.async_stream                      # doctest: +ELLIPSIS
Traceback (most recent call last):
...
AttributeError: Task has no 'async_stream': actorlab lacks Elixir's Task.async_stream; ...
"""
from __future__ import annotations

from typing import Any

INSTEAD = {
    ("Task", "async_stream"): "start a Task.async_ per item, then Task.await_ each (or "
                              "Task.yield_many them all)",
    ("Task", "Supervisor"): "there is no Task.Supervisor; Task.start_link links a task to "
                            "its starter, and a DynamicSupervisor can start any process",
    ("Task", "start_child"): "there is no Task.Supervisor; Task.start_link links a task to "
                             "its starter, and a DynamicSupervisor can start any process",
    ("GenServer", "multi_call"): "actorlab runs one node: GenServer.call each server",
    ("GenServer", "abcast"): "actorlab runs one node: GenServer.cast to each server",
    ("Task", "child_spec"): "to supervise a task, give the supervisor Elixir's "
                            "Task.child_spec(fn) as a dict: {'id': 'Task', 'start': "
                            "(Task.start_link, (fn,)), 'restart': 'temporary'}",
    ("Registry", "dispatch"): "Registry.lookup the key, then send to each pid",
    ("Registry", "count"): "it counts every key; here keep the count yourself where the "
                           "keys are registered, or Registry.lookup each key you know",
    ("Registry", "match"): "Registry.lookup the key (a list of (pid, value)) and keep the "
                           "pairs whose value you want, with a list comprehension",
    ("Registry", "select"): "there are no match specs here: Registry.lookup each key you "
                            "know (or Registry.keys(registry, pid), a process's keys) and "
                            "filter in Python",
}
"""Known Elixir functions actorlab lacks, by (class, name), and what to do instead."""

CALLBACKS = ("init", "terminate")
"""Left out of what a class "has", with the handle_ callbacks: a server's own code."""


class ElixirModule(type):
    """The metaclass of the otp classes: a clear error for a function they lack."""

    def __getattr__(cls, name: str) -> Any:
        if name.startswith("_"):            # Python's own lookups: its plain error
            raise AttributeError(name)
        known = next((base.__name__ for base in cls.__mro__
                      if (base.__name__, name) in INSTEAD), None)
        lacks = (f": actorlab lacks Elixir's {known}.{name}; {INSTEAD[(known, name)]}"
                 if known else "")
        has = ", ".join(sorted(n for n in dir(cls) if not n.startswith(("_", "handle_"))
                               and n not in CALLBACKS))
        raise AttributeError(f"{cls.__name__} has no {name!r}{lacks}. It has: {has}")
