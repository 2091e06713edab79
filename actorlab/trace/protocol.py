"""Conventions every layer shares: how to find the refs in a term.

>>> from actorlab.trace import Pid, Ref
>>> refs_in(("$gen_call", (Pid(0), Ref(7)), {"key": [Ref(8)]}))
[#Ref<0.7>, #Ref<0.8>]
"""
from __future__ import annotations

from typing import Any

from .terms import Ref

CONTAINERS = frozenset({tuple, list, dict, set, frozenset})
"""The term types that can hold other terms (and so refs)."""

REF_DEPTH = 4
"""How deep `refs_in` looks: a call's ref sits at depth 2, `("$gen_call", (pid, ref), ...)`."""


def refs_in(term: Any, depth: int = REF_DEPTH) -> list[Ref]:
    """The refs in `term`, in order, looking into tuples, lists, sets and dicts (keys and
    values) down to `depth` levels."""
    kind = type(term)
    if kind is Ref:
        return [term]
    if kind not in CONTAINERS or depth == 0:
        return []
    found: list[Ref] = []
    items = [part for pair in term.items() for part in pair] if kind is dict else term
    for item in items:
        inner = type(item)
        if inner is Ref:
            found.append(item)
        elif inner in CONTAINERS:
            found += refs_in(item, depth - 1)
    return found


def is_normal(reason: Any) -> bool:
    """True for the exit reasons that are not errors, for which OTP logs nothing:
    "normal", "shutdown" and ("shutdown", term).

    >>> is_normal("shutdown"), is_normal(("shutdown", "bye")), is_normal("killed")
    (True, True, False)
    """
    return reason in ("normal", "shutdown") or (
        type(reason) is tuple and len(reason) == 2 and reason[0] == "shutdown")
