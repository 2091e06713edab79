"""Scheduling policies: who runs next when more than one process could.

Whenever two or more processes are runnable, the scheduler asks its policy to choose one
and records the pid it chose; the list of choices is the run's *schedule*. Replaying a
schedule makes every choice again, so the run, and its trace, come out identical.

* `Fifo()`: the process that became runnable first (the default: same program, same run);
* `SeededRandom(seed)`: a random choice, reproducible from the seed;
* `Replay(schedule)`: the choices of a recorded schedule, in order.

A schedule is written compactly as the chosen pid numbers separated by dots, with `*n`
for n equal choices in a row:

>>> encode_schedule([2, 3, 3, 3, 1])
'2.3*3.1'
>>> decode_schedule('2.3*3.1')
[2, 3, 3, 3, 1]
"""
from __future__ import annotations

import random
import re
from typing import Any, Sequence

from .errors import BadArgument, ScheduleError


class Fifo:
    """Always the oldest runnable process."""

    def choose(self, candidates: Sequence[Any]) -> int:
        return 0


class SeededRandom:
    """A random runnable process, the same sequence of choices for the same seed."""

    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)

    def choose(self, candidates: Sequence[Any]) -> int:
        return self.random.randrange(len(candidates))


class Replay:
    """The choices of a recorded schedule, one per decision, in order."""

    def __init__(self, schedule: str) -> None:
        self.choices = decode_schedule(schedule)
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


def encode_schedule(choices: Sequence[int]) -> str:
    """The compact text of a list of chosen pid numbers (see the module docstring)."""
    parts = []
    index = 0
    while index < len(choices):
        run = 1
        while index + run < len(choices) and choices[index + run] == choices[index]:
            run += 1
        parts.append(f"{choices[index]}*{run}" if run > 1 else str(choices[index]))
        index += run
    return ".".join(parts)


_PART = re.compile(r"(\d+)(?:\*(\d+))?")


def decode_schedule(text: str) -> list[int]:
    """The chosen pid numbers written in `text`; a clear error if it is not a schedule."""
    if not isinstance(text, str):
        raise BadArgument(f"a schedule is the text node.schedule gave, not {text!r}")
    choices: list[int] = []
    for part in text.split(".") if text else []:
        found = _PART.fullmatch(part)
        if found is None:
            raise BadArgument(f"{part!r} in the schedule {text[:60]!r} is not a pid number "
                              "or NUMBER*COUNT: pass the text node.schedule gave")
        choices += [int(found[1])] * int(found[2] or 1)
    return choices
