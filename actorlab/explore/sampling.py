"""Sampling interleavings, for scenarios too big to explore completely.

* `random`: at every decision, any runnable process, uniformly (the seeds of notebook 08).
* `pct`: probabilistic concurrency testing (Burckhardt, Kothari, Musuvathi, Nagarakatte,
  ASPLOS 2010). Each process gets a random priority and the highest-priority runnable one
  always goes on; at `depth - 1` random decisions, the one that was running drops to a
  low priority. A bug that needs `depth` things to happen in a given order is found with
  probability at least 1 / (n * k^(depth-1)) per run (n processes, k decisions), far
  better than uniform sampling gives for the deep, rare orderings.

Run `index` of a sampling uses a random generator seeded by (seed, index), so a sampling
gives the same runs however it is split among workers.
"""
from __future__ import annotations

import random
from typing import Any, Callable, Sequence

from ..runtime import Node
from ..runtime.process import Process
from .runs import Run, run_once

def uniform(seed: int, index: int) -> Callable[[Run, Sequence[Process], Node], int]:
    """The strategy of random run `index`: any runnable process, uniformly."""
    chance = random.Random(f"{seed}:{index}")

    def decide(run: Run, candidates: Sequence[Process], node: Node) -> int:
        return chance.randrange(len(candidates))

    return decide


def pct(seed: int, index: int, depth: int, decisions: int) -> Callable[..., int]:
    """The strategy of PCT run `index`, for runs of about `decisions` decisions."""
    chance = random.Random(f"{seed}:{index}")
    changes = {point: rank for rank, point in
               enumerate(chance.sample(range(1, max(decisions, depth) + 1), depth - 1), 1)}
    priority: dict[int, float] = {}

    def decide(run: Run, candidates: Sequence[Process], node: Node) -> int:
        step = len(run.decisions)
        if step in changes and run.transitions and run.transitions[-1].actor is not None:
            priority[run.transitions[-1].actor] = changes[step]   # below every first one
        for proc in candidates:
            if proc.pid.number not in priority:
                priority[proc.pid.number] = depth + chance.random()
        best = max(range(len(candidates)), key=lambda i: priority[candidates[i].pid.number])
        return best

    return decide


def sample(scenario: Callable, args: tuple, method: str, seed: int, indices: range,
           depth: int, decisions: int, trace_limit: int) -> list[tuple[Any, str, int]]:
    """Run the sampling runs `indices`: (outcome, schedule, events) of each. A function of
    its arguments only, so that worker processes can run it (see explore())."""
    found = []
    for index in indices:
        decide = uniform(seed, index) if method == "random" else \
            pct(seed, index, depth, decisions)
        run, _ = run_once(scenario, args, decide, trace_limit=trace_limit)
        found.append((run.outcome, run.schedule, run.events))
    return found
