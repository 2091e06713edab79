"""The README's example shows real output: run its code and compare."""
import contextlib
import html
import io
import re
from pathlib import Path

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
