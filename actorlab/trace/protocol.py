"""The conventions the layers share, written once: the messages OTP sends itself, the
course's hand-built call and cast, the notes supervisors leave in a trace, which exit
reasons are normal, and how to find the refs in a term.

The otp layer sends these shapes, the views draw them, the course's checks read them off
traces: each imports them from here, so that the three cannot drift apart
(tests/test_layers.py checks that no other module spells the tags out).

**OTP's messages**, as gen_server.erl and Elixir's Task send them (sent by `actorlab.otp`):

* `("$gen_call", (caller, tag), request)`: `GenServer.call`, answered `(tag, reply)`;
* `("$gen_cast", message)`: `GenServer.cast`;
* `("$gen_stop", (caller, ref), reason)`: `GenServer.stop`;
* `("$ack", pid, answer)`: a starting server tells its starter how `init` went;
* `("$task_ref", ref)`: `Task.async_` tells the task the ref to tag its result with.

The last three are OTP's bookkeeping (`SYSTEM_TAGS`): a diagram with `hide_system=True`
leaves them out.

>>> from .terms import Pid, Ref
>>> message = gen_call((Pid(0), Ref(1)), "get")
>>> message, is_gen_call(message), is_gen_cast(message)
(('$gen_call', (#PID<0.0.0>, #Ref<0.1>), 'get'), True, False)

**The course's hand-built call and cast** (notebooks 02 to 04 build them from `send` and
`receive`; the views draw them as calls and casts, as they do OTP's):

* `("call", caller, ref, request)`, answered `(ref, reply)`;
* `("cast", message)`.

>>> is_hand_call(hand_call(Pid(0), Ref(2), "get")), is_hand_call(("call", "no ref", 1, 2))
(True, False)

**Supervisors' notes** (`note(text, data)` in the trace, from which the views draw the
supervision tree): `child_started_note(...)` when a supervisor has started a child, and
`shutdown_note(reason)` when it gives up.

**Exit reasons**: `is_normal` says which ones are not errors. **Refs**: `refs_in` finds
them in a term, as the runtime does to tell whom a process waits for.

>>> refs_in(("$gen_call", (Pid(0), Ref(7)), {"key": [Ref(8)]}))
[#Ref<0.7>, #Ref<0.8>]
"""
from __future__ import annotations

from typing import Any

from .terms import Pid, Ref

GEN_CALL = "$gen_call"
GEN_CAST = "$gen_cast"
GEN_STOP = "$gen_stop"
ACK = "$ack"
TASK_REF = "$task_ref"
SYSTEM_TAGS = (ACK, TASK_REF, GEN_STOP)
"""The tags of OTP's bookkeeping messages, which `hide_system=True` hides."""

CALL = "call"
CAST = "cast"
"""The tags of the course's hand-built call and cast."""

CHILD_STARTED = "child_started"
SUPERVISOR_SHUTDOWN = "shutdown"
"""The events of supervisors' notes (the "event" key of their data)."""


def is_tagged(term: Any, tag: str, size: int) -> bool:
    """Whether `term` is a tuple of `size` elements whose first is `tag`: Erlang's way of
    saying what a message or a result is.

    >>> is_tagged(("ok", 1), "ok", 2), is_tagged(("ok", 1, 2), "ok", 2)
    (True, False)
    """
    return type(term) is tuple and len(term) == size and term[0] == tag


# -- OTP's messages ---------------------------------------------------------------------

def gen_call(from_: tuple[Pid, Ref], request: Any) -> tuple:
    """The message of `GenServer.call`: `from_` is the caller and the tag of the reply."""
    return (GEN_CALL, from_, request)


def gen_cast(message: Any) -> tuple:
    """The message of `GenServer.cast`."""
    return (GEN_CAST, message)


def gen_stop(from_: tuple[Pid, Ref], reason: Any) -> tuple:
    """The message of `GenServer.stop`: `from_` is the caller and its monitor's ref."""
    return (GEN_STOP, from_, reason)


def is_gen_call(message: Any) -> bool:
    """Whether `message` is a `GenServer.call`, `("$gen_call", from_, request)`."""
    return is_tagged(message, GEN_CALL, 3)


def is_gen_cast(message: Any) -> bool:
    """Whether `message` is a `GenServer.cast`, `("$gen_cast", message)`."""
    return is_tagged(message, GEN_CAST, 2)


def is_gen_stop(message: Any) -> bool:
    """Whether `message` is a `GenServer.stop`, `("$gen_stop", from_, reason)`."""
    return is_tagged(message, GEN_STOP, 3)


def is_system(message: Any) -> bool:
    """Whether `message` is OTP's bookkeeping (tagged with one of `SYSTEM_TAGS`).

    >>> is_system(("$ack", Pid(1), ("ok", Pid(1)))), is_system(("ack", 1))
    (True, False)
    """
    return type(message) is tuple and bool(message) and type(message[0]) is str \
        and message[0] in SYSTEM_TAGS


# -- the course's hand-built call and cast -----------------------------------------------

def hand_call(caller: Pid, ref: Ref, request: Any) -> tuple:
    """A call as notebook 02 builds it; the reply is `(ref, reply)`."""
    return (CALL, caller, ref, request)


def hand_cast(message: Any) -> tuple:
    """A cast as notebook 02 builds it."""
    return (CAST, message)


def is_hand_call(message: Any) -> bool:
    """Whether `message` is a hand-built call, `("call", caller, ref, request)` with a ref."""
    return is_tagged(message, CALL, 4) and type(message[2]) is Ref


def is_hand_cast(message: Any) -> bool:
    """Whether `message` is a hand-built cast, `("cast", message)`."""
    return is_tagged(message, CAST, 2)


# -- supervisors' notes --------------------------------------------------------------------

def child_started_note(id_: Any, child: Pid, kind: str, replaces: Pid | None) -> dict:
    """The data of a supervisor's note that it started the child `id_` (its spec's id) as
    the process `child`, of type `kind` ("worker" or "supervisor"), to replace the process
    `replaces` (None for a first start).

    >>> child_started_note("counter", Pid(2), "worker", None)["event"]
    'child_started'
    """
    return {"event": CHILD_STARTED, "id": id_, "child": child, "type": kind,
            "replaces": replaces}


def shutdown_note(reason: Any) -> dict:
    """The data of a supervisor's note that it is shutting down, and why."""
    return {"event": SUPERVISOR_SHUTDOWN, "reason": reason}


def is_child_started(data: Any) -> bool:
    """Whether a note's `data` is a `child_started_note`."""
    return isinstance(data, dict) and data.get("event") == CHILD_STARTED


# -- exit reasons and refs -------------------------------------------------------------------

def is_normal(reason: Any) -> bool:
    """True for the exit reasons that are not errors, for which OTP logs nothing and a
    transient child is not restarted: "normal", "shutdown" and ("shutdown", term).

    >>> is_normal("shutdown"), is_normal(("shutdown", "bye")), is_normal("killed")
    (True, True, False)
    """
    return reason in ("normal", "shutdown") or is_tagged(reason, "shutdown", 2)


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
