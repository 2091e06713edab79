"""explore(): run a scenario in every interleaving that can give a different result.

Outside `explore`, a process runs until it waits, and the same program always runs the
same way. On the BEAM a process can be stopped (preempted) anywhere, and the order in
which processes' operations happen can differ from run to run. `explore` runs a scenario
in each order that matters and counts the outcomes, as Concuerror does for Erlang:

>>> from actorlab import explore, spawn, send, receive, self_pid
>>> def who_is_first():
...     me = self_pid()
...     spawn(lambda: [spawn(send, me, "ann"), spawn(send, me, "bob")])
...     return receive()
>>> explore(who_is_first).outcomes
Counter({'ann': 1, 'bob': 1})

How it works, in order of reading: footprints.py (when the order of two operations
matters), runs.py (one run, cut into transitions), races.py (happens-before and races),
search.py (the depth-first search: DPOR, or brute force), sampling.py (random and PCT),
result.py (what it found).
"""
from __future__ import annotations

import pickle
import time
from concurrent.futures import Executor, ProcessPoolExecutor
from typing import Any, Callable

from ..runtime import BadArgument, current_node
from ..trace import short
from .progress import Progress, in_a_kernel
from .races import HappensBefore
from ..runtime.faults import injector
from .faulting import fault_sets, points
from .result import ExploreResult, FaultsResult
from .runs import run_once
from .sampling import sample
from .search import Search

METHODS = ("dpor", "all", "random", "pct")
SAMPLED_RUNS = 100
"""Runs a sampling method makes when max_runs is not given."""

__all__ = ["explore", "ExploreResult", "FaultsResult", "METHODS"]


def explore(scenario: Callable, *args: Any, method: str = "dpor",
            max_runs: int | None = None, max_seconds: float | None = 60,
            bound: int | None = None, seed: int = 0, depth: int = 3,
            workers: int | None = None, executor: Executor | None = None,
            trace_limit: int = 20_000, progress: bool | None = None,
            faults: list | None = None, max_faults: int = 1) -> Any:
    """Run `scenario(*args)` in the shell of a fresh node, once per interleaving of its
    processes that can give a different result, and count what each returns (or the class
    name of what it raises, as "DeadlockError"). The current node is left as it was.

    `method`: "dpor" (every interleaving that matters, each once: dynamic partial-order
    reduction with sleep sets), "all" (every interleaving, equivalent ones too: what
    brute force costs), "random" (random runs) or "pct" (probabilistic concurrency
    testing, with `depth`). `max_runs` and `max_seconds` stop a search early (then
    `complete` is False); `bound` skips interleavings with more than `bound`
    preemptions; `seed` seeds the sampling methods. `workers` (or an `executor`, any
    `concurrent.futures.Executor`) spread random and PCT runs over several processes;
    the scenario must then be importable. `progress` shows a bar (default: in notebooks).
    `faults` (made by `actorlab.faults`): explore again with each fault injected at each
    point where it could change something (up to `max_faults` at once), and count the
    outcomes per fault (see faulting.py); the result is then a `FaultsResult`.

    A scenario starts its concurrency from a process: after each of the shell's own
    actions, the others run until none can (the shell's rule), so the shell never races
    with its own processes. Concuerror interleaves its test process like any other; to
    explore the same orders here, spawn one process that starts the others (see
    docs/concuerror.md).
    """
    _check(scenario, method, max_runs, max_seconds, bound, depth, workers, executor)
    if faults is not None:
        return _with_faults(scenario, args, faults, max_faults, method, max_runs,
                            max_seconds, bound, trace_limit, progress)
    result = ExploreResult(scenario, args, method, trace_limit)
    shown = Progress(max_runs, in_a_kernel() if progress is None else progress)
    started = time.monotonic()
    if method in ("dpor", "all"):
        _search(result, Search(reduce=method == "dpor", bound=bound), max_runs, max_seconds,
                started, shown)
    else:
        _sample(result, seed, depth, max_runs or SAMPLED_RUNS, workers, executor, shown)
    shown.update(result.runs, result.outcomes, final=True)
    return result


def _with_faults(scenario: Callable, args: tuple, templates: Any, max_faults: int,
                 method: str, max_runs: int | None, max_seconds: float | None,
                 bound: int | None, trace_limit: int, progress: bool | None) -> FaultsResult:
    """Explore without faults, then with each set of fault points (see faulting.py)."""
    if method not in ("dpor", "all"):
        raise BadArgument("faults are explored with method 'dpor' or 'all'")
    if isinstance(max_faults, bool) or not isinstance(max_faults, int) or max_faults < 1:
        raise BadArgument(f"max_faults is a whole number of at least 1, not {short(max_faults)}")
    templates = list(templates) if isinstance(templates, (list, tuple)) else [templates]
    injector(templates, None)           # refuses what is not a fault, as reset() would
    shown = Progress(None, in_a_kernel() if progress is None else progress)
    started = time.monotonic()
    baseline = ExploreResult(scenario, args, method, trace_limit)
    traces: list = []
    _search(baseline, Search(reduce=method == "dpor", bound=bound), max_runs, max_seconds,
            started, shown, traces.append)
    by_fault = {}
    for chosen in fault_sets(points(templates, traces), max_faults):
        result = ExploreResult(scenario, args, method, trace_limit, faults=chosen)
        _search(result, Search(reduce=method == "dpor", bound=bound), max_runs, max_seconds,
                started, shown)
        by_fault[" and ".join(map(str, chosen))] = result
    total = baseline.runs + sum(r.runs for r in by_fault.values())
    shown.update(total, baseline.outcomes, final=True)
    return FaultsResult(baseline, by_fault)


