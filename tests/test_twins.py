"""Every scenario in twins/ runs on the BEAM (Elixir) and on actorlab, and both print the
same normalised outcome; every Elixir snippet in the notebooks is quoted from a twin."""
import difflib
import functools
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).parent.parent
TWINS = ROOT / "twins"
SCENARIOS = sorted(p.stem for p in TWINS.glob("*.exs") if p.stem != "twin")
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def run(*command: str) -> str:
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, f"{' '.join(command)} failed:\n{done.stdout}{done.stderr}"
    return done.stdout


def test_every_scenario_has_both_twins():
    assert len(SCENARIOS) >= 80                  # the course scenarios and the API sweep
    python = sorted(p.stem for p in TWINS.glob("*.py") if p.stem != "twin")
    assert python == SCENARIOS, "each twins/NAME.exs needs a twins/NAME.py, and the reverse"


@functools.cache
def on_the_beam(scenario: str) -> str:
    """What twins/SCENARIO.exs prints on the BEAM (run once per test session)."""
    return run("elixir", "-r", "twins/twin.exs", f"twins/{scenario}.exs")


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_actorlab_behaves_as_the_beam_does(scenario):
    beam = on_the_beam(scenario)
    ours = run(sys.executable, f"twins/{scenario}.py")
    assert beam.strip(), "the Elixir twin printed nothing"
    diff = "\n".join(difflib.unified_diff(beam.splitlines(), ours.splitlines(),
                                          "BEAM (Elixir)", "actorlab", lineterm=""))
    assert beam == ours, f"{scenario}: actorlab and the BEAM disagree\n{diff}"


def lines(code: str) -> list[str]:
    return [line.strip() for line in code.splitlines() if line.strip()]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_every_elixir_snippet_is_quoted_from_a_twin(path):
    twins = {p.name: lines(p.read_text()) for p in TWINS.glob("*.exs")}
    markdown = "\n".join(c.source for c in nbformat.read(path, as_version=4).cells
                         if c.cell_type == "markdown")
    for snippet in re.findall(r"```elixir\n(.*?)```", markdown, re.S):
        wanted = lines(snippet)
        found = [name for name, have in twins.items()
                 if any(have[i:i + len(wanted)] == wanted for i in range(len(have)))]
        assert found, (f"{path.name}: this Elixir snippet is in no twins/*.exs, so it is "
                       f"untested; quote it from a twin:\n{snippet}")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_every_beam_output_quoted_in_a_notebook_is_what_its_twin_prints(path):
    """A ```text block in a cell that names twins/NAME.exs is that twin's BEAM output (or a
    part of it), spacing aside: so no output shown as the BEAM's is typed by hand."""
    for cell in nbformat.read(path, as_version=4).cells:
        named = re.findall(r"twins/(\w+)\.exs", cell.source) if cell.cell_type == "markdown" else []
        for block in re.findall(r"```text\n(.*?)```", cell.source, re.S) if named else []:
            wanted = re.sub(r"\s", "", block)
            assert any(wanted in re.sub(r"\s", "", on_the_beam(name)) for name in named), \
                f"{path.name}: this output is not what {', '.join(named)} prints:\n{block}"


def test_every_twin_is_listed_by_api_function_in_the_readme():
    index = (TWINS / "README.md").read_text().split("## The twins, by API function")[1]
    listed = set(re.findall(r"`(\w+)`", index))
    assert sorted(set(SCENARIOS) - listed) == [], "list each twin under its API functions"
