"""The catalogues of wrong answers: `notebooks/wrong_answers/NN_name.md`, one per notebook.

Each exercise of a notebook has a section, `## ex-NAME`, listing the mistakes a beginner
makes, one per `### title`. Under its title, a mistake gives the words its check must
print (`Says:` and one or more phrases in double quotes) and the answer as a learner would
write it (a Python block, which replaces the exercise cell). A phrase may hold a double
quote written `\\"`.

>>> text = '''# Wrong answers: 00 · Start here
...
... ## ex-shout
...
... ### Sends the reply to itself
...
... Says: "to the shell" "sender"
...
... ```python
... def shout():
...     sender, message = receive()
...     send(self_pid(), message.upper())
... ```
... '''
>>> [wrong] = parse(text)
>>> wrong.exercise, wrong.title, wrong.says
('ex-shout', 'Sends the reply to itself', ('to the shell', 'sender'))
>>> print(wrong.code, end="")
def shout():
    sender, message = receive()
    send(self_pid(), message.upper())

`tests/test_notebooks.py` runs each one in place of its exercise, then the exercise's check
cell, and requires the check to fail, not to raise, and to print every phrase.

An entry whose line is `Passes.` instead is a right answer in another style than the
solution's, one a check once rejected: its check must pass.

>>> [right] = parse(text.replace('Says: "to the shell" "sender"', "Passes."))
>>> right.passes, right.says
(True, ())
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

FOLDER = Path(__file__).parent.parent / "notebooks" / "wrong_answers"


@dataclass(frozen=True)
class WrongAnswer:
    exercise: str               # the exercise's tag, "ex-shout"
    title: str                  # the mistake, in a few words
    says: tuple[str, ...]       # what its check must print
    code: str                   # the learner's answer
    passes: bool = False        # a right answer after all (`Passes.`): its check must pass


def parse(text: str) -> list[WrongAnswer]:
    """The wrong answers in a catalogue's text (see the module's docstring)."""
    found = []
    for section in re.split(r"^## ", text, flags=re.M)[1:]:
        exercise = section.split()[0]
        for entry in re.split(r"^### ", section, flags=re.M)[1:]:
            title = entry.splitlines()[0].strip()
            says = [phrase.replace('\\"', '"') for line in entry.splitlines()
                    if line.startswith("Says:")
                    for phrase in re.findall(r'"((?:[^"\\]|\\.)+)"', line)]
            code = re.findall(r"```python\n(.*?)```", entry, re.S)
            passes = "Passes." in entry.splitlines()
            if passes == bool(says) or len(code) != 1:
                raise ValueError(f"{exercise} · {title}: an entry needs either a 'Says:' line "
                                 "with phrases in double quotes, or 'Passes.', and exactly "
                                 "one python block")
            found.append(WrongAnswer(exercise, title, tuple(says), code[0], passes))
    return found


def catalogue(notebook: Path) -> list[WrongAnswer]:
    """The wrong answers for `notebook` (none if it has no catalogue)."""
    path = FOLDER / f"{notebook.stem}.md"
    return parse(path.read_text()) if path.exists() else []


def misconceptions(notebook: Path) -> dict[str, list[str]]:
    """The misconceptions each exercise targets: the phrases in double quotes on a line
    starting "The misconception" under `## ex-NAME`, before its first wrong answer.

    >>> misconceptions(Path("00_start_here.ipynb"))
    {}
    """
    path = FOLDER / f"{notebook.stem}.md"
    found: dict[str, list[str]] = {}
    for section in re.split(r"^## ", path.read_text() if path.exists() else "", flags=re.M)[1:]:
        intro = re.split(r"^### ", section, flags=re.M)[0]
        named = [phrase for line in re.sub(r"\n(?!\n)", " ", intro).splitlines()
                 if line.strip().startswith("The misconception")
                 for phrase in re.findall(r'"([^"]+)"', line)]
        if named:
            found[section.split()[0]] = named
    return found
