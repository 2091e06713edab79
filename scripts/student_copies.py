"""Make copies of the course for a workshop: one for students, one with the solutions.

    .venv/bin/python scripts/student_copies.py OUT [--clear-outputs]

OUT/student/   the notebooks without their solution cells (hints stay). With
               --clear-outputs, without outputs too, so students see only what they run.
OUT/solutions/ the notebooks with every exercise cell replaced by its solution, run top
               to bottom, so every check shows ✓.
Both get a copy of nbval-sanitize.cfg, so a forked course can be checked the same way.
"""
from __future__ import annotations

import argparse
import re
import shutil
from pathlib import Path

import nbformat

from execute_notebook import run_clean

NOTEBOOKS = Path(__file__).parent.parent / "notebooks"


def tags(cell: nbformat.NotebookNode) -> list[str]:
    return cell.metadata.get("tags", [])


def student_copy(notebook: nbformat.NotebookNode, clear_outputs: bool) -> nbformat.NotebookNode:
    """The notebook without solution cells (and, if asked, without outputs)."""
    copy = nbformat.from_dict(notebook)
    copy.cells = [c for c in copy.cells if "solution" not in tags(c)]
    if clear_outputs:
        for cell in copy.cells:
            if cell.cell_type == "code":
                cell.outputs, cell.execution_count = [], None
    return copy


def solutions_copy(notebook: nbformat.NotebookNode, folder: Path) -> nbformat.NotebookNode:
    """The notebook with each exercise replaced by its solution, run top to bottom."""
    copy = nbformat.from_dict(notebook)
    solutions = {}
    for cell in copy.cells:
        if "solution" in tags(cell):
            name = next(t for t in tags(cell) if t.startswith("ex-"))
            solutions[name] = re.search(r"```python\n(.*?)```", cell.source, re.S).group(1)
    for cell in copy.cells:
        if "exercise" in tags(cell):
            cell.source = solutions[next(t for t in tags(cell) if t.startswith("ex-"))]
    run_clean(copy, folder)
    return copy


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--clear-outputs", action="store_true")
    args = parser.parse_args()
    for kind in ("student", "solutions"):
        (args.out / kind).mkdir(parents=True, exist_ok=True)
        shutil.copy(NOTEBOOKS / "nbval-sanitize.cfg", args.out / kind)
    for path in sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        nbformat.write(student_copy(notebook, args.clear_outputs),
                       args.out / "student" / path.name)
        nbformat.write(solutions_copy(notebook, NOTEBOOKS), args.out / "solutions" / path.name)
        print(f"{path.name}: student and solutions copies written")


if __name__ == "__main__":
    main()
