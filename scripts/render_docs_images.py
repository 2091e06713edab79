"""Draw every gallery scenario into docs/img (sequence diagrams, plus the wait-for graph of
the deadlock and the supervision tree), for the README and for looking at by eye.

    .venv/bin/python scripts/render_docs_images.py
"""
from __future__ import annotations

from pathlib import Path

from actorlab.views import diagram, gallery, supervision_tree, wait_for_graph

OUT = Path(__file__).parent.parent / "docs" / "img"


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, scenario in sorted(gallery.ALL.items()):
        trace = scenario()
        diagram(trace, hide_system=True).save(OUT / f"{name}.png")
        print(f"wrote {OUT / name}.png")
    wait_for_graph(gallery.self_call_deadlock()).save(OUT / "self_call_deadlock_wait_for.png")
    supervision_tree(gallery.supervision()).save(OUT / "supervision_tree.png")
    print("wrote the wait-for graph and the supervision tree")


if __name__ == "__main__":
    main()
