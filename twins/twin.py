"""Shared by every Python twin: print terms in the normalised form the Elixir twins print.

Run a twin as `python twins/SCENARIO.py` (see twins/README.md for the rules).
"""
from __future__ import annotations

import json
import re
from typing import Any, Callable

from actorlab import Exit, Pid, ReceiveTimeout, Ref, Task, process_info, receive, reset, self_pid

_names: dict[Pid, str] = {}
ATOM = re.compile(r"[A-Za-z_][A-Za-z0-9_@]*")   # text that Elixir writes as a bare atom
ELIXIR_EXCEPTIONS = {"BadArgument": "ArgumentError"}  # actorlab's error -> Elixir's exception


def start(**options: Any) -> None:
    """Start a scenario on a fresh node: the cell's process is `shell`; no crash reports.
    `options` go to reset() (`faults=`, for a scenario that injects one)."""
    reset(log=None, **options)
    _names.clear()
    name(self_pid(), "shell")


def name(pid: Pid, label: str) -> None:
    """Give `pid` the name it is printed with."""
    _names[pid] = label


def say(text: str, *term: Any) -> None:
    """Print `text: term`, or `text` alone."""
    print(f"{text}: {show(term[0])}" if term else text)


def attempt(fn: Callable[[], Any]) -> Any:
    """The value `fn` returns; ("exit", reason) if it exits; ("error", module) if it raises,
    with the Elixir exception that the error stands for (the message is left out:
    actorlab's say more); ("error", reason) for an error that carries an Erlang reason."""
    try:
        return fn()
    except Exit as exit_:
        return ("exit", exit_.reason)
    except Exception as error:
        name = type(error).__name__
        return ("error", getattr(error, "reason", None) or ELIXIR_EXCEPTIONS.get(name, name))


def heard(ms: float = 100) -> list:
    """Every message that arrives until `ms` pass with none, oldest first (taken)."""
    messages = []
    while True:
        try:
            messages.append(receive(timeout=ms))
        except ReceiveTimeout:
            return messages


def mailbox() -> list:
    """What the shell's mailbox holds now, without taking anything."""
    return process_info(self_pid())["messages"]


def show(term: Any) -> str:
    """A term in the normalised form (the rules are in twins/README.md)."""
    if isinstance(term, Pid):
        return _names.get(term, "pid?")
    if isinstance(term, Ref):
        return "ref"
    if term is True or term is False or term is None:
        return {True: "true", False: "false", None: "nil"}[term]
    if isinstance(term, str):
        return term if ATOM.fullmatch(term) else json.dumps(term, ensure_ascii=False)
    if isinstance(term, type):                      # a module, as Elixir names it: Registry
        return term.__name__
    if isinstance(term, BaseException):
        return f"{type(term).__name__}({json.dumps(str(term), ensure_ascii=False)})"
    if isinstance(term, tuple):
        return "{" + ", ".join(map(show, term)) + "}"
    if isinstance(term, list):
        return "[" + ", ".join(map(show, term)) + "]"
    if isinstance(term, dict):
        return "%{" + ", ".join(sorted(f"{show(k)} => {show(v)}" for k, v in term.items())) + "}"
    if isinstance(term, Task):
        return "task"
    return repr(term)
