"""The conventions the layers share, written once: the messages OTP sends itself, the
course's hand-built call and cast, the notes supervisors leave in a trace, which exit
reasons are normal, and how to find the refs in a term.

One layer makes these terms and others read them back, often from a trace: each imports
them from here, so that they cannot drift apart, and tests/test_layers.py checks that no
other module spells out the tags.

**OTP's messages**, as gen_server.erl and Elixir's Task send them. The otp layer sends and
handles them (gen_server.py, task.py), the views draw calls and casts as such
(views/model.py), and the course's checks read them in a trace (what a server was handling
when it died, whether the learner called or cast):

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

**The course's hand-built call and cast**, which notebooks 02 to 04 build from `send` and
`receive` (and their checks send), and which the views draw as calls and casts too:

* `("call", caller, ref, request)`, answered `(ref, reply)`;
* `("cast", message)`.

>>> is_hand_call(hand_call(Pid(0), Ref(2), "get")), is_hand_call(("call", "no ref", 1, 2))
(True, False)

**Supervisors' notes**, the data of the `note` events otp/children.py writes, from which
views/graphs.py draws the supervision tree: `{"event": "child_started", "id": the spec's id,
"child": pid, "type": "worker" or "supervisor", "replaces": the pid it restarts, or None}`
(`child_started_note`), and `{"event": "shutdown", "reason": reason}` when a supervisor
gives up (`shutdown_note`).

**Exit reasons**: `is_normal` says which are not errors (the otp layer logs and restarts by
it, the course's checks tell a crash from an end). **Refs**: `refs_in` finds them in a
term; the runtime uses it to tell whom a process waits for.

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
    """The message of `GenServer.cast`.

    >>> gen_cast(("add", 1))
    ('$gen_cast', ('add', 1))
    """
    return (GEN_CAST, message)


def gen_stop(from_: tuple[Pid, Ref], reason: Any) -> tuple:
    """The message of `GenServer.stop`: `from_` is the caller and its monitor's ref.

    >>> is_gen_stop(gen_stop((Pid(0), Ref(3)), "normal")), is_system(gen_stop(None, "normal"))
    (True, True)
    """
    return (GEN_STOP, from_, reason)


def is_gen_call(message: Any) -> bool:
    """Whether `message` is a `GenServer.call`, `("$gen_call", from_, request)`.

    >>> is_gen_call(gen_call((Pid(0), Ref(1)), "get")), is_gen_call(("$gen_call", "get"))
    (True, False)
    """
    return is_tagged(message, GEN_CALL, 3)


def is_gen_cast(message: Any) -> bool:
    """Whether `message` is a `GenServer.cast`, `("$gen_cast", message)`.

    >>> is_gen_cast(gen_cast("hello")), is_gen_cast(("cast", "hello"))
    (True, False)
    """
    return is_tagged(message, GEN_CAST, 2)


def is_gen_stop(message: Any) -> bool:
    """Whether `message` is a `GenServer.stop`, `("$gen_stop", from_, reason)`.

    >>> is_gen_stop(("$gen_stop", (Pid(0), Ref(3)), "normal"))
    True
    """
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
    """A call as notebook 02 builds it; the reply is `(ref, reply)`.

    >>> hand_call(Pid(0), Ref(4), "get")
    ('call', #PID<0.0.0>, #Ref<0.4>, 'get')
    """
    return (CALL, caller, ref, request)


def hand_cast(message: Any) -> tuple:
    """A cast as notebook 02 builds it.

    >>> hand_cast(("add", 5))
    ('cast', ('add', 5))
    """
    return (CAST, message)


def is_hand_call(message: Any) -> bool:
    """Whether `message` is a hand-built call, `("call", caller, ref, request)` with a ref.

    >>> is_hand_call(("call", Pid(0), Ref(4), "get")), is_hand_call(("call", Pid(0), 4, "get"))
    (True, False)
    """
    return is_tagged(message, CALL, 4) and type(message[2]) is Ref


def is_hand_cast(message: Any) -> bool:
    """Whether `message` is a hand-built cast, `("cast", message)`.

    >>> is_hand_cast(hand_cast("hi")), is_hand_cast(gen_cast("hi"))
    (True, False)
    """
    return is_tagged(message, CAST, 2)


# -- supervisors' notes --------------------------------------------------------------------

def child_started_note(id_: Any, child: Pid, kind: str, replaces: Pid | None) -> dict:
    """The data of a supervisor's note that it started the child `id_` (its spec's id) as
    the process `child`, of type `kind` ("worker" or "supervisor"), to replace the process
    `replaces` (None for a first start).

    >>> note = child_started_note("counter", Pid(2), "worker", None)
    >>> note["event"], note["child"], note["replaces"]
    ('child_started', #PID<0.2.0>, None)
    """
    return {"event": CHILD_STARTED, "id": id_, "child": child, "type": kind,
            "replaces": replaces}


def shutdown_note(reason: Any) -> dict:
    """The data of a supervisor's note that it is shutting down, and why.

    >>> shutdown_note("reached_max_restart_intensity")
    {'event': 'shutdown', 'reason': 'reached_max_restart_intensity'}
    """
    return {"event": SUPERVISOR_SHUTDOWN, "reason": reason}


def is_child_started(data: Any) -> bool:
    """Whether a note's `data` is a `child_started_note`.

    >>> is_child_started(child_started_note("a", Pid(2), "worker", None)), is_child_started(None)
    (True, False)
    """
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
    values) down to `depth` levels (here the third ref is too deep to count).

    >>> refs_in((Ref(1), {"reply_to": Ref(2)}, [[[[Ref(3)]]]]))
    [#Ref<0.1>, #Ref<0.2>]
    """
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
