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

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def run_clean(notebook: nbformat.NotebookNode, folder: Path) -> None:
    """Run `notebook` in a fresh kernel started in `folder`, keeping no run noise.

    No wall-clock timings (`execution` cell metadata) and no widgets are kept: a saved
    widget would point at a model that is gone once the kernel stops (and whose id is new
    each run), so a replay is saved as its static picture, which a reopened notebook shows
    until the cell runs again. Printed text is saved as one output per stream (the kernel
    may split it into chunks differently from run to run). So re-running an unchanged
    notebook leaves its file unchanged.
    """
    NotebookClient(notebook, timeout=120, kernel_name="python3", record_timing=False,
                   resources={"metadata": {"path": str(folder)}}).execute()
    notebook.metadata.pop("widgets", None)
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
        if cell.cell_type == "code":
            cell.outputs = merged_streams(cell.outputs)
            for output in cell.outputs:
                output.get("data", {}).pop(WIDGET_VIEW, None)


def merged_streams(outputs: list) -> list:
    """`outputs` with each run of consecutive same-stream chunks joined into one."""
    merged: list = []
    for output in outputs:
        last = merged[-1] if merged else None
        if output.output_type == "stream" and last is not None and \
                last.output_type == "stream" and last.name == output.name:
            last.text += output.text
        else:
            merged.append(output)
    return merged


def execute(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    run_clean(notebook, path.parent)
    nbformat.write(notebook, path)
    print(f"executed {path}")


if __name__ == "__main__":
    for name in sys.argv[1:]:
        execute(Path(name))
