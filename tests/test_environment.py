"""environment.yml (conda, Binder) must install the same course as pyproject.toml: every
dependency of the library and of its lab and test extras, with the same version bounds,
plus graphviz's programs."""
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).parent.parent
# conda-forge names that differ from PyPI's
CONDA_NAME = {"graphviz": "python-graphviz"}


def requirement(spec):
    name, bounds = re.match(r"([A-Za-z0-9_.-]+)\s*(.*)", spec).groups()
    return name.lower(), bounds.replace(" ", "")


def conda_dependencies():
    text = (ROOT / "environment.yml").read_text()
    listed = re.findall(r"^  - ([^\s:][^\n]*)$", text, re.M)
    return dict(requirement(item) for item in listed if item != "pip")


def test_environment_yml_matches_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = project["dependencies"] + project["optional-dependencies"]["lab"] + \
        project["optional-dependencies"]["test"]
    conda = conda_dependencies()
    for spec in wanted:
        name, bounds = requirement(spec)
        name = CONDA_NAME.get(name, name)
        assert name in conda, f"environment.yml lacks {name} (pyproject.toml has {spec})"
        assert conda[name] == bounds, \
            f"{name}: environment.yml says {conda[name]!r}, pyproject.toml says {bounds!r}"


def test_environment_yml_brings_graphviz_programs_and_installs_actorlab():
    text = (ROOT / "environment.yml").read_text()
    assert re.search(r"^  - graphviz$", text, re.M), "conda-forge's graphviz: the dot program"
    assert re.search(r"^      - -e \.$", text, re.M), "actorlab itself, from this checkout"
