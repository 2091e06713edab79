"""The course layer: what the notebooks use to check exercises and the set-up.

Notebooks stay thin: checking lives here, in `checks` (findings that say what is wrong)
and one module of exercise checks per notebook.
"""
from .checks import Check
from .setup import setup_check

__all__ = ["Check", "setup_check"]
