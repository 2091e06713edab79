"""Build the course as a static website: one HTML page per notebook, plus an index.

    .venv/bin/python scripts/build_site.py [OUT]        (default: build/site)

Pages keep their saved outputs, so every diagram shows as a picture; the replay widgets,
which need a live kernel, show their static diagram instead. Links between notebooks
point at the pages. Any warning while building is an error: the tests build the site.
"""
from __future__ import annotations

import base64
import html
import logging
import re
import sys
import warnings
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter

ROOT = Path(__file__).parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


class _Fail(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.WARNING:
            raise RuntimeError(f"warning while building the site: {record.getMessage()}")


def build(out: Path) -> list[Path]:
    """Write the site into `out`; return the pages written."""
    out.mkdir(parents=True, exist_ok=True)
    exporter = HTMLExporter(template_name="lab")
    exporter.log.addHandler(_Fail())
    pages = []
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for path in NOTEBOOKS:
            notebook = with_alternative_text(nbformat.read(path, as_version=4))
            body, _ = exporter.from_notebook_node(notebook)
            body = re.sub(r'href="(\d\d_[\w-]+)\.ipynb"', r'href="\1.html"', body)
            page = out / f"{path.stem}.html"
            page.write_text(body)
            pages.append(page)
    items = "\n".join(f'<li><a href="{p.name}">{_title_html(n)}</a></li>'
                      for p, n in zip(pages, NOTEBOOKS))
    index = out / "index.html"
    index.write_text(f"<!DOCTYPE html><html><head><meta charset='utf-8'>"
                     f"<title>actorlab</title></head><body style='font-family:sans-serif;"
                     f"max-width:50em;margin:2em auto'><h1>actorlab: the actor model, "
                     f"bottom-up</h1><ul style='list-style:none'>{items}</ul></body></html>\n")
    return [index] + pages


def with_alternative_text(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Each diagram as an <img> whose alternative text is the first line of the view's own
    text form ("Sequence diagram: 2 processes (shell, stats), steps 3-14 of 14")."""
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "image/svg+xml" in data:
                alt = html.escape(data.get("text/plain", "a diagram").splitlines()[0], quote=True)
                svg = base64.b64encode(data.pop("image/svg+xml").encode()).decode()
                data.pop("application/vnd.jupyter.widget-view+json", None)
                data["text/html"] = f'<img alt="{alt}" src="data:image/svg+xml;base64,{svg}">'
    return notebook


def _title_html(path: Path) -> str:
    """A notebook's title (its first heading) as HTML, its `code` spans as <code>."""
    first = nbformat.read(path, as_version=4).cells[0].source.splitlines()[0]
    title = html.escape(first.lstrip("# ").strip())
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", title)


if __name__ == "__main__":
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "site"
    for page in build(out):
        print(f"wrote {page}")
