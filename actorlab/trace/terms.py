"""Terms: the values processes exchange, and how the trace writes them as JSON.

Erlang has a handful of term types; Python has many more. The trace must turn any
message into JSON and back, the same bytes every run, so this module defines:

* `Pid` and `Ref`, numbered per node, printed the way Erlang prints them;
* `ANY`, the wildcard used in receive patterns;
* `encode` / `decode`, a lossless JSON form for the usual terms (numbers, strings,
  tuples, lists, dicts, sets, pids, refs, exceptions) and a stable, readable stand-in
  (`Opaque`) for anything else, such as functions or arbitrary objects.

>>> decode(encode(("add", 1, [2.5, None])))
('add', 1, [2.5, None])
"""
from __future__ import annotations

import builtins
import math
import re
from typing import Any


class Pid:
    """A process identifier: `#PID<0.N.0>`. Pids are numbered per node from 0 (the shell).

    Two pids are equal when their numbers are; `node` (a serial number of the node that
    made the pid, or None for a pid read back from JSON) is kept only so the runtime can
    refuse a pid from an earlier node instead of quietly reaching the wrong process.

    >>> Pid(3)
    #PID<0.3.0>
    >>> list({Pid(5), Pid(2), Pid(9)})     # a set of pids has the same order in every run
    [#PID<0.9.0>, #PID<0.2.0>, #PID<0.5.0>]
    """

    __slots__ = ("number", "node")

    def __init__(self, number: int, node: int | None = None) -> None:
        self.number = number
        self.node = node

    def __repr__(self) -> str:
        return f"#PID<0.{self.number}.0>"

    def __eq__(self, other: object) -> bool:
        return type(other) is Pid and other.number == self.number

    def __hash__(self) -> int:
        # The number alone: a string in the hash would change from run to run (Python
        # randomises str hashes), and with it the order of a set of pids.
        return hash(self.number)

    def __lt__(self, other: Pid) -> bool:
        return self.number < other.number


class Ref:
    """A unique reference: `#Ref<0.N>`, numbered per node. Used to tag a request and its reply.

    A ref made by `alias()` (or `monitor(..., alias=True)`) is also an *alias*: while it is
    active, sending to it reaches `owner`. Like `node`, `owner` is not part of equality.

    >>> Ref(7)
    #Ref<0.7>
    """

    __slots__ = ("number", "node", "owner")

    def __init__(self, number: int, node: int | None = None, owner: Pid | None = None) -> None:
        self.number = number
        self.node = node
        self.owner = owner

    def __repr__(self) -> str:
        return f"#Ref<0.{self.number}>"

    def __eq__(self, other: object) -> bool:
        return type(other) is Ref and other.number == self.number

    def __hash__(self) -> int:
        return hash(self.number)            # the same every run, as a Pid's


