"""Write the links between the notebooks, so nobody types (or mistypes) them by hand.

    .venv/bin/python scripts/notebook_links.py           # rewrite the links
    .venv/bin/python scripts/notebook_links.py --check   # fail if any link is out of date

Each notebook's title is its first heading (`# 05 · GenServer`). In every markdown cell,
the link after `**Previous:**` is set to the notebook before, the link after `**Next:**`
to the one after (text following the link is kept), and the map in 00_start_here, the
lines between `<!-- map -->` and `<!-- /map -->`, lists every notebook. The last notebook
ends with `**Back to the start:**` and a link to the first instead of a Next link; when
another notebook comes after it, its Back to the start becomes a Next link, and the
reverse. Both the .ipynb and its jupytext .py twin are rewritten, so they stay paired.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import nbformat

NOTEBOOKS = Path(__file__).parent.parent / "notebooks"
LINK = r"\[[^\]]*\]\([^)]*\.ipynb\)"
BACK = "Back to the start"
"""What the last notebook says, with a link to the first, where the others say Next."""


def titles() -> dict[str, str]:
    """Each notebook's file name and its title, in course order."""
    found = {}
    for path in sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")):
        first = nbformat.read(path, as_version=4).cells[0].source
        found[path.name] = re.match(r"# (.+)", first).group(1).strip()
    return found


def minutes(name: str) -> str:
    """The time a notebook says it takes (its `**Time:** N minutes`), or ""."""
    first = nbformat.read(NOTEBOOKS / name, as_version=4).cells[0].source
    found = re.search(r"\*\*Time:\*\* (\d+) minutes", first)
    return f" ({found.group(1)} min)" if found else ""


def relink(text: str, name: str, course: dict[str, str]) -> str:
    """`text` with its Previous/Next links (and, in 00, the map) pointing where they should."""
    names = list(course)
    at = names.index(name)

    def link(other: str) -> str:
        return f"[{course[other]}]({other})"

    last = at == len(names) - 1
    ending = (BACK, link(names[0])) if last else ("Next", link(names[at + 1]))
    text = re.sub(rf"\*\*(Next|{BACK}):\*\* {LINK}",
                  lambda m: f"**{ending[0]}:** {ending[1]}", text)
    if at > 0:
        text = re.sub(rf"\*\*Previous:\*\* {LINK}",
                      lambda m: f"**Previous:** {link(names[at - 1])}", text)
    return re.sub(r"(<!-- map -->\n).*?((# )?<!-- /map -->)",
                  lambda m: m.group(1) + course_map(course, m.group(3) or "") + m.group(2),
                  text, flags=re.S)


def course_map(course: dict[str, str], prefix: str) -> str:
    """One line per notebook, as a numbered list; `prefix` is "# " in a .py twin."""
    lines = []
    for name, title in course.items():
        number, _, words = title.partition(" · ")
        entry = f"**{words}** (this notebook)" if number == "00" else \
            f"[{words}]({name}){minutes(name)}"
        lines.append(f"{prefix}{int(number)}. {entry}\n")
    return "".join(lines)


def update(check: bool) -> list[str]:
    """Rewrite every notebook and its twin; return the names of those that changed."""
    course, changed = titles(), []
    for name in course:
        path = NOTEBOOKS / name
        notebook = nbformat.read(path, as_version=4)
        edited = False
        for cell in notebook.cells:
            if cell.cell_type == "markdown":
                new = relink(cell.source, name, course)
                edited |= new != cell.source
                cell.source = new
        twin = path.with_suffix(".py")
        source = twin.read_text()
        new_source = relink(source, name, course)
        if edited or new_source != source:
            changed.append(name)
            if not check:
                nbformat.write(notebook, path)
                twin.write_text(new_source)
    return changed


if __name__ == "__main__":
    checking = "--check" in sys.argv
    stale = update(checking)
    for name in stale:
        print(f"{name}: links {'out of date' if checking else 'rewritten'}")
    sys.exit(1 if checking and stale else 0)