def _search(result: ExploreResult, search: Search, max_runs: int | None,
            max_seconds: float | None, started: float, shown: Progress,
            observe: Callable | None = None) -> None:
    seen: set = set()
    while True:
        run, node = run_once(result.scenario, result.args, search.decide,
                             trace_limit=result.trace_limit, faults=result.faults)
        if observe is not None:
            observe(node.trace)
        order = HappensBefore(run.transitions)
        search.learn(run, order)
        if run.stopped:
            result.redundant += 1
        else:
            result.add(run.outcome, run.schedule, run.events)
            signature = _signature(run, order)
            result.duplicates += signature in seen
            seen.add(signature)
        shown.update(result.runs, result.outcomes)
        if max_runs is not None and result.runs >= max_runs:
            result.stopped = f"max_runs={max_runs} reached"
        elif max_seconds is not None and time.monotonic() - started > max_seconds:
            result.stopped = f"max_seconds={max_seconds:g} reached"
        elif not search.next_branch():
            result.complete = not search.bounded
            if search.bounded:
                result.stopped = "bounded: interleavings with more preemptions were skipped"
            return
        if result.stopped:
            return


def _signature(run: Any, order: HappensBefore) -> frozenset:
    """What makes two runs equivalent: each process's sequence of operations, and the
    order of every pair of dependent transitions (a Mazurkiewicz trace)."""
    steps = [(t.actor, order.seq[n], t.operation[:1]) for n, t in enumerate(run.transitions)]
    pairs = [(steps[i], steps[j]) for j, dependent in enumerate(order.dependent)
             for i in dependent]
    return frozenset(steps) | frozenset(pairs)


def _sample(result: ExploreResult, seed: int, depth: int, runs: int, workers: int | None,
            executor: Executor | None, shown: Progress) -> None:
    decisions = 1
    if result.method == "pct":          # how many decisions a run makes, for PCT's points
        probe, _ = run_once(result.scenario, result.args,
                            lambda run, candidates, node: 0, trace_limit=result.trace_limit)
        decisions = max(1, len(probe.decisions))
    arguments = (result.scenario, result.args, result.method, seed)
    rest = (depth, decisions, result.trace_limit)
    if workers is None and executor is None:
        found = sample(*arguments, range(runs), *rest)
    else:
        chunks = _chunks(runs, (workers or 2) * 4)
        pool = executor or ProcessPoolExecutor(workers)
        try:
            futures = [pool.submit(sample, *arguments, chunk, *rest) for chunk in chunks]
            found = [item for future in futures for item in future.result()]
        finally:
            if executor is None:
                pool.shutdown()
    for outcome, schedule, events in found:
        result.add(outcome, schedule, events)
    result.stopped = f"sampled {runs:,} runs ({result.method})"


def _chunks(total: int, parts: int) -> list[range]:
    """`range(total)` cut into about `parts` consecutive pieces."""
    size = max(1, -(-total // parts))
    return [range(start, min(start + size, total)) for start in range(0, total, size)]


def _check(scenario: Any, method: Any, max_runs: Any, max_seconds: Any, bound: Any,
           depth: Any, workers: Any, executor: Any) -> None:
    """Refuse what explore() cannot use, saying what it takes."""
    node = current_node()
    if node.current is not node.shell:
        raise BadArgument("explore() is for the shell (a notebook cell), not for a process")
    if not callable(scenario):
        raise BadArgument(f"explore needs a function to run, not {short(scenario)}: "
                          "explore(lost_update, 2), not explore(lost_update(2))")
    if method not in METHODS:
        raise BadArgument(f"method is one of {', '.join(map(repr, METHODS))}, not {short(method)}")
    for name, value in (("max_runs", max_runs), ("bound", bound), ("workers", workers)):
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)
                                  or value < (0 if name == "bound" else 1)):
            least = 0 if name == "bound" else 1
            raise BadArgument(f"{name} is a whole number of at least {least}, or None, "
                              f"not {short(value)}")
    if max_seconds is not None and (isinstance(max_seconds, bool) or
                                    not isinstance(max_seconds, (int, float))
                                    or max_seconds <= 0):
        raise BadArgument(f"max_seconds is a positive number of seconds, or None, "
                          f"not {short(max_seconds)}")
    if isinstance(depth, bool) or not isinstance(depth, int) or depth < 1:
        raise BadArgument(f"depth (PCT's) is a whole number of at least 1, not {short(depth)}")
    if (workers is not None or executor is not None):
        if method not in ("random", "pct"):
            raise BadArgument(f"workers and executor spread random and pct runs; {method!r} "
                              "runs in this process (its runs depend on each other)")
        try:
            pickle.dumps(scenario)
        except Exception:
            raise BadArgument(f"with workers, the scenario goes to other processes, so it "
                              f"must be importable: define {short(scenario)} in a module "
                              "(a .py file) and import it, not in a notebook cell or a "
                              "function") from None