class _Any:
    """The wildcard of receive patterns: matches any value. There is one, `ANY`."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "ANY"

    def __reduce__(self) -> str:
        return "ANY"


ANY = _Any()


class OneOf:
    """A receive pattern that accepts a message matching any of its alternatives, like the
    clauses of an Erlang `receive`: `OneOf((ref, ANY), ("DOWN", ref, ANY, ANY, ANY))`.

    >>> OneOf(("ok", ANY), "stop")
    OneOf(('ok', ANY), 'stop')
    """

    __slots__ = ("alternatives",)

    def __init__(self, *alternatives: Any) -> None:
        if not alternatives:
            raise ValueError("OneOf needs at least one pattern")
        self.alternatives = alternatives

    def __repr__(self) -> str:
        return f"OneOf({', '.join(map(repr, self.alternatives))})"

    def __eq__(self, other: object) -> bool:
        return type(other) is OneOf and other.alternatives == self.alternatives

    def __hash__(self) -> int:
        return hash(("one_of", self.alternatives))


class Opaque:
    """A stand-in for a value JSON cannot carry (a function, an object): its kind and text.

    Decoding a trace gives back an `Opaque` where the original held, say, a lambda;
    it prints like the original did, and encodes to the same JSON again.
    """

    __slots__ = ("kind", "text")

    def __init__(self, kind: str, text: str) -> None:
        self.kind = kind
        self.text = text

    def __repr__(self) -> str:
        return self.text

    def __eq__(self, other: object) -> bool:
        return type(other) is Opaque and (other.kind, other.text) == (self.kind, self.text)

    def __hash__(self) -> int:
        return hash((self.kind, self.text))


# Memory addresses ("at 0x7f3a...") differ every run; the trace must not.
_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")


def stable_repr(value: Any) -> str:
    """`repr(value)` without memory addresses, and with the items of sets sorted (their
    order follows string hashes, which change every run), so it reads the same every run.

    >>> stable_repr(("paid", frozenset({"b", "a"}), [{2, 1}]))
    "('paid', frozenset({'a', 'b'}), [{1, 2}])"
    """
    return _ADDRESS.sub("", _sorted_repr(value))


def _sorted_repr(value: Any) -> str:
    kind = type(value)
    if kind in (set, frozenset) and value:
        items = "{" + ", ".join(sorted(_sorted_repr(item) for item in value)) + "}"
        return items if kind is set else f"frozenset({items})"
    if kind is tuple:
        items = ", ".join(_sorted_repr(item) for item in value)
        return f"({items},)" if len(value) == 1 else f"({items})"
    if kind is list:
        return "[" + ", ".join(_sorted_repr(item) for item in value) + "]"
    if kind is dict:
        return "{" + ", ".join(f"{_sorted_repr(key)}: {_sorted_repr(item)}"
                               for key, item in value.items()) + "}"
    return repr(value)


def callable_name(fn: Any) -> str:
    """A readable name for a function or class: `worker`, `Counter.handle_call`.

    A function defined inside another is named by itself, without the enclosing path.
    """
    name = getattr(fn, "__qualname__", None) or getattr(fn, "__name__", None)
    if name is None:
        return type(fn).__name__
    return name.rsplit("<locals>.", 1)[-1]


def encode(term: Any) -> Any:
    """Turn a term into plain JSON data (dicts, lists, strings, numbers, None).

    Lists, strings, integers, booleans and None stand for themselves; every other type is a
    one-key dict naming it, so nothing is ambiguous:

    >>> encode((Pid(1), "hi", [1, 2]))
    {'tuple': [{'pid': 1}, 'hi', [1, 2]]}
    """
    if term is None or term is True or term is False or type(term) in (int, str):
        return term
    kind = type(term)
    if kind is tuple:
        return {"tuple": [encode(item) for item in term]}
    if kind is list:
        return [encode(item) for item in term]
    if kind is Pid:
        return {"pid": term.number}
    if kind is Ref:
        return {"ref": term.number}
    if kind is float:
        return term if math.isfinite(term) else {"float": repr(term)}
    if kind is dict:
        return {"dict": [[encode(k), encode(v)] for k, v in term.items()]}
    if kind in (set, frozenset):
        # Set order depends on hashing, which changes between runs: sort the encoded items.
        items = sorted((encode(item) for item in term), key=repr)
        return {kind.__name__: items}
    if term is ANY:
        return {"any": None}
    if kind is OneOf:
        return {"one_of": [encode(p) for p in term.alternatives]}
    if kind is Opaque:
        return {term.kind: term.text}
    if isinstance(term, BaseException):
        name = term.name if kind is RemoteError else kind.__name__
        return {"exception": [name, [encode(arg) for arg in term.args]]}
    if callable(term):
        return {"callable": callable_name(term)}
    return {"repr": stable_repr(term)}


def decode(data: Any) -> Any:
    """The inverse of `encode`: plain JSON data back to terms.

    >>> decode({"tuple": ["ok", {"pid": 4}]})
    ('ok', #PID<0.4.0>)
    """
    if data is None or isinstance(data, (bool, int, float, str)):
        return data
    if isinstance(data, list):
        return [decode(item) for item in data]
    if not isinstance(data, dict) or len(data) != 1:
        raise ValueError(f"not an encoded term: {data!r}")
    (kind, value), = data.items()
    if kind == "tuple":
        return tuple(decode(item) for item in value)
    if kind == "pid":
        return Pid(value)
    if kind == "ref":
        return Ref(value)
    if kind == "float":
        return float(value)
    if kind == "dict":
        return {decode(k): decode(v) for k, v in value}
    if kind == "set":
        return {decode(item) for item in value}
    if kind == "frozenset":
        return frozenset(decode(item) for item in value)
    if kind == "any":
        return ANY
    if kind == "one_of":
        return OneOf(*(decode(p) for p in value))
    if kind == "exception":
        return _decode_exception(*value)
    if kind in ("callable", "repr"):
        return Opaque(kind, value)
    raise ValueError(f"not an encoded term: {data!r}")


def _decode_exception(name: str, args: list) -> BaseException:
    """Rebuild a built-in exception by name; other exception classes come back as `RemoteError`."""
    cls = getattr(builtins, name, None)
    decoded = [decode(arg) for arg in args]
    if isinstance(cls, type) and issubclass(cls, BaseException):
        return cls(*decoded)
    return RemoteError(name, *decoded)


class RemoteError(Exception):
    """An exception read back from a saved trace whose class is not a Python built-in."""

    def __init__(self, name: str, *args: Any) -> None:
        super().__init__(*args)
        self.name = name

    def __repr__(self) -> str:
        return f"{self.name}({', '.join(map(repr, self.args))})"
