"""The instructor kit: student and solutions copies, and the static site."""
import importlib.util
import re
from pathlib import Path

import nbformat

ROOT = Path(__file__).parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def script(name, monkeypatch):
    """Load scripts/NAME.py as running it would: with scripts/ on the import path."""
    monkeypatch.syspath_prepend(str(ROOT / "scripts"))
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_student_copies_lose_their_solutions_and_optionally_their_outputs(monkeypatch):
    copies = script("student_copies", monkeypatch)
    for path in NOTEBOOKS:
        notebook = nbformat.read(path, as_version=4)
        kept = copies.student_copy(notebook, clear_outputs=False)
        assert not [c for c in kept.cells if "solution" in c.metadata.get("tags", [])]
        assert len(kept.cells) == len(notebook.cells) - sum(
            "solution" in c.metadata.get("tags", []) for c in notebook.cells)
        cleared = copies.student_copy(notebook, clear_outputs=True)
        assert all(not c.outputs for c in cleared.cells if c.cell_type == "code")
        assert any(c.outputs for c in kept.cells if c.cell_type == "code")


def test_the_solutions_copy_passes_its_checks(monkeypatch):
    copies = script("student_copies", monkeypatch)
    path = ROOT / "notebooks" / "02_building_call.ipynb"
    solved = copies.solutions_copy(nbformat.read(path, as_version=4), path.parent)
    checks = [c for c in solved.cells if "check" in c.metadata.get("tags", [])]
    assert checks and all(c.outputs[0].text.startswith("✓") for c in checks)
    assert all("execution" not in c.metadata for c in solved.cells)


def test_the_site_builds_without_warnings_with_every_diagram_described(tmp_path, monkeypatch):
    pages = script("build_site", monkeypatch).build(tmp_path)          # a warning would raise
    assert [p.name for p in pages] == ["index.html"] + [f"{p.stem}.html" for p in NOTEBOOKS]
    index = (tmp_path / "index.html").read_text()
    assert all(f'href="{p.stem}.html"' in index for p in NOTEBOOKS)
    for path in NOTEBOOKS:
        page = (tmp_path / f"{path.stem}.html").read_text()
        pictures = sum("image/svg+xml" in o.get("data", {})
                       for c in nbformat.read(path, as_version=4).cells
                       for o in c.get("outputs", []))
        described = re.findall(r'<img alt="([^"]+)" src="data:image/svg\+xml', page)
        assert len(described) == pictures, path.name
        assert ".ipynb\"" not in page, f"{path.name} links to a notebook, not a page"


def test_the_ci_template_installs_what_setup_needs_and_runs_the_test_command():
    """docs/ci/check-course.yml runs where setup.sh is not root: it must apt-get install
    every program setup.sh would, or the fork's CI stops at the first missing one."""
    import yaml

    workflow = yaml.safe_load((ROOT / "docs" / "ci" / "check-course.yml").read_text())
    commands = "\n".join(step.get("run", "") for step in workflow["jobs"]["test"]["steps"])
    assert "bash scripts/test.sh" in commands
    setup = (ROOT / "scripts" / "setup.sh").read_text()
    needed = re.findall(r'^\s*need_program \S+ "?([^"\n]+?)"? "', setup, re.M)
    packages = {package for group in needed for package in group.split()}
    assert {"graphviz", "chromium", "elixir", "erlang-nox"} <= packages
    for package in packages:
        assert re.search(rf"apt-get install -y [^\n]*\b{package}\b", commands), \
            f"the CI template does not install {package}"
