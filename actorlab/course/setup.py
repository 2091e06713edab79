"""The set-up check of notebook 00: is everything the course needs here?

It prints a ✓ or an ✗ per requirement and, for an ✗, what to do. It prints no version
numbers, so the notebook shows the same text on every machine where all is well.
"""
from __future__ import annotations

import shutil
import sys


def setup_check() -> None:
    """Check Python, the libraries, graphviz's `dot`, and that a diagram can be drawn."""
    results = [
        _check("Python 3.11 or newer", lambda: sys.version_info >= (3, 11),
               "install Python 3.11+ and run `bash scripts/lab.sh` again"),
        _check("greenlet (runs the processes)", lambda: __import__("greenlet") is not None,
               "run `bash scripts/lab.sh`, which installs it into .venv"),
        _check("graphviz's dot program (draws the diagrams)", lambda: shutil.which("dot"),
               "install it: `sudo apt-get install graphviz` (macOS: `brew install graphviz`)"),
        _check("ipywidgets (the replay widget)", lambda: __import__("ipywidgets") is not None,
               "run `bash scripts/lab.sh`, which installs it into .venv"),
        _check("a sequence diagram can be drawn", _draw_one,
               "fix the items above first; if they are all ✓, tell your instructor"),
    ]
    ok = all(results)
    print("Everything is ready." if ok else "Something is missing: see the ✗ lines above.")


def _check(what: str, test, fix: str) -> bool:
    try:
        ok = bool(test())
    except Exception:
        ok = False
    print(f"{'✓' if ok else '✗'} {what}" + ("" if ok else f" -- {fix}"))
    return ok


def _draw_one() -> bool:
    from ..runtime import Node
    from ..views import diagram

    node = Node(log=None)
    node.spawn(lambda: None)
    return "<svg" in diagram(node.trace).svg()
