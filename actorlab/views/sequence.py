"""Sequence diagrams: one lifeline per process, time going down, one row per event.

Every element is placed by hand (graphviz's neato with all positions pinned), because a
general layout engine reorders lanes and bends arrows. Each drawn element carries CSS
classes naming the step it belongs to (`s12`) and, for things that end, the step that
ends them (`u14`), so the replay widget shows "the diagram up to step k" by hiding
classes, with no new layout and nothing jumping about.

>>> from actorlab import reset, spawn, send, receive, self_pid
>>> node = reset(log=None)
>>> echo = spawn(lambda: send(*receive()), label="echo")
>>> _ = send(echo, (self_pid(), "hi")); _ = receive()
>>> print(SequenceDiagram(node.trace))  # doctest: +NORMALIZE_WHITESPACE
Sequence diagram: 2 processes (shell, echo), steps 1-7 of 7
step  ms  process               event
   1   0  #PID<0.0.0> (shell)   spawn #PID<0.1.0> (echo) running <lambda>()
   2   0  #PID<0.1.0> (echo)    wait for any message
   3   0  #PID<0.0.0> (shell)   send (#PID<0.0.0>, 'hi') to #PID<0.1.0> (echo)
   4   0  #PID<0.1.0> (echo)    receive (#PID<0.0.0>, 'hi') (sent at step 3)
   5   0  #PID<0.1.0> (echo)    send 'hi' to #PID<0.0.0> (shell)
   6   0  #PID<0.1.0> (echo)    exit, reason 'normal'
   7   0  #PID<0.0.0> (shell)   receive 'hi' (sent at step 5)
"""
from __future__ import annotations

from typing import Any, Iterable

import graphviz

from ..runtime import BadArgument
from ..trace import Trace, format_events, short, sleep_length
from .model import Arrow, Mark, Race, Wait, build, lane_names
from .render import FONT, View, label, possessive

LANE_WIDTH = 170        # points between lifelines, at least: wider labels spread them
ROW_HEIGHT = 19         # points between rows
HEADER = 46             # the lane headers' band
LEFT = 46               # the step-number margin
FITS = 30               # characters of 9-point text that fit between two lifelines
RAISE = 8               # text sits this far above its row's line, all text alike: clear of
                        # a flat arrow or link drawn along the row
CHAR = 5.2              # about the width of one character of 9-point text, in points
SHORTEST = 12           # a label cut shorter than this to pass an arrow is left out

COLOURS = {             # by arrow role and mark kind
    "call": "#1f5fbf", "reply": "#1f5fbf", "cast": "#2a8a3a", "message": "#222222",
    "system": "#999999", "exit": "#7a3fbf", "down": "#7a3fbf",
    "spawn": "#555555", "spawned": "#555555", "exit_mark": "#666666", "crash": "#d62728",
    "killed": "#d62728", "signal": "#d62728", "timeout": "#e07b00", "cycle": "#d62728",
    "deadlock": "#d62728", "runaway": "#d62728", "link": "#777777", "unlink": "#777777",
    "monitor": "#777777", "timer": "#e07b00", "dropped": "#d62728", "race": "#ff7f0e",
    "fault": "#c2185b",
}


