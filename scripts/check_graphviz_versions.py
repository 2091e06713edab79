"""Check that the views read the same whatever graphviz draws them (a developer's check).

Renders every gallery scenario's views with this machine's graphviz and with graphviz's
WebAssembly build from npm (a much newer version), masks layout numbers as
notebooks/nbval-sanitize.cfg does, and reports any other difference.

    npm install --prefix /tmp/gvwasm @hpcc-js/wasm-graphviz
    .venv/bin/python scripts/check_graphviz_versions.py /tmp/gvwasm
"""
from __future__ import annotations

import configparser
import difflib
import re
import subprocess
import sys
from pathlib import Path

from actorlab.views import diagram, gallery, supervision_tree, wait_for_graph
from actorlab.views.render import canonical_svg

RENDER_JS = """
import { Graphviz } from "@hpcc-js/wasm-graphviz";
import { readFileSync } from "fs";
const graphviz = await Graphviz.load();
const [dot, engine] = [readFileSync(process.argv[2], "utf8"), process.argv[3]];
process.stdout.write(engine === "neato-n" ? graphviz.layout(dot, "svg", "neato", {nop: 1})
                                          : graphviz.layout(dot, "svg", engine));
console.error(graphviz.version());
"""


def sanitizer():
    config = configparser.ConfigParser()
    config.read(Path(__file__).parent.parent / "notebooks" / "nbval-sanitize.cfg")
    rules = [(config[s]["regex"], config[s]["replace"]) for s in config.sections()]

    def clean(svg: str) -> str:
        for regex, replace in rules:
            svg = re.sub(regex, replace, svg)
        return svg
    return clean


def main(npm_prefix: str) -> int:
    prefix = Path(npm_prefix)
    script = prefix / "render.mjs"
    script.write_text(RENDER_JS)
    clean, failures = sanitizer(), 0
    for name, scenario in sorted(gallery.ALL.items()):
        trace = scenario()
        for view in (diagram(trace), wait_for_graph(trace), supervision_tree(trace)):
            source = prefix / "view.dot"
            source.write_text(view.source)
            engine = "neato-n" if view.no_op else view.engine
            newer = subprocess.run(["node", str(script), str(source), engine], cwd=prefix,
                                   capture_output=True, text=True, check=True)
            ours, theirs = clean(view.svg()), clean(canonical_svg(newer.stdout))
            diff = list(difflib.unified_diff(ours.splitlines(), theirs.splitlines(),
                                             lineterm="", n=0))
            verdict = "same" if not diff else f"{len(diff)} lines differ"
            print(f"{name:20} {type(view).__name__:16} graphviz {newer.stderr.strip()}: "
                  f"{verdict}")
            if diff:
                failures += 1
                print("\n".join(diff[:12]))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
