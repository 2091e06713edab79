"""Happens-before and races in one run, the heart of dynamic partial-order reduction.

A transition *happens before* another when it must come first: the same process did it
earlier, or the other received a message it sent, or was spawned by it, or the two are
dependent (footprints.py) and it came first; and so on, transitively. Each transition
gets a *vector clock*: for each process, how many of that process's transitions happen
before it (or are it).

Two dependent transitions of different processes are in a *race* when nothing else
orders them: the first happens before the second only because of their own dependency.
Then the other order is possible too, and may end differently, so the search must try
it: from the decision just before the first, let a process go first that starts that
other order (source-set DPOR, Abdulla, Aronis, Jonsson and Sagonas, POPL 2014).

>>> from actorlab.explore.footprints import Footprint
>>> from actorlab.explore.runs import Transition
>>> send_a = Transition(1, ("send",), 0, range(1, 2), Footprint(writes={("mbox", 3)}))
>>> send_b = Transition(2, ("send",), 1, range(2, 3), Footprint(writes={("mbox", 3)}))
>>> races(HappensBefore([send_a, send_b]))      # two sends to one mailbox
[(0, 1)]
"""
from __future__ import annotations

from .footprints import Footprint
from .runs import Transition

FENCE = -1
"""The vector-clock entry of the fences (the shell, timers), which order everything."""


class HappensBefore:
    """The happens-before order of one run's transitions (see the module docstring)."""

    def __init__(self, transitions: list[Transition]) -> None:
        self.transitions = transitions
        self.clocks: list[dict[int, int]] = []
        self.seq: list[int] = []                # each one's number among its process's
        self.preds: list[list[int]] = []        # what it directly comes after
        self.dependent: list[list[int]] = []    # ... of which, dependent and of another
        counts: dict[int, int] = {}
        last_of: dict[int, int] = {}
        sent_in = {step: index for index, t in enumerate(transitions) for step in t.steps}
        spawned_in = {child: index for index, t in enumerate(transitions) for child in t.spawned}
        touched = _Touched()
        last_fence = -1
        for index, t in enumerate(transitions):
            actor = FENCE if t.actor is None else t.actor
            counts[actor] = counts.get(actor, 0) + 1
            self.seq.append(counts[actor])
            preds = set()
            if actor in last_of:
                preds.add(last_of[actor])
            elif t.actor in spawned_in:
                preds.add(spawned_in[t.actor])
            preds.update(sent_in[s] for s in t.sent if sent_in.get(s, index) < index)
            if t.actor is None:             # a fence comes after everything since the last
                preds.update(range(max(last_fence, 0), index))
                dependent = []
                touched = _Touched()
                last_fence = index
            else:
                if last_fence >= 0:
                    preds.add(last_fence)
                dependent = [earlier for earlier in touched.maybe(t.footprint)
                             if transitions[earlier].actor != t.actor
                             and t.footprint.conflicts(transitions[earlier].footprint)]
                preds.update(dependent)
                touched.add(index, t.footprint)
            clock: dict[int, int] = {}
            for p in preds:
                for key, value in self.clocks[p].items():
                    if clock.get(key, 0) < value:
                        clock[key] = value
            clock[actor] = self.seq[index]
            self.clocks.append(clock)
            self.preds.append(sorted(preds))
            self.dependent.append(sorted(dependent))
            last_of[actor] = index

    def before(self, first: int, second: int) -> bool:
        """Does transition `first` happen before transition `second` (or is it it)?"""
        actor = self.transitions[first].actor
        return self.clocks[second].get(FENCE if actor is None else actor, 0) >= self.seq[first]


class _Touched:
    """The transitions since the last fence, by what they read and wrote: so that finding
    the ones a new transition may depend on looks at a few, not all (`maybe` may say too
    many; `Footprint.conflicts` decides)."""

    def __init__(self) -> None:
        self.readers: dict = {}             # a piece of state -> transitions reading it
        self.writers: dict = {}             # ... writing it
        self.sends: dict = {}               # pid number -> transitions sending to it
        self.polls: dict = {}               # pid number -> transitions polling its mailbox
        self.all_of_it: list[int] = []      # transitions that depend on everything
        self.indexes: list[int] = []

    def add(self, index: int, footprint: Footprint) -> None:
        self.indexes.append(index)
        if footprint.everything:
            self.all_of_it.append(index)
        for key in footprint.reads:
            self.readers.setdefault(key, []).append(index)
        for key in footprint.writes:
            self.writers.setdefault(key, []).append(index)
        for number, _ in footprint.sends:
            self.sends.setdefault(number, []).append(index)
        for number, _ in footprint.polls:
            self.polls.setdefault(number, []).append(index)

    def maybe(self, footprint: Footprint) -> list[int]:
        if footprint.everything:
            return list(self.indexes)
        found = set(self.all_of_it)
        for key in footprint.reads:
            found.update(self.writers.get(key, ()))
        for key in footprint.writes:
            found.update(self.writers.get(key, ()))
            found.update(self.readers.get(key, ()))
        for number, _ in footprint.sends:
            found.update(self.sends.get(number, ()))
            found.update(self.polls.get(number, ()))
        for number, _ in footprint.polls:
            found.update(self.sends.get(number, ()))
        return sorted(found)


def races(order: HappensBefore) -> list[tuple[int, int]]:
    """Every pair (i, j) of transitions in a race (see the module docstring)."""
    found = []
    for j, dependent in enumerate(order.dependent):
        for i in dependent:
            if not any(order.before(i, d) for d in order.preds[j] if d != i):
                found.append((i, j))
    return found


def other_order(order: HappensBefore, i: int, j: int) -> list[int]:
    """What can run, from just before `i`, to put `j` first: the transitions between them
    that do not depend on `i`, then `j` (the paper's notdep(i).j)."""
    return [u for u in range(i + 1, j) if not order.before(i, u)] + [j]


def reversal(order: HappensBefore, i: int, j: int) -> list[int]:
    """The processes that can go first, at the decision before `i`, to start the other
    order of the race (i, j): the first moves of `other_order` (the paper's initials,
    I(notdep(i).j)), in the order they come."""
    after = other_order(order, i, j)
    starts: list[int] = []
    for position, u in enumerate(after):
        if not any(order.before(w, u) for w in after[:position]):
            actor = order.transitions[u].actor
            if actor is not None and actor not in starts:
                starts.append(actor)
    return starts
