"""The layers (README, "The library"): each layer imports only the layers above it, the otp layer
uses only the runtime's public API (what `actorlab.runtime` exports), and the conventions the
layers share are spelled out only in `actorlab/trace/protocol.py`."""
import ast
from pathlib import Path

import actorlab.runtime
from actorlab.trace import protocol

PACKAGE = Path(actorlab.runtime.__file__).parent.parent
ORDER = ["trace", "runtime", "explore", "otp", "views", "course"]


def imports(path, lazy=False):
    """(module, names) for the imports in a file: at module level, or (lazy=True) the ones
    inside functions."""
    tree = ast.parse(path.read_text())
    functions = [n for n in ast.walk(tree)
                 if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
    inside = {id(n) for f in functions for n in ast.walk(f) if n is not f}
    for node in ast.walk(tree):
        if (id(node) in inside) != lazy:
            continue
        if isinstance(node, ast.ImportFrom):
            yield ("." * node.level) + (node.module or ""), [a.name for a in node.names]
        elif isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, []


def layer_of(module, path):
    """Which layer an import in `path` refers to, or None for outside actorlab."""
    if module.startswith("actorlab."):
        return module.split(".")[1]
    if module.startswith(".."):
        return module.lstrip(".").split(".")[0]
    if module.startswith("."):
        return path.parent.name
    return None


def test_only_the_trace_imports_a_lower_layer_and_only_lazily():
    """trace.diagram() and trace.replay() hand the trace to views, imported lazily
    so that reading a trace needs neither graphviz nor ipywidgets."""
    for layer in ORDER:
        for path in (PACKAGE / layer).glob("*.py"):
            for module, _ in imports(path, lazy=True):
                used = layer_of(module, path)
                if used in ORDER and ORDER.index(used) > ORDER.index(layer):
                    assert (layer, used) == ("trace", "views"), \
                        f"{path.name} in {layer} imports {module}"


def test_each_layer_imports_only_the_ones_above_it():
    for layer in ORDER:
        folder = PACKAGE / layer
        if not folder.exists():
            continue
        for path in folder.glob("*.py"):
            for module, _ in imports(path):
                used = layer_of(module, path)
                if used in ORDER:
                    assert ORDER.index(used) <= ORDER.index(layer), \
                        f"{path.name} in {layer} imports {module}"


def test_the_otp_layer_uses_only_the_public_runtime_api():
    public = set(actorlab.runtime.__all__)
    for path in (PACKAGE / "otp").glob("*.py"):
        for module, names in imports(path):
            if layer_of(module, path) == "runtime":
                assert module in ("..runtime", "actorlab.runtime"), \
                    f"{path.name} reaches into {module}: use actorlab.runtime's API"
                assert set(names) <= public, f"{path.name} imports {set(names) - public}"


# The tags only the protocol may spell out. "call", "cast" and "shutdown" are protocol tags
# too, but also ordinary words (("GenServer", "call", ...) in exit reasons, the exit reason
# "shutdown"), so they are not searched for.
PROTOCOL_TAGS = {protocol.GEN_CALL, protocol.GEN_CAST, protocol.GEN_STOP, protocol.ACK,
                 protocol.TASK_REF, protocol.CHILD_STARTED}


def string_literals(source):
    """(line, text) of each string constant in Python source, leaving out docstrings and
    other strings that stand alone as a statement (they explain, they are not used)."""
    tree = ast.parse(source)
    alone = {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Expr)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and type(node.value) is str and id(node) not in alone:
            yield node.lineno, node.value


def test_string_literals_leave_out_docstrings():
    source = ('"""Sends ("$ack", pid)."""\n'
              'def f():\n    """("$ack", pid)"""\n    return ("$ack", 1)\n')
    assert list(string_literals(source)) == [(4, "$ack")]


def test_only_the_protocol_spells_out_the_tags_the_layers_share():
    """otp sends OTP's messages and notes, the views draw them and the course reads them, each
    through `actorlab.trace.protocol`, so that they cannot drift apart."""
    for path in sorted(PACKAGE.rglob("*.py")):
        if path == Path(protocol.__file__):
            continue
        for line, text in string_literals(path.read_text()):
            assert text not in PROTOCOL_TAGS, (f"{path.relative_to(PACKAGE)}:{line} spells out "
                                               f"{text!r}: use actorlab.trace.protocol")


ERROR_WORDS = ("error", "reason", "exc", "exit")
"""What the course's checks call an error or an exit reason, in a variable or a key."""


def decisions_on_text(source):
    """The lines where code decides on an error's text: `... in str(error)`, or
    `str(reason).startswith(...)` (showing the text, as `explain` does, is fine)."""
    def is_str_of(node):
        return (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id == "str" and len(node.args) == 1
                and any(word in ast.unparse(node.args[0]) for word in ERROR_WORDS))
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Compare) and any(
                isinstance(op, (ast.In, ast.NotIn)) for op in node.ops) and any(
                is_str_of(side) for side in [node.left, *node.comparators]):
            yield node.lineno
        elif (isinstance(node, ast.Attribute) and node.attr in ("startswith", "endswith")
              and is_str_of(node.value)):
            yield node.lineno


def test_decisions_on_text_are_found():
    source = ('if "unpack" in str(error): pass\n'
              'ok = str(e.data["reason"]).startswith("send()")\n'
              'text = str(error).splitlines()[0]\n'
              'init = str(e.data["fn"]).endswith(".init")\n')
    assert list(decisions_on_text(source)) == [1, 2]


def test_the_course_checks_decide_on_terms_and_code_never_on_an_errors_text():
    """An error's text is for people, and it changes between versions; a check decides on
    the error's type, the terms it carries, or the learner's code that raised it."""
    for path in sorted((PACKAGE / "course").glob("*.py")):
        lines = list(decisions_on_text(path.read_text()))
        assert not lines, f"{path.relative_to(PACKAGE)}:{lines} decides on a text"
