"""The searches: every interleaving that matters (DPOR), every interleaving (brute force).

Both walk a tree of decisions, depth first, one run per leaf, re-running the scenario from
the start each time (stateless, as Concuerror does): a run follows the choices that lead
to the branch to try, then makes fresh ones. The tree keeps, for each decision on the
path, the processes already tried there (`explored`) and those still to try (`backtrack`).

* Brute force tries every runnable process at every decision.
* DPOR (source-set DPOR with sleep sets) starts with one process per decision, and after
  each run adds, for every race in it (races.py), a process that reverses the race.
  *Sleep sets* keep it from running an interleaving equivalent to one already run: a
  process already tried at a decision sleeps in the branches tried after it, until
  something it depends on happens. A run in which every runnable process sleeps is cut
  short: what follows was explored before (such runs are counted as `redundant`).

A `bound` (preemption bounding, as in CHESS) skips every branch that needs more than
`bound` preemptions (a process made to stop while it could go on); a bounded search is
not complete.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from ..runtime import Node
from ..runtime.process import Process
from .footprints import Footprint, predicted
from .races import HappensBefore, races, reversal
from ..runtime.policies import StopRun
from .runs import Run, Unexplorable

NOT_REPEATABLE = ("the scenario did not repeat itself: re-run with the same choices, it "
                  "reached a decision where {pid} was not runnable. A scenario must give the "
                  "same run for the same choices: no wall clock, no unseeded random, no state "
                  "kept between runs")


@dataclass
class Branch:
    """A decision on the current path, and what the search knows of it."""

    candidates: list[int]
    chosen: int
    previous: int | None
    sleep: set[int]                       # asleep when the search first reached it
    explored: list[int] = field(default_factory=list)
    backtrack: set[int] = field(default_factory=set)


class Search:
    """A depth-first search over the decisions of a scenario's runs."""

    def __init__(self, reduce: bool, bound: int | None) -> None:
        self.reduce = reduce              # DPOR (True) or brute force (False)
        self.bound = bound
        self.path: list[Branch] = []
        self.prefix: list[int] = []       # the choices the next run follows
        self.asleep_there: set[int] = set()   # asleep where the next run branches off
        self.bounded = False              # a branch was skipped for the bound
        self.sleep: dict[int, Footprint] = {}  # in the run under way: who sleeps now
        self.slept: dict[int, set[int]] = {}   # ... and at each of its fresh decisions

    # -- steering one run ----------------------------------------------------------------

    def decide(self, run: Run, candidates: Sequence[Process], node: Node) -> int:
        """The strategy of a run: follow the prefix, then choose afresh."""
        depth = len(run.decisions)
        pids = [proc.pid.number for proc in candidates]
        if depth < len(self.prefix):
            wanted = self.prefix[depth]
            if wanted not in pids:
                raise Unexplorable(RuntimeError(NOT_REPEATABLE.format(pid=f"#PID<0.{wanted}.0>")))
            if depth == len(self.prefix) - 1 and self.reduce:
                self.sleep = {proc.pid.number: predicted(node, proc) for proc in candidates
                              if proc.pid.number in self.asleep_there}
            return pids.index(wanted)
        if self.reduce and run.transitions:
            last = run.transitions[-1].footprint
            self.sleep = {pid: print_ for pid, print_ in self.sleep.items()
                          if pid in pids and not print_.conflicts(last)}
        self.slept[depth] = set(self.sleep)
        awake = [index for index, pid in enumerate(pids) if pid not in self.sleep]
        if not awake:
            raise StopRun("every runnable process sleeps: what follows was explored before")
        previous = run.transitions[-1].actor if run.transitions else None
        for index in awake:               # go on with the one that was running, if it can
            if pids[index] == previous:
                return index
        return awake[0]

    # -- between runs ----------------------------------------------------------------------

    def learn(self, run: Run, order: HappensBefore) -> None:
        """Fold a finished run into the tree: its new decisions, and (DPOR) its races
        (`order`: the run's happens-before)."""
        known = len(self.prefix)
        if known:
            branch = self.path[known - 1]
            branch.chosen = self.prefix[-1]
            branch.explored.append(branch.chosen)
        for depth, decision in enumerate(run.decisions[known:], start=known):
            branch = Branch(decision.candidates, decision.chosen, decision.previous,
                            self.slept.get(depth, set()), [decision.chosen], {decision.chosen})
            if not self.reduce:
                branch.backtrack = set(decision.candidates)
            self.path.append(branch)
        if self.reduce:
            self._reverse_races(run, order)
            self._before_kills(run)

    def _before_kills(self, run: Run) -> None:
        """A process that could run when another ended it (a kill, a link's signal) never
        did its next step, so no race shows it: let it go first there, too."""
        for transition in run.transitions:
            depth = transition.decision
            for victim in transition.killed if depth is not None else ():
                self._try(depth, [victim])

    def _reverse_races(self, run: Run, order: HappensBefore) -> None:
        for i, j in races(order):
            depth = run.transitions[i].decision
            branch = self.path[depth]
            starts = reversal(order, i, j)
            if branch.backtrack.intersection(starts):
                continue
            actor = run.transitions[j].actor
            self._try(depth, [actor] + starts if actor in starts else starts)

    def _try(self, depth: int, pids: list[int]) -> None:
        """Add to the decision at `depth` the first of `pids` that could run there."""
        branch = self.path[depth]
        for pid in pids:
            if pid not in branch.candidates:
                continue
            if self._over_bound(depth, pid):
                self.bounded = True
            else:
                branch.backtrack.add(pid)
            return

    def _over_bound(self, depth: int, pid: int) -> bool:
        if self.bound is None:
            return False
        preemptions = sum(1 for b in self.path[:depth]
                          if b.previous is not None and b.chosen != b.previous)
        here = self.path[depth]
        return preemptions + (here.previous is not None and pid != here.previous) > self.bound

    def next_branch(self) -> bool:
        """Set up the next run: the deepest decision with a process still to try. False when
        there is none: the search is over."""
        while self.path:
            depth = len(self.path) - 1
            branch = self.path[depth]
            for pid in branch.candidates:
                if pid in branch.backtrack and pid not in branch.explored \
                        and pid not in branch.sleep:
                    self.prefix = [b.chosen for b in self.path[:depth]] + [pid]
                    self.asleep_there = branch.sleep | set(branch.explored)
                    self.sleep, self.slept = {}, {}
                    return True
            self.path.pop()
        return False
