"""Scheduling policies: who runs next when more than one process could.

Whenever two or more processes are runnable, the scheduler asks its policy to choose one
and records the pid it chose; the list of choices is the run's *schedule*. Replaying a
schedule makes every choice again, so the run, and its trace, come out identical.

* `Fifo()`: the process that became runnable first (the default: same program, same run);
* `SeededRandom(seed)`: a random choice, reproducible from the seed;
* `Replay(schedule)`: the choices of a recorded schedule, in order;
* `explore()`'s policies (actorlab/explore), which search every interleaving.

A node can also be *preemptive*, as `explore()` makes it: every process then stops
before each visible operation (a send, a receive that takes a message, a spawn, ...)
and the policy chooses who goes on, as the BEAM may preempt a process anywhere.

A schedule is written compactly as the chosen pid numbers separated by dots, with `*n`
for n equal choices in a row, after "p:" if the node was preemptive:

>>> encode_schedule([2, 3, 3, 3, 1], preemptive=True)
'p:2.3*3.1'
>>> decode_schedule('p:2.3*3.1')
(True, [2, 3, 3, 3, 1])
"""
from __future__ import annotations

import random
import re
from typing import Any, Sequence

from .errors import BadArgument, ScheduleError


class Policy:
    """What the scheduler asks: `choose` one of the runnable `candidates` (the run queue,
    oldest first); `idle` says nothing is runnable any more (timers or the shell come next)."""

    def choose(self, candidates: Sequence[Any]) -> int:
        raise NotImplementedError

    def idle(self) -> None:
        """Nothing to do, for most policies."""


class StopRun(BaseException):
    """A policy's way to end a run at once: the shell gets it from whatever it waits in.
    (A BaseException, so that the code under test cannot catch it by accident.)"""


class Fifo(Policy):
    """Always the oldest runnable process."""

    def choose(self, candidates: Sequence[Any]) -> int:
        return 0


class SeededRandom(Policy):
    """A random runnable process, the same sequence of choices for the same seed."""

    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)

    def choose(self, candidates: Sequence[Any]) -> int:
        return self.random.randrange(len(candidates))


class Replay(Policy):
    """The choices of a recorded schedule, one per decision, in order."""

    def __init__(self, schedule: str) -> None:
        self.preemptive, self.choices = decode_schedule(schedule)
        self.used = 0

    def choose(self, candidates: Sequence[Any]) -> int:
        if len(candidates) < 2:
            return 0
        runnable = ", ".join(repr(proc.pid) for proc in candidates)
        if self.used == len(self.choices):
            raise ScheduleError(
                f"the schedule ended after {self.used} choice{'' if self.used == 1 else 's'}, "
                "but this run has to choose "
                f"again (runnable: {runnable}). The program is not the one that was recorded, "
                "or it changed since: record a new schedule (node.schedule). From here the "
                "node runs first come, first served.")
        wanted = self.choices[self.used]
        for index, proc in enumerate(candidates):
            if proc.pid.number == wanted:
                self.used += 1
                return index
        raise ScheduleError(
            f"the schedule does not fit this run at choice {self.used + 1}: it picks "
            f"#PID<0.{wanted}.0>, which is not runnable (runnable: {runnable}). The program "
            "is not the one that was recorded, or it changed since: record a new schedule "
            "(node.schedule). From here the node runs first come, first served.")


def policy_for(seed: int | None, schedule: str | None) -> Fifo | SeededRandom | Replay:
    """The policy a node's options ask for (a schedule and a seed exclude each other)."""
    if schedule is not None and seed is not None:
        raise BadArgument("give a seed or a schedule, not both: a recorded schedule already "
                          "holds every choice the seed made")
    if schedule is not None:
        return Replay(schedule)
    if seed is not None:
        if isinstance(seed, bool) or not isinstance(seed, int):
            raise BadArgument(f"a seed is a whole number, not {seed!r}")
        return SeededRandom(seed)
    return Fifo()


def encode_schedule(choices: Sequence[int], preemptive: bool = False) -> str:
    """The compact text of a list of chosen pid numbers (see the module docstring)."""
    parts = ["p:"] if preemptive else []
    index = 0
    while index < len(choices):
        run = 1
        while index + run < len(choices) and choices[index + run] == choices[index]:
            run += 1
        parts.append(f"{choices[index]}*{run}" if run > 1 else str(choices[index]))
        index += run
    return parts[0] + ".".join(parts[1:]) if preemptive else ".".join(parts)


_PART = re.compile(r"(\d+)(?:\*(\d+))?")


def decode_schedule(text: str) -> tuple[bool, list[int]]:
    """(preemptive, the chosen pid numbers) written in `text`; a clear error if it is not
    a schedule."""
    if not isinstance(text, str):
        raise BadArgument(f"a schedule is the text node.schedule gave, not {text!r}")
    preemptive = text.startswith("p:")
    body = text[2:] if preemptive else text
    choices: list[int] = []
    for part in body.split(".") if body else []:
        found = _PART.fullmatch(part)
        if found is None:
            raise BadArgument(f"{part!r} in the schedule {text[:60]!r} is not a pid number "
                              "or NUMBER*COUNT: pass the text node.schedule gave")
        choices += [int(found[1])] * int(found[2] or 1)
    return preemptive, choices
