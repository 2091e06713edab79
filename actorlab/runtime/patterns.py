"""Receive patterns: which messages a `receive` accepts.

A pattern is one of:

* `None` or `ANY` -- any message;
* a tuple, list or dict *shape* -- compared element by element (a dict pattern needs only
  its own keys to be present, like an Elixir map pattern);
* a class -- any instance of it, e.g. `("add", int)`;
* a predicate -- a function of one argument, true for the messages it wants;
* `OneOf(p1, p2, ...)` -- a message matching any of the alternatives;
* any other value -- equal to the message.

>>> matches(("add", int), ("add", 5))
True
>>> matches(("add", int), ("add", "five"))
False
>>> matches(lambda m: m > 3, 5)
True
"""
from __future__ import annotations

import inspect
import types
from typing import Any

from ..trace import ANY, OneOf, describe_pattern, short
from .errors import PatternError


def matches(pattern: Any, message: Any) -> bool:
    """True if `message` fits `pattern` (see the module docstring)."""
    if pattern is None or pattern is ANY:
        return True
    kind = type(pattern)
    if kind is tuple or kind is list:
        return (type(message) is kind and len(message) == len(pattern)
                and all(matches(p, m) for p, m in zip(pattern, message)))
    if kind is dict:
        return (type(message) is dict
                and all(k in message and matches(p, message[k]) for k, p in pattern.items()))
    if kind is OneOf:
        return any(matches(p, message) for p in pattern.alternatives)
    if isinstance(pattern, type):
        # `pattern is message`: a class sent as a value, e.g. ("start", Counter), matches itself.
        return message is pattern or isinstance(message, pattern)
    if callable(pattern):
        return _call_predicate(pattern, message)
    return pattern == message


def _call_predicate(predicate: Any, message: Any) -> bool:
    try:
        return bool(predicate(message))
    except Exception as error:
        raise PatternError(
            f"the receive pattern {describe_pattern(predicate)} raised "
            f"{type(error).__name__}: {error} on the message {short(message)}. "
            "A predicate takes one message and returns True or False; make it return False "
            "for messages it does not expect.") from error


def check_pattern(pattern: Any) -> None:
    """Raise `PatternError` if `pattern` could never be used to test a message.

    >>> check_pattern(lambda a, b: True)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    actorlab.runtime.errors.PatternError: a receive predicate takes exactly one argument ...
    """
    kind = type(pattern)
    if kind is tuple or kind is list:
        for part in pattern:
            check_pattern(part)
    elif kind is dict:
        for part in pattern.values():
            check_pattern(part)
    elif kind is OneOf:
        for part in pattern.alternatives:
            check_pattern(part)
    elif isinstance(pattern, (types.GeneratorType, types.CoroutineType, range, map, filter)):
        raise PatternError(
            f"a receive pattern cannot be a {kind.__name__}: use a tuple shape like "
            "('add', ANY), a class, or a function of one message")
    elif callable(pattern) and not isinstance(pattern, type):
        _check_arity(pattern)


def _check_arity(predicate: Any) -> None:
    try:
        signature = inspect.signature(predicate)
    except (TypeError, ValueError):
        return  # some built-ins have no signature; trust them
    try:
        signature.bind(None)
    except TypeError:
        raise PatternError(
            "a receive predicate takes exactly one argument (the message), but "
            f"{describe_pattern(predicate)} takes {signature}") from None
