"""What `explore()` found: each outcome, how many interleavings gave it, the shortest
example of each, and a way to replay one (with its race marked) to look at it."""
from __future__ import annotations

import html
from collections import Counter
from typing import Any, Callable

from ..runtime import Node
from ..runtime.policies import Replay
from ..trace import callable_name, short
from .races import HappensBefore
from .runs import Run, run_once

class ExploreResult:
    """The outcomes of a scenario's interleavings (see `explore()`).

    `runs`: interleavings run to the end; `complete`: every distinct interleaving was
    covered; `outcomes`: outcome -> interleavings; `redundant`: runs cut short because
    all that followed had been explored (DPOR's sleep sets); `duplicates`: runs equivalent
    to an earlier one (brute force and sampling run many); `stopped`: why the search
    ended early, if it did.
    """

    def __init__(self, scenario: Callable, args: tuple, method: str, trace_limit: int,
                 faults: list | None = None) -> None:
        self.scenario = scenario
        self.args = args
        self.method = method
        self.trace_limit = trace_limit
        self.faults = faults                # injected in every run, if any
        self.runs = 0
        self.redundant = 0
        self.duplicates = 0
        self.complete = False
        self.stopped: str | None = None
        self.outcomes: Counter = Counter()
        self._examples: dict[Any, tuple[int, str]] = {}

    def add(self, outcome: Any, schedule: str, events: int) -> None:
        """Count a run that gave `outcome`; keep it as the example if it is the shortest."""
        self.runs += 1
        self.outcomes[outcome] += 1
        if outcome not in self._examples or (events, schedule) < self._examples[outcome]:
            self._examples[outcome] = (events, schedule)

    def example(self, outcome: Any) -> str:
        """The schedule of the shortest run that gave `outcome`: `reset(schedule=...)`,
        then the scenario, replays it."""
        if outcome not in self._examples:
            seen = ", ".join(short(o, 30) for o in self.outcomes) or "none"
            raise KeyError(f"no interleaving gave {short(outcome)} (the outcomes: {seen})")
        return self._examples[outcome][1]

    def replay(self, outcome: Any) -> Node:
        """Run the shortest interleaving that gave `outcome` again, on a node of its own
        (the current node stays): its trace draws, replays and prints. The race that
        decides the outcome, two operations that in the other order lead elsewhere, is
        marked in the trace (`race` event) and drawn."""
        run, node = run_once(self.scenario, self.args, _following(self.example(outcome)),
                             trace_limit=self.trace_limit, log=print, faults=self.faults)
        if run.outcome != outcome:
            raise RuntimeError(f"replayed, the run gave {short(run.outcome)}, not "
                               f"{short(outcome)}: the scenario does not repeat itself")
        race = self._deciding_race(run)
        if race is not None:
            first, second, instead = race
            node.record("race", node.shell.pid.number, first, second, instead)
        return node

    def _deciding_race(self, run: Run) -> tuple[int, int, Any] | None:
        """(step, step, other outcome): a race that decides `run`'s outcome. Of the other
        outcomes' examples, the nearest (the fewest dependent pairs in the other order)
        is compared with `run`; of the pairs it orders the other way, the race is a pair
        of messages to one mailbox if there is one, and of those the one that spans the
        most: the last operation of `run` whose order differs, with the earliest it was
        swapped with. (Swapping two calls that only read decides nothing; the read
        swapped with the write after it does.) A transition is known across runs by its
        process, its number among the process's, and its operation. None if there is no
        other outcome."""
        keys, ordered = _pairs(run)
        at = {key: n for n, key in enumerate(keys)}
        traced = [(a, b) for a, b in ordered
                  if run.transitions[at[a]].steps and run.transitions[at[b]].steps]
        best = None
        for outcome in sorted(self.outcomes, key=repr):
            if outcome == run.outcome:
                continue
            other, _ = run_once(self.scenario, self.args, _following(self.example(outcome)),
                                trace_limit=self.trace_limit, faults=self.faults)
            where = {key: n for n, key in enumerate(_pairs(other)[0])}
            flipped = [(a, b) for a, b in traced
                       if a in where and b in where and where[a] > where[b]]
            if flipped and (best is None or len(flipped) < best[0]):
                first = min(flipped, key=lambda pair: (not _messages(run, at, pair),
                                                       -at[pair[1]], at[pair[0]]))
                best = (len(flipped), first, outcome)
        if best is None:
            return None
        _, (a, b), outcome = best
        return run.transitions[at[a]].steps[0], run.transitions[at[b]].steps[0], outcome

    # -- what people see -------------------------------------------------------------------

    def _call(self) -> str:
        name = getattr(self.scenario, "__name__", "scenario")
        # a class or a function by its name, as the trace shows it: `PlainBank`
        args = (callable_name(a) if callable(a) else short(a, 200) for a in self.args)
        return f"{name}({', '.join(args)})"

    def _summary(self) -> str:
        noun = "interleaving" if self.runs == 1 else "interleavings"
        if self.complete:
            state = "complete"
        else:
            state = f"not complete: {self.stopped}" if self.stopped else "not complete"
        extra = []
        if self.redundant:
            extra.append(f"{self.redundant:,} cut short as explored before")
        if self.duplicates:
            extra.append(f"{self.duplicates:,} equivalent to an earlier one")
        more = f"; {', '.join(extra)}" if extra else ""
        return f"explore({self._call()}, method={self.method!r}): {self.runs:,} {noun}, " \
               f"{state}{more}"

    def _rows(self) -> list[tuple[str, str, str]]:
        return [(short(outcome, 40), f"{count:,}", self.example(outcome))
                for outcome, count in sorted(self.outcomes.items(),
                                             key=lambda item: (-item[1], repr(item[0])))]

    def _how_to_replay(self) -> str:
        if not self.outcomes:
            return ""
        rare = min(self.outcomes, key=lambda o: (self.outcomes[o], repr(o)))
        faults = f", faults={self.faults!r}" if self.faults else ""
        return (f"To see one: r.replay({rare!r}).trace.diagram(), where r is what explore "
                f"returned (r = explore(...)); or, in a fresh cell: "
                f"reset(schedule={self.example(rare)!r}{faults}); {self._call()}")

    def __repr__(self) -> str:
        rows = self._rows()
        width = max([len("outcome")] + [len(r[0]) for r in rows])
        lines = [self._summary(), f"  {'outcome':<{width}}  interleavings  shortest example"]
        lines += [f"  {o:<{width}}  {n:>13}  {s}" for o, n, s in rows]
        tail = self._how_to_replay()
        return "\n".join(lines + ([tail] if tail else []))

    def _repr_html_(self) -> str:
        cells = "".join(f"<tr><td><code>{html.escape(o)}</code></td>"
                        f"<td style='text-align:right'>{n}</td><td><code>{html.escape(s)}"
                        "</code></td></tr>" for o, n, s in self._rows())
        tail = html.escape(self._how_to_replay())
        return (f"<p>{html.escape(self._summary())}</p><table><tr><th>outcome</th>"
                f"<th>interleavings</th><th>shortest example</th></tr>{cells}</table>"
                f"<p><small>{tail}</small></p>")


