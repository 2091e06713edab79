"""The replay widget: step through a trace, watching the diagram grow and the mailboxes fill.

The sequence diagram is laid out and rendered once; every element in it carries the step
it belongs to as a CSS class. Showing step k is then only a matter of a small style sheet
(hide what comes later, highlight step k), so stepping is instant and nothing moves.

>>> from actorlab import reset, spawn, send, receive
>>> node = reset(log=None)
>>> pid = spawn(lambda: receive("never"), label="stuck")
>>> _ = send(pid, "hello")
>>> player = Replay(node.trace)
>>> player.go_to(player.last)
>>> print(player.table_text())
step 3 of 3: #PID<0.0.0> (shell) send 'hello' to #PID<0.1.0> (stuck)
  shell  #PID<0.0.0>  running
  stuck  #PID<0.1.0>  waits for 'never'  mailbox: 'hello'
"""
from __future__ import annotations

import html
import itertools
from typing import Any

from ..trace import Trace, describe, short
from .sequence import SequenceDiagram
from .state import replay_states

_ids = itertools.count(1)   # each replay scopes its style sheet to its own SVG


class Replay:
    """Play, pause, step and scrub through `trace`. Diagram options as for `diagram()`.

    Without a live kernel (a static HTML export, a file viewer) it shows as the static
    sequence diagram. `go_to(step)`, `forward()` and `back()` drive it from code.
    """

    def __init__(self, trace: Trace, **options: Any) -> None:
        self.trace = trace
        self.diagram = SequenceDiagram(trace, for_replay=True, **options)
        self.steps = self.diagram.model.rows or [0]
        self.states = replay_states(trace)
        self.names = trace.names()
        self.id = f"actorlab-replay-{next(_ids)}"
        svg = self.diagram.svg()
        start = svg.index("<svg")
        self._svg_head, self._svg_tail = svg[:start] + f'<svg id="{self.id}"', svg[start + 4:]
        self.index = 0
        self._widget: Any = None

    @property
    def step(self) -> int:
        """The step shown now."""
        return self.steps[self.index]

    @property
    def last(self) -> int:
        return self.steps[-1]

    # -- driving it -------------------------------------------------------------------

    def go_to(self, step: int) -> None:
        """Show the diagram as it was after `step` (the nearest drawn step at or before it)."""
        drawn = [i for i, s in enumerate(self.steps) if s <= step]
        self.index = drawn[-1] if drawn else 0
        self._refresh()

    def forward(self) -> None:
        self.index = min(self.index + 1, len(self.steps) - 1)
        self._refresh()

    def back(self) -> None:
        self.index = max(self.index - 1, 0)
        self._refresh()

    # -- what it shows ------------------------------------------------------------------

    def frame_svg(self, highlight: bool = True) -> str:
        """The diagram up to the current step, with the current step highlighted."""
        scope = f"#{self.id}"
        step = self.step
        shown = ",".join(f"{scope} .s{s}" for s in self.steps if s <= step) or f"{scope} .none"
        gone = ",".join(f"{scope} .u{s}" for s in self.steps if s <= step) or f"{scope} .none"
        style = (f"<style>{scope} .ev{{display:none}} {shown}{{display:inline}} "
                 f"{gone}{{display:none}} ")
        if highlight:
            style += (f"{scope} .s{step} text{{fill:#d62728;font-weight:bold}} "
                      f"{scope} .s{step} path{{stroke:#d62728;stroke-width:2.5}}")
        style += "</style>"
        head_end = self._svg_tail.index(">") + 1
        return self._svg_head + self._svg_tail[:head_end] + style + self._svg_tail[head_end:]

    def final_svg(self) -> str:
        """The whole diagram, as the last step leaves it, unhighlighted: the static picture."""
        index, self.index = self.index, len(self.steps) - 1
        try:
            return self.frame_svg(highlight=False)
        finally:
            self.index = index

    def event_text(self) -> str:
        if not len(self.trace):
            return "step 0 of 0: nothing happened"
        event = self.trace[self.step - 1]
        who = f"{event.pid!r} ({self.names.get(event.pid, '?')})"
        return f"step {self.step} of {len(self.trace)}: {who} {describe(event, self.names)}"

    def rows(self) -> list[tuple[str, str, str, list]]:
        """(name, pid, state, mailbox) per process alive or dead after the current step."""
        states = self.states[self.step]
        return [(s.name, repr(s.pid), s.describe(self.names), list(s.mailbox))
                for _, s in sorted(states.items())]

    def table_text(self) -> str:
        lines = [self.event_text()]
        for name, pid, state, mailbox in self.rows():
            mail = f"  mailbox: {', '.join(short(m, 40) for m in mailbox)}" if mailbox else ""
            lines.append(f"  {name}  {pid}  {state}{mail}")
        return "\n".join(lines)

    def table_html(self) -> str:
        """The step's event, and a table of every process: its state and its mailbox."""
        pad = "style='padding:3px 18px 3px 0;vertical-align:top;text-align:left'"
        cells = "".join(
            f"<tr><td {pad}><b>{html.escape(name)}</b><br><small>{html.escape(pid)}</small>"
            f"</td><td {pad}>{html.escape(state)}</td>"
            f"<td {pad}>{'<br>'.join(html.escape(short(m, 60)) for m in mailbox) or '—'}"
            "</td></tr>"
            for name, pid, state, mailbox in self.rows())
        return (f"<div style='font-family:sans-serif;font-size:13px;margin:4px 0'>"
                f"{html.escape(self.event_text())}</div>"
                "<table style='font-family:sans-serif;font-size:12px;border-collapse:collapse'>"
                f"<tr><th {pad}>process</th><th {pad}>state</th><th {pad}>mailbox</th></tr>"
                f"{cells}</table>")

    # -- the widget -------------------------------------------------------------------

    def widget(self) -> Any:
        """The ipywidgets box: play / pause, step buttons, a slider, the diagram, the table."""
        if self._widget is None:
            self._widget = _build_widget(self)
        return self._widget

    def frame_html(self) -> str:
        """The frame for the widget: a wide diagram scrolls rather than being cut off."""
        return f"<div style='overflow-x:auto;max-width:100%'>{self.frame_svg()}</div>"

    def _refresh(self) -> None:
        if self._widget is not None:
            self._widget.slider.value = self.index
            self._widget.picture.value = self.frame_html()
            self._widget.table.value = self.table_html()

    def _repr_mimebundle_(self, include: object = None, exclude: object = None) -> dict:
        bundle = self.widget()._repr_mimebundle_()
        bundle = dict(bundle) if bundle else {}
        bundle["image/svg+xml"] = self.final_svg()     # where widgets cannot run
        bundle["text/plain"] = repr(self)
        return bundle

    def __repr__(self) -> str:
        return (f"Replay of {len(self.trace)} events ({len(self.steps)} drawn); "
                f"the last step:\n{self.diagram.text}")


def _build_widget(player: Replay) -> Any:
    import ipywidgets as widgets

    count = len(player.steps) - 1
    play = widgets.Play(value=0, min=0, max=count, interval=600, description="play")
    slider = widgets.IntSlider(value=0, min=0, max=count, description="step",
                               readout=False, layout=widgets.Layout(width="420px"))
    widgets.jslink((play, "value"), (slider, "value"))
    back = widgets.Button(description="◀ step", layout=widgets.Layout(width="80px"))
    forward = widgets.Button(description="step ▶", layout=widgets.Layout(width="80px"))
    picture = widgets.HTML(player.frame_html())
    table = widgets.HTML(player.table_html())

    def moved(change: dict) -> None:
        if change["new"] != player.index:
            player.index = change["new"]
            player._refresh()

    slider.observe(moved, names="value")
    back.on_click(lambda _: player.back())
    forward.on_click(lambda _: player.forward())
    box = widgets.VBox([widgets.HBox([play, back, forward, slider]), table, picture])
    box.slider, box.picture, box.table = slider, picture, table
    return box


def replay(trace: Trace, **options: Any) -> Replay:
    """A widget that steps through `trace`; options as for `diagram()`."""
    return Replay(trace, **options)
