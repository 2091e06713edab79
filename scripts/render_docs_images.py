"""Draw every gallery scenario into docs/img (sequence diagrams, plus the wait-for graph of
the deadlock and the supervision tree), for the README and for looking at by eye.

    .venv/bin/python scripts/render_docs_images.py

Each PNG carries a fingerprint of the picture's graphviz source (a PNG text chunk,
`actorlab-source`), so a test can tell that docs/img is what the views draw today
without comparing pixels, which differ between graphviz builds.
"""
from __future__ import annotations

import hashlib
import struct
import zlib
from pathlib import Path

from actorlab.views import diagram, gallery, supervision_tree, wait_for_graph
from actorlab.views.render import View

OUT = Path(__file__).parent.parent / "docs" / "img"
LABELS = 36
"""Characters of a label: enough for the README's messages whole, such as
(#PID<0.0.0>, #Ref<0.1>, 'twice')."""
KEY = b"actorlab-source"
DPI = 192
"""Twice graphviz's usual 96: a page shows a wide picture no wider than its column, so
without them its 9-point words and marks (✉) would blur into a few pixels."""


def pictures() -> dict[str, View]:
    """Every picture of docs/img, by file name."""
    views: dict[str, View] = {f"{name}.png": diagram(scenario(), hide_system=True, width=LABELS)
                              for name, scenario in sorted(gallery.ALL.items())}
    views["self_call_deadlock_wait_for.png"] = wait_for_graph(gallery.self_call_deadlock())
    views["supervision_tree.png"] = supervision_tree(gallery.supervision())
    return views


def fingerprint(view: View) -> str:
    """What a picture is drawn from, in a few characters: its graphviz source's hash."""
    return hashlib.sha256(view.source.encode()).hexdigest()[:16]


def stamped(png: bytes, text: str) -> bytes:
    """`png` with a text chunk `actorlab-source: text` after its header chunk."""
    data = KEY + b"\0" + text.encode()
    chunk = struct.pack(">I", len(data)) + b"tEXt" + data + \
        struct.pack(">I", zlib.crc32(b"tEXt" + data))
    header_end = 8 + 4 + 4 + 13 + 4             # signature, then IHDR: length, type, data, crc
    return png[:header_end] + chunk + png[header_end:]


def stamp_of(png: bytes) -> str | None:
    """The text of the `actorlab-source` chunk of `png`, if it has one."""
    at = 8
    while at < len(png):
        length, kind = struct.unpack(">I4s", png[at:at + 8])
        data = png[at + 8:at + 8 + length]
        if kind == b"tEXt" and data.startswith(KEY + b"\0"):
            return data[len(KEY) + 1:].decode()
        at += 12 + length
    return None


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.png"):
        old.unlink()
    for name, view in pictures().items():
        path = view.save(OUT / name, dpi=DPI)
        path.write_bytes(stamped(path.read_bytes(), fingerprint(view)))
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
