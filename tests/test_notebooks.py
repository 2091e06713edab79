"""The course notebooks: paired with reviewable .py sources, every exercise with a folded
hint and solution and a catalogue of wrong answers, every check explaining each wrong
answer and passing when the solutions are filled in.

(nbval, run by the same test command, checks that each notebook's saved outputs are what
it prints today, with the exercises unsolved.)
"""
import re
from pathlib import Path

import jupytext
import nbformat
import pytest
from nbclient import NotebookClient

import wrong_answers

NOTEBOOKS = sorted((Path(__file__).parent.parent / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def ids(paths):
    return [p.stem for p in paths]


def tagged(notebook, tag):
    return [c for c in notebook.cells if tag in c.metadata.get("tags", [])]


def exercise_id(cell):
    return next(t for t in cell.metadata["tags"] if t.startswith("ex-"))


def test_there_are_notebooks():
    assert len(NOTEBOOKS) >= 2


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_the_py_source_and_the_notebook_say_the_same(path):
    source = jupytext.read(path.with_suffix(".py"))
    saved = nbformat.read(path, as_version=4)
    assert [c.source for c in source.cells] == [c.source for c in saved.cells], \
        f"run: jupytext --sync {path.with_suffix('.py').name} (in notebooks/)"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_every_exercise_has_a_folded_hint_and_solution(path):
    notebook = nbformat.read(path, as_version=4)
    for cell in tagged(notebook, "exercise"):
        name = exercise_id(cell)
        for kind in ("hint", "solution"):
            folded = [c for c in tagged(notebook, kind) if name in c.metadata["tags"]]
            assert len(folded) == 1, f"{name} needs exactly one {kind} cell"
            assert folded[0].source.startswith("<details><summary>"), f"{name}'s {kind} is shown"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_every_exercise_has_a_catalogue_of_wrong_answers(path):
    """notebooks/wrong_answers/NN_name.md: at least four plausible mistakes per exercise."""
    notebook = nbformat.read(path, as_version=4)
    exercises = [exercise_id(c) for c in tagged(notebook, "exercise")]
    wrong = wrong_answers.catalogue(path)
    for name in exercises:
        count = sum(w.exercise == name and not w.passes for w in wrong)
        assert count >= 4, f"{path.stem}: {name} has {count} wrong answers catalogued, not 4"
    unknown = {w.exercise for w in wrong} - set(exercises)
    assert not unknown, f"{path.stem}'s catalogue names exercises it does not have: {unknown}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_an_exercise_aimed_at_a_misconception_catalogues_more_wrong_answers(path):
    """A misconception a catalogue names is one the instructor guide names for the
    notebook, and its exercise has at least six wrong answers."""
    guide = re.sub(r"\s+", " ", (path.parent.parent / "docs" / "instructors.md").read_text())
    wrong = wrong_answers.catalogue(path)
    for name, phrases in wrong_answers.misconceptions(path).items():
        for phrase in phrases:
            assert re.sub(r"\s+", " ", phrase) in guide, \
                f"{path.stem} {name}: docs/instructors.md does not name {phrase!r}"
        count = sum(w.exercise == name and not w.passes for w in wrong)
        assert count >= 6, f"{path.stem} {name} targets a misconception: {count} wrong answers"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_every_check_explains_each_wrong_answer_and_passes_the_solution(path):
    """Mutation testing for the course. The notebook runs top to bottom; at each exercise,
    every catalogued wrong answer takes the exercise cell's place in turn, followed by the
    exercise's check, which must fail (✗), raise nothing and print the catalogued words
    (a catalogued right answer, `Passes.`, must pass). Then the solution takes the cell,
    and its check must pass (✓)."""
    notebook = nbformat.read(path, as_version=4)
    solutions = {exercise_id(c): re.search(r"```python\n(.*?)```", c.source, re.S).group(1)
                 for c in tagged(notebook, "solution")}
    wrong = wrong_answers.catalogue(path)
    cells, probes = [], []
    for index, cell in enumerate(notebook.cells):
        if "exercise" in cell.metadata.get("tags", []):
            name = exercise_id(cell)
            check = next(c for c in notebook.cells[index:] if "check" in c.metadata.get("tags", []))
            for answer in (w for w in wrong if w.exercise == name):
                probe = nbformat.v4.new_code_cell(check.source)
                cells += [nbformat.v4.new_code_cell(answer.code), probe]
                probes.append((answer, probe))
            cell.source = solutions[name]
        cells.append(cell)
    notebook.cells = cells
    NotebookClient(notebook, timeout=60, kernel_name="python3", allow_errors=True,
                   interrupt_on_timeout=True,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    problems = []
    for cell in notebook.cells:
        errors = [o for o in cell.get("outputs", []) if o.output_type == "error"]
        if errors and "raises-exception" not in cell.metadata.get("tags", []):
            problems.append(f"this cell raised {errors[0].ename}: {errors[0].evalue}\n"
                            f"{cell.source}")
    for answer, probe in probes:
        text = "".join(o.get("text", "") for o in probe.outputs)
        if answer.passes:
            if not text.startswith("✓"):
                problems.append(f"{answer.exercise} · {answer.title}: a right answer, and "
                                f"the check rejected it:\n{text}")
            continue
        missing = [phrase for phrase in answer.says if phrase not in text]
        if not text.startswith("✗") or missing:
            problems.append(f"{answer.exercise} · {answer.title}: the check "
                            f"{'passed it' if text.startswith('✓') else 'did not say'} "
                            f"{missing or ''}:\n{text}")
    for cell in tagged(notebook, "check"):           # the probes carry no tags
        text = "".join(o.get("text", "") for o in cell.outputs)
        if not text.startswith("✓"):
            problems.append(f"with its solution, this check says:\n{text}")
    assert not problems, "\n\n".join(problems)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_every_link_to_another_notebook_works(path):
    notebook = nbformat.read(path, as_version=4)
    text = "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")
    for target in re.findall(r"\]\(([^)#]+\.ipynb)\)", text):
        assert (path.parent / target).exists(), f"{path.name} links to missing {target}"


def test_each_notebook_links_to_its_neighbours():
    for before, after in zip(NOTEBOOKS, NOTEBOOKS[1:]):
        text = "\n".join(c.source for c in nbformat.read(after, as_version=4).cells)
        assert f"]({before.name})" in text, f"{after.name} does not link back to {before.name}"
        text = "\n".join(c.source for c in nbformat.read(before, as_version=4).cells)
        assert f"]({after.name})" in text, f"{before.name} does not link on to {after.name}"


@pytest.mark.parametrize("path", NOTEBOOKS + [Path(__file__).parent / "notebooks" / "views.ipynb"],
                         ids=lambda p: p.stem)
def test_saved_notebooks_carry_no_run_noise(path):
    """No wall-clock timings, widget state or machine paths in what is committed."""
    text = path.read_text()
    notebook = nbformat.read(path, as_version=4)
    assert "widgets" not in notebook.metadata and "widget-view+json" not in text
    assert all("execution" not in c.metadata for c in notebook.cells), "run the notebook " \
        "with scripts/execute_notebook.py, which records no timings"
    assert "/work/" not in text and "/tmp/" not in text and "/home/" not in text
    for cell in notebook.cells:
        streams = [o.name if o.output_type == "stream" else None for o in cell.get("outputs", [])]
        assert all(a is None or a != b for a, b in zip(streams, streams[1:])), \
            "printed text split into chunks: save with scripts/execute_notebook.py"


def test_links_and_the_course_map_are_up_to_date(monkeypatch):
    """Previous/Next links and 00's map are what scripts/notebook_links.py writes."""
    monkeypatch.syspath_prepend(str(Path(__file__).parent.parent / "scripts"))
    import notebook_links

    assert notebook_links.update(check=True) == [], "run scripts/notebook_links.py"
    start = nbformat.read(NOTEBOOKS[0], as_version=4)
    course_map = next(c.source for c in start.cells if "<!-- map -->" in c.source)
    for path in NOTEBOOKS[1:]:
        assert f"]({path.name})" in course_map, f"00's map does not list {path.name}"


def test_the_last_notebook_leads_back_to_the_start_and_the_others_on(monkeypatch):
    """A notebook that stops being the last (a new one comes after it) gets a Next link in
    place of its Back to the start, and the new last notebook the reverse."""
    monkeypatch.syspath_prepend(str(Path(__file__).parent.parent / "scripts"))
    import notebook_links

    course = {"00_a.ipynb": "00 · A", "01_b.ipynb": "01 · B", "02_c.ipynb": "02 · C"}
    was_last = ("**Back to the start:** [00 · A](00_a.ipynb)\n"
                "**Previous:** [00 · A](00_a.ipynb)")
    assert notebook_links.relink(was_last, "01_b.ipynb", course) == (
        "**Next:** [02 · C](02_c.ipynb)\n**Previous:** [00 · A](00_a.ipynb)")
    assert notebook_links.relink("**Next:** [B](01_b.ipynb)", "02_c.ipynb", course) == \
        "**Back to the start:** [00 · A](00_a.ipynb)"
