"""The README's example shows real output: run its code and compare."""
import contextlib
import html
import io
import os
import re
import struct
import subprocess
from pathlib import Path

import graphviz

import pytest

from actorlab import DeadlockError

README = Path(__file__).parent.parent / "README.md"


def test_the_readme_taste_prints_what_the_readme_says(tmp_path):
    text = README.read_text()
    code = re.search(r"```python\n(.*?)```", text, re.S).group(1)
    shown = re.search(r"Running it shows:\n\n```text\n(.*?)```", text, re.S).group(1)
    script = tmp_path / "taste.py"
    script.write_text(code)
    out = io.StringIO()
    with contextlib.redirect_stdout(out), pytest.raises(DeadlockError) as caught:
        exec(compile(code, str(script), "exec"), {})
    rendered = out.getvalue() + "\n".join(caught.value._render_traceback_()) + "\n"
    assert rendered == shown


DOCS = [README, *sorted((README.parent / "docs").rglob("*.md"))]


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_every_relative_link_in_the_docs_leads_to_a_file_in_the_repository(path):
    """A clone has only the repository: no link may lead outside it, or to nothing."""
    root = README.parent.resolve()
    text = re.sub(r"```.*?```", "", path.read_text(), flags=re.S)
    targets = re.findall(r"\]\(([^)\s]+)\)", text)
    assert targets or path != README
    for target in targets:
        if re.match(r"[a-z]+:", target) or target.startswith("#"):
            continue                                   # a web address, or an anchor
        found = (path.parent / target.split("#")[0]).resolve()
        assert found.is_relative_to(root), f"{path.name} links outside the repository: {target}"
        assert found.exists(), f"{path.name} links to {target}, which does not exist"


def test_docs_img_is_what_the_views_draw_today(monkeypatch):
    """Each picture in docs/img carries the fingerprint of the source it was drawn from;
    after a change to the views, run scripts/render_docs_images.py."""
    monkeypatch.syspath_prepend(str(README.parent / "scripts"))
    import render_docs_images as images

    wanted = images.pictures()
    folder = README.parent / "docs" / "img"
    assert sorted(p.name for p in folder.glob("*.png")) == sorted(wanted), \
        "docs/img has other pictures than the gallery draws: run scripts/render_docs_images.py"
    for name, view in wanted.items():
        assert images.stamp_of((folder / name).read_bytes()) == images.fingerprint(view), \
            f"docs/img/{name} is stale: run scripts/render_docs_images.py"


def test_the_readme_picture_shows_its_messages_whole(monkeypatch):
    monkeypatch.syspath_prepend(str(README.parent / "scripts"))
    import render_docs_images as images

    assert "](docs/img/self_call_deadlock.png)" in README.read_text()
    hero = images.pictures()["self_call_deadlock.png"]
    labels = [a.label for a in hero.model.arrows]
    assert labels and all(len(label) <= hero.width for label in labels), labels
    assert "(#PID<0.0.0>, #Ref<0.1>, 'twice')" in html.unescape(hero.svg())


def test_the_docs_pictures_are_drawn_in_the_notebooks_font():
    """graphviz's PNGs ask fontconfig for the views' FONT, as a browser does for the SVG.
    The name "Helvetica" alone made graphviz fall back to DejaVu Sans (a browser on Linux
    shows Liberation Sans): scripts/setup.sh installs the fonts."""
    from actorlab.views.render import FONT

    graph = graphviz.Digraph()
    graph.node("a", fontname=FONT)
    run = subprocess.run(["dot", "-v", "-Tpng", "-o", os.devnull], input=graph.source,
                         capture_output=True, text=True, check=True)
    resolved = [line for line in run.stderr.splitlines()
                if line.startswith(f'fontname: "{FONT}" resolved to')]
    assert resolved and "DejaVu" not in resolved[0], resolved


def test_every_docs_picture_has_words_readable_at_a_page_width(monkeypatch):
    """Shown 1,000 pixels wide, 9-point words are at least 6 pixels tall: a picture is at
    most 1,500 points wide (fan_out had twelve lanes: 2,500 points, words of 3 pixels)."""
    monkeypatch.syspath_prepend(str(README.parent / "scripts"))
    import render_docs_images as images

    for png in sorted((README.parent / "docs" / "img").glob("*.png")):
        width = struct.unpack(">I", png.read_bytes()[16:20])[0]
        assert width * 72 / images.DPI <= 1500, f"{png.name} is {width} pixels wide"