class SequenceDiagram(View):
    """A sequence diagram of `trace`; see `diagram()` for the options."""

    engine = "neato"
    no_op = True
    halo = True

    def __init__(self, trace: Trace, *, processes: Iterable[Any] | None = None,
                 steps: tuple[int, int] | None = None, hide_system: bool = False,
                 max_rows: int = 200, width: int = FITS, for_replay: bool = False) -> None:
        self.model = build(trace, processes=processes, steps=steps, hide_system=hide_system,
                           max_rows=max_rows)
        self.width = width
        self.lane_width = max(LANE_WIDTH, width * CHAR + 14)
        self.for_replay = for_replay
        self.row_of = {step: index for index, step in enumerate(self.model.rows)}
        graph = graphviz.Digraph("sequence", engine="neato")
        graph.attr(splines="line", outputorder="edgesfirst", bgcolor="white", pad="0.2")
        graph.attr("node", fontname=FONT, fontsize="10", shape="plaintext", margin="0",
                   width="0", height="0")
        graph.attr("edge", fontname=FONT, arrowsize="0.6", penwidth="1.1")
        self._graph = graph
        self._ids = 0
        self._labels: list[tuple[float, float, float]] = []    # (y, x0, x1) of each text
        self._draw()
        super().__init__(graph, self._text(trace))

    # -- geometry ------------------------------------------------------------------

    def x(self, pid: Any) -> float:
        return LEFT + self.lane_width / 2 + self.model.lane(pid).index * self.lane_width

    def y(self, step: int) -> float:
        """The y of a step's row (neato's y grows upwards, so rows go negative)."""
        return -(HEADER + self.row_of[step] * ROW_HEIGHT)

    def bottom(self) -> float:
        return -(HEADER + len(self.model.rows) * ROW_HEIGHT)

    # -- drawing primitives ----------------------------------------------------------

    def _node(self, x: float, y: float, classes: str, **attrs: str) -> str:
        self._ids += 1
        name = f"n{self._ids}"
        self._graph.node(name, pos=f"{x:.1f},{y:.1f}!", **{"class": classes, **attrs})
        return name

    def _point(self, x: float, y: float, classes: str) -> str:
        return self._node(x, y, classes, shape="point", width="0.01", style="invis")

    def _text(self, trace: Trace) -> str:
        model = self.model
        names = ", ".join(lane.name for lane in model.lanes)
        header = (f"Sequence diagram: {len(model.lanes)} processes ({names}), "
                  f"steps {model.first}-{model.last} of {model.total}")
        drawn = set(model.rows)
        events = [e for e in trace.events if e.step in drawn]
        return header + "\n" + format_events(events, lane_names(trace), self.width * 2)

    def _words(self, x: float, y: float, text: str, classes: str, colour: str = "#222222",
               align: str = "left", size: str = "9", width: int | None = None) -> None:
        """A text label starting at x (or ending there, for align="right")."""
        width = width or self.width
        text = text if len(text) <= width else text[: width - 1] + "…"
        span = len(text) * CHAR           # about the width of the text, in points
        left = x if align == "left" else x - span
        self._labels.append((y, left, left + span))
        # The text is justified to one side of a box a little wider than the estimate (the
        # picture's edge is the boxes' edge): the words start (or end) at x exactly,
        # whatever the font's real widths. No background: where a line passes behind
        # words, both stay visible (a white box would cut it in two).
        box = span * float(size) / 9 * 1.15
        going = 1 if align == "left" else -1
        self._node(x + going * box / 2, y, classes, label=label(text, align[0]),
                   fontcolor=colour, fontsize=size, fixedsize="shape", width=f"{box / 72:.3f}",
                   height=f"{float(size) * 1.5 / 72:.3f}")

    def _leader(self, x0: float, x1: float, y: float, classes: str, colour: str) -> None:
        """A thin line at height y from x0 to x1: it ties a note on a lane's left to that
        lane (else it would read as its left neighbour's)."""
        ends = [self._point(x, y, classes) for x in (x0, x1)]
        self._graph.edge(*ends, color=colour, penwidth="0.8", arrowhead="none",
                         **{"class": classes})

    # -- the diagram -------------------------------------------------------------------

    def _draw(self) -> None:
        for lane in self.model.lanes:
            self._draw_lane(lane)
        for step in self.model.rows:
            self._words(6, self.y(step) + RAISE, str(step), f"ev s{step} stepno", "#aaaaaa",
                        size="8")
        for race in self.model.races:      # first, so every arrow is drawn over it
            self._draw_race_line(race)
        for wait in self.model.waits:
            self._draw_wait(wait)
        for arrow in self.model.arrows:
            self._draw_arrow(arrow)
        for mark in self.model.marks:
            self._draw_mark(mark)
        for race in self.model.races:
            self._draw_race_words(race)

    def race_ends(self, race: Race) -> list[tuple[float, float]]:
        """Where the race line starts and ends: at the two operations' lanes, RAISE below
        their rows. An operation is often a send, whose arrow starts on the row itself and
        may head the same way: the line then runs beside that arrow, not along it."""
        return [(self.x(pid), self.y(step) - RAISE)
                for pid, step in ((race.first_pid, race.first), (race.second_pid, race.second))]

    def _draw_race_line(self, race: Race) -> None:
        """A thick dashed line joining the two operations of a race: see-through, and under
        every arrow (drawn first), so what it passes over still shows."""
        classes = f"ev s{race.second} race"
        ends = [self._point(x, y, classes) for x, y in self.race_ends(race)]
        self._graph.edge(*ends, style="dashed", color=COLOURS["race"] + "99", penwidth="3.5",
                         arrowhead="none", **{"class": classes})

    def _draw_race_words(self, race: Race) -> None:
        """What the race means, along its line, just right of it: on the row nearest the
        line's middle where no arrow runs through the words and they cover no others."""
        text = (f"⇄ race: steps {race.first} and {race.second} the other way give "
                f"{short(race.instead, 20)}")
        top, end = self.row_of[race.first], self.row_of[race.second]
        x0, x1 = self.x(race.first_pid), self.x(race.second_pid)

        def at(index: int) -> float:
            return x0 + (index - top) / max(1, end - top) * (x1 - x0) + 8

        def free(index: int) -> bool:
            y, x = self.y(self.model.rows[index]) + RAISE, at(index)
            return not (self._crossed(y, x, x + len(text) * CHAR)
                        or self._over_words(y, x, x + len(text) * CHAR))

        middle = (top + end) // 2
        rows = sorted(range(top, end + 1), key=lambda index: (abs(index - middle), index))
        index = next((index for index in rows if free(index)), middle)
        self._words(at(index), self.y(self.model.rows[index]) + RAISE, text,
                    f"ev s{race.second} race", COLOURS["race"], size="10", width=len(text))

    def _draw_lane(self, lane: Any) -> None:
        x = self.x(lane.pid)
        self._node(x, -HEADER / 2 + 4, "lane", shape="box", style="rounded,filled",
                   fillcolor="#f3f3f3", color="#bbbbbb", margin="0.06,0.03",
                   label=label(f"{lane.name}\n{lane.pid!r}"), fontsize="10")
        top = self.y(lane.started) if lane.started in self.row_of else -HEADER + 4
        end = self.y(lane.ended) if lane.ended in self.row_of else self.bottom()
        if lane.ended is not None and lane.ended < self.model.first:
            return                       # it ended before the window: no lifeline
        before = self._point(x, -HEADER + 4, "lane")
        start = self._point(x, top, "lane")
        finish = self._point(x, end, "lane")
        if top != -HEADER + 4:
            self._graph.edge(before, start, style="dotted", color="#cccccc", arrowhead="none")
        self._graph.edge(start, finish, color="#bbbbbb", arrowhead="none")

    def _draw_wait(self, wait: Wait) -> None:
        """A shaded bar, one segment per row, so the replay can grow it step by step."""
        x = self.x(wait.pid)
        rows = self.model.rows
        first = self.row_of[wait.start]
        last = self.row_of[wait.end] if wait.end in self.row_of else len(rows)
        for index in range(first, last):
            step = rows[index]
            self._node(x, self.y(step) - ROW_HEIGHT / 2, f"ev s{step} wait", shape="box",
                       style="filled", fillcolor="#d9d9d9", color="#d9d9d9", label="",
                       width="0.11", height=f"{ROW_HEIGHT / 72:.3f}", fixedsize="true")
        what = f"waits for {wait.pattern}" if wait.sleep is None else f"sleeps {sleep_length(wait.sleep)}"
        if wait.waiting_for == wait.pid:      # a call: whose reply matters more than how
            what = "waits for a reply from itself"
        elif wait.waiting_for is not None:
            whose = possessive(self._name(wait.waiting_for))
            what = f"waits for {whose} DOWN" if wait.pattern.startswith("('DOWN'") else \
                f"waits for {whose} reply"
        self._label_beside(wait.start, x, what, f"ev s{wait.start} waitlabel", "#777777")

    def _label_beside(self, step: int, x: float, text: str, classes: str, colour: str,
                      required: bool = False, **style: str) -> None:
        """Text beside a lane at `step`'s row, where no arrow passes through it: on the
        right, else on the left (tied to its lane by a leader, or it reads as the
        neighbour's), else cut short before the first arrow (or, unless `required`, left
        out: the row's event is in the text form anyway). `required` text (a crash, a
        cycle, a deadlock) may run on across the lanes beside, as it must be read whole,
        and stays by the lane it is about; its halo keeps it legible over their lines."""
        width = self.width * 2 if required else self.width
        text = text if len(text) <= width else text[: width - 1] + "…"
        span = len(text) * CHAR
        y = self.y(step) + RAISE
        if not self._crossed(y, x + 9, x + 9 + span):
            self._words(x + 9, y, text, classes, colour, width=width, **style)
        elif span <= self.lane_width - 24 and x - 16 - span >= LEFT and \
                not self._crossed(y, x - 16 - span, x - 16):
            self._leader(x - 14, x - 1, y - 2, classes, colour)
            self._words(x - 16, y, text, classes, colour, align="right", width=width, **style)
        else:
            fits = next((n for n in range(len(text) - 1, SHORTEST - 1, -1)
                         if not self._crossed(y, x + 9, x + 9 + n * CHAR)), None)
            if fits or required:
                self._words(x + 9, y, text, classes, colour, width=fits or width, **style)

    def _crossed(self, y: float, x0: float, x1: float) -> bool:
        """Whether a message's arrow passes through text at height `y` between x0 and x1."""
        low, high = y - 5, y + 6          # the text's band (neato's y grows upwards)
        for arrow in self.model.arrows:
            if arrow.received not in self.row_of:
                continue                  # it ends on its own row, beside its own label
            xs, ys, ye = self.x(arrow.sender), self.y(arrow.sent), self.y(arrow.received)
            if arrow.sender == arrow.to:  # a self-send: a bracket, vertical at xs + 26
                if ye < high and ys > low and x0 <= xs + 26 <= x1:
                    return True
                continue
            xe = self.x(arrow.to)
            top, bottom = min(ys, high), max(ye, low)
            if top <= bottom:
                continue                  # it does not reach this band
            at = [xs + (xe - xs) * (h - ys) / (ye - ys) for h in (top, bottom)]
            if min(at) <= x1 and max(at) >= x0:
                return True
        return False

    def _over_words(self, y: float, x0: float, x1: float) -> bool:
        """Whether text at height `y` between x0 and x1 would cover words drawn before."""
        return any(abs(y - other) < ROW_HEIGHT * 0.8 and left < x1 and right > x0
                   for other, left, right in self._labels)

    def _name(self, pid: Any) -> str:
        """A process's name, with or without a lane here (a pid only if it has none)."""
        return self.model.names.get(pid, repr(pid))

    def _draw_arrow(self, arrow: Arrow) -> None:
        colour = COLOURS[arrow.role]
        style = "dashed" if arrow.role in ("reply", "exit", "down", "system", "timer") else "solid"
        xs, ys = self.x(arrow.sender), self.y(arrow.sent)
        xr = self.x(arrow.to)
        right = xr >= xs
        going = 1 if right else -1
        start = self._point(xs, ys, f"ev s{arrow.sent}")
        received = arrow.received in self.row_of
        if arrow.sender == arrow.to:                # a self-send: a bracket to the right
            side = self._point(xs + 26, ys, f"ev s{arrow.sent}")
            self._graph.edge(start, side, color=colour, style=style, arrowhead="none",
                             **{"class": f"ev s{arrow.sent} msg"})
            if received:
                down = self._point(xs + 26, self.y(arrow.received), f"ev s{arrow.received}")
                end = self._point(xs + 3, self.y(arrow.received), f"ev s{arrow.received}")
                self._graph.edge(side, down, color=colour, style=style, arrowhead="none",
                                 **{"class": f"ev s{arrow.received} msg"})
                self._graph.edge(down, end, color=colour, style=style,
                                 **{"class": f"ev s{arrow.received} msg"})
            else:
                self._mailbox(xs + 32, ys, arrow)     # just past the stub's end
            self._words(xs + 38, ys + RAISE, arrow.label, f"ev s{arrow.sent} msglabel", colour,
                        width=int((self.lane_width - 46) / CHAR))    # short of the next lane
            return
        if received:
            end = self._point(xr - 3 * going, self.y(arrow.received), f"ev s{arrow.received}")
            self._graph.edge(start, end, color=colour, style=style,
                             **{"class": f"ev s{arrow.received} msg"})
            if self.for_replay:     # in flight: a stub to the mailbox, until it is taken
                stub = self._point(xr - 12 * going, ys, f"ev s{arrow.sent} u{arrow.received}")
                self._graph.edge(start, stub, color=colour, style="dotted",
                                 **{"class": f"ev s{arrow.sent} u{arrow.received} inflight"})
        else:
            stop = self._point(xr - 12 * going, ys, f"ev s{arrow.sent}")
            self._graph.edge(start, stop, color=colour, style=style,
                             **{"class": f"ev s{arrow.sent} msg"})
            self._mailbox(xr - 6 * going, ys, arrow)
        words_x = xs + 8 * going
        self._words(words_x, ys + RAISE, arrow.label, f"ev s{arrow.sent} msglabel", colour,
                    align="left" if right else "right")

    def _mailbox(self, x: float, y: float, arrow: Arrow) -> None:
        """Where an unreceived message ends: a mailbox mark, or a cross if it was dropped."""
        if arrow.fate == "dropped":
            self._node(x, y, f"ev s{arrow.sent} dropped", label="✕", fontcolor="#d62728",
                       fontsize="12")
        else:
            self._node(x, y, f"ev s{arrow.sent} unread", label="✉", fontcolor="#555555",
                       fontsize="12")

    def _draw_mark(self, mark: Mark) -> None:
        x, y = self.x(mark.pid), self.y(mark.step)
        kind = "exit_mark" if mark.kind == "exit" else mark.kind
        colour = COLOURS.get(kind, "#555555")
        classes = f"ev s{mark.step} mark {mark.kind}"
        if mark.peer is not None and mark.peer != mark.pid and \
                any(lane.pid == mark.peer for lane in self.model.lanes):
            xp = self.x(mark.peer)
            a, b = self._point(x, y, classes), self._point(xp, y, classes)
            self._graph.edge(a, b, color=colour, style="dashed",
                             arrowhead="normal" if mark.kind in ("spawn", "signal") else "none",
                             **{"class": classes})
            going = 1 if xp >= x else -1
            # The words ride along their line, as near its start as no arrow crosses them.
            span = min(len(mark.text), self.width) * CHAR
            starts = [x + going * at for at in range(8, int(abs(xp - x) - span - 8) + 1, 10)]
            start = next((s for s in starts if not self._crossed(
                y + RAISE, min(s, s + going * span), max(s, s + going * span))), x + 8 * going)
            self._words(start, y + RAISE, mark.text, classes, colour,
                        align="left" if going > 0 else "right")
            return
        if mark.kind in ("crash", "killed", "exit"):
            self._node(x, y, classes, label="✖" if mark.kind != "exit" else "■",
                       fontcolor=colour, fontsize="11")
        elif mark.kind == "timeout":
            self._node(x, y, classes, label="●", fontcolor=colour, fontsize="10")
        loud = mark.kind in ("crash", "killed", "deadlock", "cycle", "runaway", "fault")
        # (a loud mark's text may cross lanes: an exit reason is often what the lesson is)
        self._label_beside(mark.step, x, mark.text, classes, colour, required=loud,
                           size="10" if loud else "9")


