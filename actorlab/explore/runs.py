"""One interleaving: run the scenario on a fresh, preemptive node, steered by a strategy,
and cut what happened into transitions.

In a preemptive node every process stops before each visible operation, and the
scheduler asks its policy who goes on. `Steer` is that policy: it asks a strategy (the
DPOR search, or a sampler) at each decision, and notes each *transition*: what the chosen
process did from that operation up to the next point where it stopped (it waited, it
ended, or it reached its next visible operation). What the shell and the timers do in
between is a *fence*: it comes after everything before it and before everything after.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

from ..runtime import BadArgument, Node
from ..runtime.api import use_node
from ..runtime.policies import Policy, StopRun
from ..runtime.process import Process
from .footprints import Footprint, Reader

RUN_STEPS = 20_000
"""The step budget of one run: a scenario whose processes never settle is stopped."""


class TraceTooLong(BadArgument):
    """The scenario made more trace events than explore() keeps for one run (its
    `trace_limit`): explore cannot tell what happened after."""


class Unexplorable(StopRun):
    """Ends a run because the scenario cannot be explored (`error` says why)."""

    def __init__(self, error: Exception) -> None:
        super().__init__(str(error))
        self.error = error


@dataclass
class Decision:
    """A point where the strategy chose who goes on."""

    candidates: list[int]          # the runnable pids, oldest first
    chosen: int
    previous: int | None           # whoever ran just before, if it could go on (else None)


@dataclass
class Transition:
    """What one process did after a decision, or (actor None) a fence."""

    actor: int | None
    operation: tuple
    decision: int | None
    steps: range                   # its trace steps
    footprint: Footprint
    sent: list[int] = field(default_factory=list)     # steps of the messages it received
    spawned: list[int] = field(default_factory=list)  # pids it spawned
    killed: list[int] = field(default_factory=list)   # other processes it ended


@dataclass
class Run:
    """One interleaving, as it went."""

    decisions: list[Decision] = field(default_factory=list)
    transitions: list[Transition] = field(default_factory=list)
    outcome: Any = None
    stopped: bool = False          # the strategy ended it (a redundant run)
    schedule: str = ""
    events: int = 0


class Steer(Policy):
    """The policy of an explored node: it asks `decide(run, candidates, node)` for each
    choice and records the run's decisions and transitions."""

    preemptive = True

    def __init__(self, decide: Callable[[Run, Sequence[Process], Node], int]) -> None:
        self.decide = decide
        self.run = Run()
        self.node: Node = None      # type: ignore[assignment]  set once the node exists
        self.reader = Reader()
        self.mark = 1               # the first trace step not yet in a transition
        self.open: tuple | None = None   # (actor, operation, decision) of the one running

    def choose(self, candidates: Sequence[Process]) -> int:
        self.close()
        previous = self.run.transitions[-1].actor if self.run.transitions else None
        pids = [proc.pid.number for proc in candidates]
        index = self.decide(self.run, candidates, self.node)
        chosen = candidates[index]
        self.run.decisions.append(Decision(pids, chosen.pid.number,
                                           previous if previous in pids else None))
        self.open = (chosen.pid.number, chosen.pending, len(self.run.decisions) - 1)
        return index

    def idle(self) -> None:
        self.close()

    def close(self) -> None:
        """End the transition under way (or the fence) at the trace's current end."""
        trace = self.node.trace
        if trace.truncated:
            raise Unexplorable(TraceTooLong(
                f"the scenario made more trace events than explore() keeps ({trace.limit:,}):"
                " make it smaller, or pass trace_limit="))
        end = len(trace) + 1
        if self.open is None and end == self.mark:
            return
        events = [trace[step - 1] for step in range(self.mark, end)]
        actor, operation, decision = self.open or (None, (), None)
        self.run.transitions.append(Transition(
            actor, operation, decision, range(self.mark, end),
            self.reader.footprint(actor, operation, events),
            sent=[e.data["sent"] for e in events if e.kind == "receive" and e.data["sent"]],
            spawned=[e.data["child"].number for e in events if e.kind == "spawn"],
            killed=[e.pid.number for e in events if e.kind == "exit" and e.pid.number != actor]))
        self.open = None
        self.mark = end


def run_once(scenario: Callable, args: tuple, decide: Callable, *,
             trace_limit: int, log: Callable | None = None,
             faults: list | None = None) -> tuple[Run, Node]:
    """Run `scenario(*args)` once in the shell of a fresh preemptive node, steered by
    `decide`, with `faults` injected; the current node is put back afterwards. Returns
    the run and its node (closed: its trace can be read and drawn)."""
    steer = Steer(decide)
    node = Node(policy=steer, trace=True, trace_limit=trace_limit, max_steps=RUN_STEPS,
                log=log, faults=faults)
    steer.node = node
    previous = use_node(node)
    try:
        steer.run.outcome = outcome_of(scenario, args)
        steer.close()
    except Unexplorable as stop:
        raise stop.error from None
    except StopRun:
        steer.run.stopped = True
    finally:
        use_node(previous)
    steer.run.schedule = node.schedule
    steer.run.events = len(node.trace)
    node.close()
    return steer.run, node


def outcome_of(scenario: Callable, args: tuple) -> Any:
    """What a run gives: the scenario's return value, or the class name of what it raised.
    A return value must be hashable, since outcomes are counted."""
    try:
        outcome = scenario(*args)
    except (StopRun, KeyboardInterrupt):
        raise
    except BaseException as error:      # an Exit too, which is not an Exception
        return type(error).__name__
    try:
        hash(outcome)
    except TypeError:
        raise BadArgument(f"the scenario returned {outcome!r}, which explore() cannot count: "
                          "return something hashable (a tuple instead of a list, a "
                          "frozenset instead of a set)") from None
    return outcome
