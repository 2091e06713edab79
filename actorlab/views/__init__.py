"""The views layer: pictures drawn from a trace, never from live processes, so a trace
saved as JSON draws the same picture later.

* `diagram(trace)`: a sequence diagram (one lifeline per process, time going down);
* `wait_for_graph(trace)`: who waits for whom, with any cycle marked;
* `supervision_tree(trace)`: supervisors and their children;
* `replay(trace)`: a widget that steps through the trace.

Each shows as SVG in Jupyter, and prints as text.
"""
from .graphs import SupervisionTree, WaitForGraph, supervision_tree, wait_for_graph
from .replay import Replay, replay
from .sequence import SequenceDiagram, diagram
from .state import ProcessState, replay_states

__all__ = ["ProcessState", "Replay", "SequenceDiagram", "SupervisionTree", "WaitForGraph",
           "diagram", "replay", "replay_states", "supervision_tree", "wait_for_graph"]