def diagram(trace: Trace, **options: Any) -> SequenceDiagram:
    """Draw `trace` as a sequence diagram: one lane per process, time going down, one row
    per event (the numbers on the left are the trace's steps).

    Options: `processes` (pids or names to show, as lanes in that order), `steps`
    ((first, last) window), `hide_system` (hide OTP's bookkeeping messages and
    monitor/alias events), `max_rows` (longer traces show their last rows; default 200),
    `width` (characters of a label before "…"; default 30; more spreads the lanes).
    A bad option raises `BadArgument`, saying what it takes.

    What the marks mean:

    ==========================  =====================================================
    blue arrow                  a call (a request whose sender waits for the reply)
    dashed blue arrow           a reply
    green arrow                 a cast
    black arrow                 any other message
    dashed purple arrow         an EXIT or a DOWN message (news from a link or monitor)
    dashed grey arrow           spawn, or OTP's bookkeeping ("$ack", ...)
    dashed red arrow            an exit signal that ends the process it reaches, or
                                that it ignores ("normal", not trapped)
    grey line, no arrowhead     link, unlink or monitor
    grey bar on a lane          the process waits in receive, or sleeps
    ✉ at an arrow's end         the message is still in the mailbox, unread
    ✕ at an arrow's end         the message was dropped: its receiver had ended or no
                                longer takes it (a reply after a timeout), or a fault
                                lost it
    ■                           the process ended on purpose ("normal", "shutdown")
    red ✖                       the process crashed, or was killed (any other reason)
    orange ●                    a receive gave up: its timeout ran out
    red words                   a call cycle, a deadlock, a crash
    dotted top of a lane        the process did not exist yet
    ⏱ and a dashed orange arrow  send_after: a timer set, and the message it sends
    magenta ⚡                   an injected fault (actorlab.faults): a kill, a message
                                dropped or delayed (⏳ while held), a partition
    thick dashed orange line, ⇄  a race that explore() found decides the outcome
    ==========================  =====================================================

    >>> from actorlab import reset
    >>> node = reset(log=None)
    >>> diagram(node.trace, max_rows=0)
    Traceback (most recent call last):
    ...
    actorlab.runtime.errors.BadArgument: max_rows is the number of rows to show, a whole number from 1 up, not 0
    """
    width = options.get("width", FITS)
    if type(width) is not int or width < 4:
        raise BadArgument(f"width is the number of characters a label may have, a whole "
                          f"number from 4 up, not {width!r}")
    return SequenceDiagram(trace, **options)