def _following(schedule: str) -> Callable:
    """A strategy that makes a recorded schedule's choices again."""
    follow = Replay(schedule)
    return lambda run, candidates, node: follow.choose(candidates)


def _messages(run: Run, at: dict, pair: tuple) -> bool:
    """Whether both of `pair` (keys of `run`'s transitions) send a message."""
    return all(run.transitions[at[key]].operation[0] == "send" for key in pair)


def _pairs(run: Run) -> tuple[list, list]:
    """Each transition of `run` named as (process, its number among the process's, its
    operation), and every pair of dependent ones, in the order they came."""
    order = HappensBefore(run.transitions)
    keys = [(t.actor, order.seq[n], t.operation[:1]) for n, t in enumerate(run.transitions)]
    ordered = [(keys[i], keys[j]) for j, dependent in enumerate(order.dependent)
               for i in dependent]
    return keys, ordered



class FaultsResult:
    """What `explore(..., faults=...)` found: the outcomes without a fault, then with each
    fault (or set of faults) injected at each point where it could change something.

    `baseline` is the ExploreResult without faults; `by_fault` maps each fault's text
    ("kill 'accounts' after its receive #2") to the ExploreResult with it injected.
    """

    def __init__(self, baseline: ExploreResult, by_fault: dict[str, ExploreResult]) -> None:
        self.baseline = baseline
        self.by_fault = by_fault

    @property
    def complete(self) -> bool:
        return self.baseline.complete and all(r.complete for r in self.by_fault.values())

    @property
    def runs(self) -> int:
        return self.baseline.runs + sum(r.runs for r in self.by_fault.values())

    def outcomes(self, fault: str | None = None) -> Counter:
        """The outcomes with `fault` (its text) injected, or without a fault (None)."""
        return self.baseline.outcomes if fault is None else self._with(fault).outcomes

    def replay(self, fault: str | None, outcome: Any) -> Node:
        """Replay the shortest run giving `outcome` with `fault` injected (see
        ExploreResult.replay)."""
        return (self.baseline if fault is None else self._with(fault)).replay(outcome)

    def _with(self, fault: str) -> ExploreResult:
        if fault not in self.by_fault:
            known = "; ".join(self.by_fault) or "none"
            raise KeyError(f"no fault {fault!r} was explored (the faults: {known})")
        return self.by_fault[fault]

    def _lines(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """Each fault's text (or "no fault") and its outcomes, as (outcome, count) texts."""
        rows = [("no fault", self.baseline)] + list(self.by_fault.items())
        return [(label, [(short(o, 40), f"{n:,}") for o, n in
                         sorted(r.outcomes.items(), key=lambda i: (-i[1], repr(i[0])))])
                for label, r in rows]

    def __repr__(self) -> str:
        head = (f"explore({self.baseline._call()}) with faults: {self.runs:,} interleavings, "
                f"{'complete' if self.complete else 'not complete'}")
        lines = self._lines()
        width = max(len(label) for label, _ in lines)
        return "\n".join([head] + [f"  {label:<{width}}  " +
                                    "; ".join(f"{o} in {n}" for o, n in outcomes)
                                    for label, outcomes in lines])

    def _repr_html_(self) -> str:
        # Outcomes in code style, as ExploreResult's table shows them.
        cells = "".join(f"<tr><td>{html.escape(label)}</td><td>" +
                        "; ".join(f"<code>{html.escape(o)}</code> in {n}" for o, n in outcomes)
                        + "</td></tr>" for label, outcomes in self._lines())
        head = html.escape(repr(self).splitlines()[0])
        return f"<p>{head}</p><table><tr><th>fault</th><th>outcomes</th></tr>{cells}</table>"
