"""Checks that run the learner's code in every distinct interleaving
(`actorlab.course.checks.every_interleaving`): what they say, what they draw, what they
leave on the current node, and that they stop within their budget."""
import re
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from actorlab import current_node, receive, self_pid, send, spawn
from actorlab.course import checks
from actorlab.course.checks import Check, _lanes, every_interleaving
from actorlab.course.nb08 import check_atomic
import explore_scenarios as scenarios

GET_THEN_SET = '''
from actorlab import GenServer


class SafeCounter(GenServer):
    def init(self, n):
        return ("ok", n)

    def handle_call(self, request, from_, n):
        if request == "get":
            return ("reply", n, n)
        return ("reply", "ok", request[1])


def safe_bump(counter):
    count = GenServer.call(counter, "get")
    GenServer.call(counter, ("set", count + 1))
'''


def first_word():
    """ann and bob, started together, each send the shell their name: who is heard first?"""
    me = self_pid()
    spawn(lambda: [spawn(send, me, name, label=name) for name in ("ann", "bob")])
    return receive()


def rows(diagram):
    """A diagram's rows, from its text form (without the heading, which counts events)."""
    return diagram.text.splitlines()[1:]


def test_right_in_every_interleaving_passes_and_draws_nothing(capsys):
    with Check("someone speaks") as check:
        wrong = every_interleaving(check, first_word, right=lambda word: word in ("ann", "bob"),
                                   words=str, what="ann and bob sending", ok="someone spoke",
                                   lanes=["ann", "bob"])
    assert wrong is None and check.passed and check.figures == []
    assert "✓ someone spoke, in all 2 distinct interleavings of ann and bob sending" in \
        capsys.readouterr().out


def test_a_wrong_outcome_is_counted_and_its_shortest_interleaving_drawn_and_kept(capsys):
    with Check("no lost update") as check:
        wrong = every_interleaving(check, scenarios.lost_update, 2,
                                   right=lambda count: count == 2,
                                   words=lambda count: f"the count ends at {count}",
                                   what="two bumps", ok="", lanes=["run", "counter", "run#2"])
    out = capsys.readouterr().out
    assert wrong == 1 and not check.passed
    assert "✗ 4 of the 6 distinct interleavings of two bumps go wrong, the default order " \
           "among them: the count ends at 1. The shortest wrong one is drawn below" in out
    [figure] = check.figures
    assert figure.model.races, "the race that decides it is drawn"
    kept = current_node().trace          # the same interleaving, step for step
    lanes = _lanes(kept, ["run", "counter", "run#2"])
    assert len(lanes) == 3 and rows(kept.diagram(hide_system=True, processes=lanes)) == \
        rows(figure)


def test_a_check_that_runs_out_of_time_says_it_did_not_see_every_interleaving(capsys,
                                                                              monkeypatch):
    monkeypatch.setattr(checks, "EXPLORE_SECONDS", 0.05)
    with Check("no lost update") as check:
        every_interleaving(check, scenarios.lost_update, 3, right=lambda count: count > 0,
                           words=str, what="three bumps", ok="a count", lanes=[])
    out = capsys.readouterr().out
    assert re.search(r"a count, in all \d+ interleavings of three bumps explored "
                     r"\(max_seconds=0.05 reached; not every one\)", out)


def test_the_lanes_drawn_are_those_named_and_the_processes_they_started(node):
    boss = spawn(lambda: spawn(receive, label="helper") and receive(), label="boss")
    spawn(receive, label="bystander")
    helper = next(e.data["child"] for e in node.trace.events
                  if e.kind == "spawn" and e.pid == boss)
    assert _lanes(node.trace, ["boss", "nobody"]) == [boss, helper]


def test_a_finding_names_a_step_of_the_interleaving_left_on_the_current_node(capsys):
    namespace = {}
    exec(GET_THEN_SET, namespace)
    check_atomic(namespace["SafeCounter"], namespace["safe_bump"])
    out = capsys.readouterr().out
    assert "it works in the default order, but 6 of the 10 distinct interleavings" in out
    step = int(re.search(r"at step (\d+) the counter took bob's \('set', 1\)", out).group(1))
    event = current_node().trace[step - 1]
    taken = event.data["msg"]
    assert (event.kind, current_node().trace.names()[event.pid]) == ("receive", "SafeCounter")
    assert taken[2] == ("set", 1) and current_node().trace.names()[taken[1][0]] == "bob"


def test_in_a_notebook_the_diagram_is_shown_under_the_findings():
    notebook = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell(GET_THEN_SET),
        nbformat.v4.new_code_cell("from actorlab.course.nb08 import check_atomic\n"
                                  "check_atomic(SafeCounter, safe_bump)")])
    NotebookClient(notebook, timeout=60, kernel_name="python3",
                   resources={"metadata": {"path": str(Path(__file__).parent)}}).execute()
    outputs = notebook.cells[1].outputs
    assert [o.output_type for o in outputs] == ["stream", "display_data"]
    assert outputs[0].text.startswith("✗ a counter that loses no update: not yet")
    assert "image/svg+xml" in outputs[1].data
    assert "ann" in outputs[1].data["text/plain"] and "bob" in outputs[1].data["text/plain"]


def test_a_scenario_with_one_interleaving_that_goes_wrong_is_not_counted_1_of_1(capsys):
    def lone_word():
        me = self_pid()
        spawn(send, me, "bob", label="bob")
        return receive()

    with Check("ann speaks") as check:
        every_interleaving(check, lone_word, right=lambda word: word == "ann",
                           words=lambda word: f"the shell heard {word!r}", what="bob sending",
                           ok="ann spoke", lanes=["shell", "bob"])
    said = capsys.readouterr().out
    assert "✗ bob sending goes wrong: the shell heard 'bob'. It is drawn below" in said
    assert "1 of the 1" not in said and "the one" not in said
