"""Run notebooks top to bottom in a fresh kernel and save them with their outputs.

    .venv/bin/python scripts/execute_notebook.py notebooks/*.ipynb

The saved outputs are what `pytest --nbval` compares against, so run this after editing
a notebook. Widget state is not kept (it goes stale and confuses file viewers); the
views show a static picture wherever widgets cannot run.
"""
from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient


def execute(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(notebook, timeout=120, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    notebook.metadata.pop("widgets", None)
    nbformat.write(notebook, path)
    print(f"executed {path}")


if __name__ == "__main__":
    for name in sys.argv[1:]:
        execute(Path(name))
