"""A progress bar for `explore()` in a notebook: runs so far, and the outcomes seen.

It is an ipywidgets bar, updated as the search goes (at most ten times a second). Its
saved form is empty text, so a notebook's saved output does not depend on how fast the
machine was; outside a notebook kernel there is no bar at all.
"""
from __future__ import annotations

import time
from collections import Counter
from typing import Any

from ..trace import short


def in_a_kernel() -> bool:
    """True when running in a Jupyter kernel, where widgets can show."""
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    return shell is not None and hasattr(shell, "kernel")


class _Shown:
    """What is displayed: the live widget, and empty text for anything that cannot show it."""

    def __init__(self, widget: Any) -> None:
        self.widget = widget

    def _repr_mimebundle_(self, **_: Any) -> dict:
        bundle = self.widget._repr_mimebundle_()
        bundle["text/plain"] = ""
        return bundle


class Progress:
    """Shows `runs` of `total` (None: unknown) and the outcomes so far."""

    def __init__(self, total: int | None, enabled: bool) -> None:
        self.bar = None
        self.shown_at = 0.0
        if not enabled:
            return
        import ipywidgets
        from IPython.display import display
        self.bar = ipywidgets.IntProgress(value=0, min=0, max=total or 1,
                                          description="explore", bar_style="info")
        self.label = ipywidgets.Label(value="starting")
        self.total = total
        display(_Shown(ipywidgets.HBox([self.bar, self.label])))

    def update(self, runs: int, outcomes: Counter, final: bool = False) -> None:
        if self.bar is None or not (final or time.monotonic() - self.shown_at > 0.1):
            return
        self.shown_at = time.monotonic()
        if self.total is None:
            self.bar.max = max(self.bar.max, runs * 2)
        self.bar.value = runs
        seen = ", ".join(f"{short(o, 20)}: {n:,}" for o, n in outcomes.most_common(4))
        self.label.value = f"{runs:,} runs; {seen}" + (" ..." if len(outcomes) > 4 else "")
        if final:
            self.bar.max = max(runs, 1)
            self.bar.value = runs
            self.bar.bar_style = "success"
