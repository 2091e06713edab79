"""The views layer: pictures drawn from a trace, never from live processes, so a trace
saved as JSON draws the same picture later.

* `diagram(trace)`: a sequence diagram (one lifeline per process, time going down);
* `wait_for_graph(trace)`: who waits for whom, with any cycle marked;
* `supervision_tree(trace)`: supervisors and their children;
* `replay(trace)`: a widget that steps through the trace.

Each shows as SVG in Jupyter, and prints as text.
"""
from .sequence import SequenceDiagram, diagram

__all__ = ["SequenceDiagram", "diagram"]
