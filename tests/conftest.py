"""Every test starts on a fresh node, so pids and traces start from zero."""
import pytest

import actorlab


@pytest.fixture(autouse=True)
def node():
    """A fresh current node; crash reports and warnings go to stdout (see capsys)."""
    fresh = actorlab.reset()
    yield fresh
    actorlab.reset()  # ends the test's processes deterministically


def kinds(node, *wanted):
    """The trace's events of the given kinds, as (kind, pid, data) triples."""
    return [(e.kind, e.pid, e.data) for e in node.trace.events if e.kind in wanted]
