"""The course as a learner meets it: JupyterLab in a real (headless) browser.

nbval proves the kernel side; it cannot see a widget that fails to render or a diagram
that does not show. This test starts JupyterLab from the project's environment on a free
loopback port, opens every notebook in Debian's Chromium (driven by Playwright), runs all
cells, and checks: no error output except in cells tagged `raises-exception`; every
replay widget renders and moves when its step button is clicked; every diagram is visible.
It saves a screenshot per notebook in build/screenshots/, and stops JupyterLab itself.
Before any of that, a notebook opened as scripts/lab.sh leaves it (trusted) must show its
saved diagrams at once.
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
SHOTS = ROOT / "build" / "screenshots"
TOKEN = "actorlab-browser-test"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """JupyterLab serving a copy of the notebooks (running them must not edit the repo)."""
    folder = tmp_path_factory.mktemp("course")
    for path in NOTEBOOKS:
        shutil.copy(path, folder / path.name)
    # JupyterLab 4 renders only the cells in view ("windowing"); the test needs them all.
    settings = tmp_path_factory.mktemp("settings") / "@jupyterlab" / "notebook-extension"
    settings.mkdir(parents=True)
    (settings / "tracker.jupyterlab-settings").write_text('{"windowingMode": "none"}')
    notices = settings.parent / "apputils-extension"        # no "Jupyter news?" pop-up
    notices.mkdir()
    (notices / "notification.jupyterlab-settings").write_text(
        '{"fetchNews": "false", "checkForUpdates": false}')
    environment = {**os.environ, "JUPYTERLAB_SETTINGS_DIR": str(settings.parent.parent),
                   "JUPYTERLAB_WORKSPACES_DIR": str(tmp_path_factory.mktemp("workspaces")),
                   "JUPYTER_DATA_DIR": str(tmp_path_factory.mktemp("jupyter-data"))}
    # As scripts/lab.sh does: trust the course's notebooks (with a key of the test's own).
    subprocess.run([sys.executable, "-m", "jupyter", "trust",
                    *map(str, sorted(folder.glob("*.ipynb")))],
                   check=True, capture_output=True, env=environment)
    port = free_port()
    command = [sys.executable, "-m", "jupyter", "lab", "--no-browser", f"--port={port}",
               "--ip=127.0.0.1", f"--ServerApp.token={TOKEN}", f"--notebook-dir={folder}",
               "--ServerApp.disable_check_xsrf=True"]
    if os.geteuid() == 0:
        command.append("--allow-root")
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True, env=environment)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                urllib.request.urlopen(f"{url}/api/status?token={TOKEN}", timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("JupyterLab did not start within 90 s") from None
                time.sleep(0.5)
        yield url
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"])
        yield chromium
        chromium.close()


def run_all_cells(page, count: int) -> None:
    """Run every cell from the menu, then wait until no prompt shows [*] (or [ ])."""
    page.click("div.lm-MenuBar-itemLabel:text-is('Run')")
    page.get_by_text("Run All Cells", exact=True).click()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        prompts = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell "
                               ".jp-InputPrompt").all_inner_texts()
        done = [p for p in prompts if p.strip().startswith("[") and p.strip()[1:-2].isdigit()]
        if len(done) == count and not any("*" in p for p in prompts):
            return
        time.sleep(0.5)
    raise AssertionError("the notebook did not finish running within 120 s")


def test_saved_diagrams_show_before_any_cell_runs(lab, browser):
    """What scripts/lab.sh gives a learner: the course's notebooks trusted, so a notebook
    opened for the first time shows its saved diagrams, not only their text descriptions."""
    assert "jupyter trust notebooks/" in (ROOT / "scripts" / "lab.sh").read_text()
    path = ROOT / "notebooks" / "07_supervisors.ipynb"
    saved = sum("image/svg+xml" in output.get("data", {})
                for cell in nbformat.read(path, as_version=4).cells
                for output in cell.get("outputs", []))
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(f"{lab}/lab/tree/{path.name}?reset&token={TOKEN}")
        page.wait_for_selector(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell",
                               timeout=60_000)
        pictures = page.locator(".jp-RenderedSVG, .jp-RenderedImage")
        deadline = time.monotonic() + 20
        while pictures.count() < saved and time.monotonic() < deadline:
            time.sleep(0.5)
        assert saved > 0 and pictures.count() == saved, \
            f"{pictures.count()} of the {saved} saved diagrams show before running"
    finally:
        page.close()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_a_learner_runs_the_notebook_in_jupyterlab(lab, browser, path):
    cells = [c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]
    expected_errors = ["raises-exception" in c.metadata.get("tags", []) for c in cells]
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.set_default_timeout(30_000)
    try:
        page.goto(f"{lab}/lab/tree/{path.name}?reset&token={TOKEN}")   # only this notebook
        page.wait_for_selector(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell",
                               timeout=60_000)
        time.sleep(3)               # let the kernel start; run_all_cells then waits for it
        run_all_cells(page, len(cells))
        time.sleep(1)
        code_cells = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell")
        assert code_cells.count() == len(cells)
        for index, expected in enumerate(expected_errors):
            # Errors (and anything on stderr) render with the stderr MIME type.
            shown = code_cells.nth(index).locator(
                "[data-mime-type='application/vnd.jupyter.stderr']").count() > 0
            assert shown == expected, (f"code cell {index + 1}: "
                                       f"{'an unexpected error' if shown else 'no error'}")
        assert page.locator("text=Error displaying widget").count() == 0
        source = "\n".join(c.source for c in cells)
        check_replays(page, expected=source.count("trace.replay("),    # not explore's replay
                      name=path.stem)
        check_diagrams(page, expected=source.count("diagram(") + source.count("graph("))
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{path.stem}.png"), full_page=True)
    finally:
        page.close()


def check_replays(page, expected: int, name: str) -> None:
    """Each replay widget shows a step; clicking "step ▶" (or "◀ step") changes it."""
    widgets = page.locator(".widget-vbox:has(button:has-text('step ▶'))")
    assert widgets.count() == expected, f"{widgets.count()} replay widgets, not {expected}"
    for index in range(widgets.count()):
        widget = widgets.nth(index)
        widget.scroll_into_view_if_needed()
        assert widget.locator("svg").first.is_visible(), "the replay shows no diagram"
        for button in ("step ▶", "◀ step"):        # forward, or back if it is at the end
            before = current_step(widget)
            widget.locator(f"button:has-text('{button}')").click()
            if moved(widget, before):
                break
        else:
            raise AssertionError(f"the replay did not move from: {before}")
        SHOTS.mkdir(parents=True, exist_ok=True)
        widget.screenshot(path=str(SHOTS / f"{name}-replay-{index + 1}.png"))


def current_step(widget) -> str:
    """The first line of the replay's table: "step N of M: ..." """
    return widget.locator(".widget-html").first.inner_text().splitlines()[0]


def moved(widget, before: str) -> bool:
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        if current_step(widget) != before:
            return True
        time.sleep(0.2)
    return False


def check_diagrams(page, expected: int) -> None:
    """Every picture output (graphviz SVG) is visible, has a size, and fits in the width of
    its output area: a wide diagram is scaled down, not cut off."""
    pictures = page.locator(".jp-RenderedSVG img, .jp-RenderedSVG svg, .jp-RenderedImage img")
    assert pictures.count() >= expected, f"{pictures.count()} pictures, expected {expected}"
    for index in range(pictures.count()):
        picture = pictures.nth(index)
        picture.scroll_into_view_if_needed()
        box = picture.bounding_box()
        assert box and box["width"] > 50 and box["height"] > 30, f"picture {index} not shown"
        area = picture.locator("xpath=ancestor::div[contains(@class, 'jp-OutputArea-output')]"
                               "[1]").bounding_box()
        assert box["x"] + box["width"] <= area["x"] + area["width"] + 1, \
            f"picture {index} is {box['width']:.0f} px wide, cut off by its {area['width']:.0f} " \
            "px output area"
