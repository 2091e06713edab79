"""Checks for notebook 07, Supervisors.

Exercise 1 chooses a restart strategy and a start order; its check kills each child in
turn, on a fresh node each time, and compares who was restarted with what was asked:

>>> check_strategy("rest_for_one", [(Part, "db"), (Part, "cache"), (Part, "web")])
✓ Restart what depends on the dead: all good
  ✓ when web dies, only web restarts; the others keep running
  ✓ when cache dies, cache and web restart; db keeps running
  ✓ when db dies, db, cache and web restart
>>> check_strategy("one_for_all", [(Part, "db"), (Part, "cache"), (Part, "web")])
✗ Restart what depends on the dead: not yet
  ✗ when web died, db, cache and web restarted, not only web: one_for_all restarts every child, also db and cache, which do not use web
  ✗ when cache died, db, cache and web restarted, not cache and web: one_for_all restarts every child, also db, which does not use cache
  ✓ when db dies, db, cache and web restart

Any ids will do: the service is the name the child's start passes (see `_service`):

>>> check_strategy("rest_for_one", [{"id": f"{name}_service", "start": (GenServer.start_link,
...     (Part, name), {"name": name})} for name in SERVICES])
✓ Restart what depends on the dead: all good
  ✓ when web dies, only web restarts; the others keep running
  ✓ when cache dies, cache and web restart; db keeps running
  ✓ when db dies, db, cache and web restart
>>> check_strategy("rest_for_one", (Part, "db"))
✗ Restart what depends on the dead: not yet
  ✗ children is one child spec, not a list: put the three in a list

Exercise 2 gives a room a Registry via-name and a greeter the room's name instead of its
pid; its check restarts the room and greets again, then opens a second room, "#hall", with
a greeter of its own, and greets it (see `check_via_name`).
"""
from __future__ import annotations

import dis
import inspect
import io
from contextlib import redirect_stdout, suppress
from typing import Any, Callable

from ..otp import DynamicSupervisor, GenServer, Registry, Supervisor
from ..otp.children import child_spec
from ..runtime import Exit, current_node, exit, is_alive, whereis
from ..trace import Pid, short
from ..trace.protocol import is_gen_call, is_gen_cast
from .checks import (Check, fresh_node, kept_outside_state, names_used, reason_text, run_quietly,
                     start_learner)

STRATEGIES = ("one_for_one", "one_for_all", "rest_for_one")
SERVICES = ("db", "cache", "web")
WANTED = {"web": ["web"], "cache": ["cache", "web"], "db": ["db", "cache", "web"]}
"""Who must restart when each service dies: web uses cache, which uses db."""

REGISTRY = "Rooms"
ROOM_SUPERVISOR = "RoomSupervisor"


class Part(GenServer):
    """A silent stand-in for the notebook's Service: registered under its name."""

    @classmethod
    def child_spec(cls, name: str) -> dict:
        return {"id": name, "start": (GenServer.start_link, (cls, name), {"name": name})}

    def init(self, name: str) -> Any:
        return ("ok", name)


def _and(names: list[str]) -> str:
    """"db", "db and cache", "db, cache and web"."""
    if not names:
        return "nothing"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _is_child_spec(term: Any) -> bool:
    """Whether `term` is one child spec, such as (Service, "db"), rather than a list."""
    try:
        child_spec(term)
    except (ValueError, TypeError):
        return False
    return True


def _unlinked(spec: dict) -> bool:
    """Whether a child spec starts its child with GenServer.start, which does not link it
    to the supervisor (the check's own stand-ins would hide that: they always link)."""
    start = spec.get("start")
    return type(start) is tuple and len(start) >= 1 and start[0] is GenServer.start


def _service(spec: dict) -> Any:
    """The service a child spec starts: the name its start passes last, such as "db" in
    (GenServer.start_link, (Service, "db"), ...), whatever its id ("db_service"); else
    its id."""
    with suppress(IndexError, TypeError, KeyError):
        name = spec["start"][1][-1]
        if type(name) is str and name in SERVICES:
            return name
    return spec["id"]


def _ids(check: Check, children: Any) -> list[str] | None:
    """The service names (see `_service`), in the learner's start order; None (noted) if
    that is not three child specs for db, cache and web."""
    if isinstance(children, (tuple, dict)) and _is_child_spec(children):
        check.fail("children is one child spec, not a list: put the three in a list")
        return None
    if not isinstance(children, (list, tuple)):
        shown = "not set yet" if children is ... else f"{short(children, 40)}"
        check.fail(f"children is {shown}: make it a list of child specs, such as "
                   "[(Service, \"db\"), ...]")
        return None
    ids = []
    for spec in children:
        if isinstance(spec, type):
            check.fail(f"a bare {spec.__name__} has no name: write each child as (class, "
                       f"name), such as ({spec.__name__}, \"db\")")
            return None
        try:
            expanded = child_spec(spec)
        except ValueError:
            check.fail(f"{short(spec, 40)} is not a child spec: write each child as "
                       "(Service, name), such as (Service, \"db\")")
            return None
        if _unlinked(expanded):
            check.fail(f"the child spec for {short(expanded['id'], 20)} starts it with "
                       "GenServer.start, which makes no link: a supervisor learns that a child "
                       "died through the link, so it would never restart it. Start each "
                       "child with GenServer.start_link, as Service.child_spec does, or write "
                       "it as (Service, name)")
            return None
        ids.append(_service(expanded))
    if sorted(map(repr, ids)) != sorted(map(repr, SERVICES)) or len(ids) != 3:
        check.fail(f"the children are {ids}: list db, cache and web, each once")
        return None
    return ids


def _restarted(strategy: str, order: list[str], victim: str) -> list[str] | None:
    """Which services have a new pid after `victim` is killed (in db, cache, web order);
    None if the supervisor itself died."""
    fresh_node()
    _, sup = Supervisor.start_link([(Part, name) for name in order], strategy=strategy)
    before = {name: whereis(name) for name in order}
    exit(before[victim], "kill")
    if not is_alive(sup):
        return None
    return [name for name in SERVICES if whereis(name) != before[name]]


def _why(strategy: str, order: list[str], victim: str, restarted: list[str]) -> str:
    wanted = WANTED[victim]
    extra = [name for name in restarted if name not in wanted]
    missing = [name for name in wanted if name not in restarted]
    if strategy == "one_for_one":
        return (f"one_for_one restarts only the child that died, but {_and(missing)} "
                f"use{'s' if len(missing) == 1 else ''} {victim} and must restart with it")
    if strategy == "one_for_all":
        return (f"one_for_all restarts every child, also {_and(extra)}, which "
                f"do{'es' if len(extra) == 1 else ''} not use {victim}")
    return (f"rest_for_one restarts the dead child and every child listed after it, and "
            f"your order is {', '.join(order)}: list each child after the children it uses")


def check_strategy(strategy: Any, children: Any) -> None:
    """Exercise 1: web uses cache, cache uses db; a strategy and an order such that when
    a service dies, it and the services that use it restart, and no other."""
    with Check("Restart what depends on the dead") as check:
        if strategy not in STRATEGIES:
            shown = "not set yet" if strategy is ... else f"{short(strategy, 40)}"
            check.fail(f"strategy is {shown}: set it to one of "
                       f"{', '.join(repr(s) for s in STRATEGIES)}")
            return
        order = _ids(check, children)
        if order is None:
            return
        explained = False
        for victim in ("web", "cache", "db"):
            wanted = WANTED[victim]
            restarted = _restarted(strategy, order, victim)
            if restarted is None:
                check.fail(f"when {victim} died, the supervisor gave up and exited")
                continue
            others = [name for name in SERVICES if name not in wanted]
            ok = (f"when {victim} dies, " +
                  ("only web restarts; the others keep running" if victim == "web" else
                   f"{_and(wanted)} restart" +
                   (f"; {_and(others)} keeps running" if others else "")))
            said = f"only {victim}" if len(wanted) == 1 else _and(wanted)
            wrong = f"when {victim} died, {_and(restarted)} restarted, not {said}"
            if not (explained and strategy == "rest_for_one"):   # say the rule once
                wrong += ": " + _why(strategy, order, victim, restarted)
            if not check.expect(restarted == wanted, ok, wrong):
                explained = True


# -- exercise 2: a via-name -------------------------------------------------------------

def _describe_via(name: Any, room: str = "#lobby") -> str | None:
    """What is wrong with via(room)'s answer, or None if it is right."""
    wanted = ("via", Registry, (REGISTRY, room))
    if name == wanted:
        return None
    said = f"via({room!r})".replace("'", '"')
    if not (type(name) is tuple and len(name) == 3):
        return (f"{said} returned {short(name, 60)}: a via-name is a tuple of three, "
                "(\"via\", Registry, (\"Rooms\", room_name))")
    if name[0] != "via" or name[1] is not Registry:
        return (f"{said} returned {short(name, 60)}: it starts with \"via\" and then "
                "the Registry class itself (not a string)")
    if room != "#lobby" and name == ("via", Registry, (REGISTRY, "#lobby")):
        return (f"{said} returned {short(name, 100)}, the lobby's via-name: every room "
                "would share one name. Use the argument: (\"via\", Registry, (\"Rooms\", "
                "room_name))")
    return (f"{said} returned {short(name, 100)}: its last part is (registry name, "
            "key): (\"Rooms\", room_name)")


def _check_via(check: Check, via: Callable) -> bool:
    """Whether via gives the right via-name for "#lobby" and for "#hall" (a via that
    ignores its argument would name every room "#lobby"); noted in `check`."""
    looks_up = sorted({"lookup", "whereis"} & names_used(via))
    if looks_up:
        check.fail(f"via(room_name) looks the room up ({' and '.join(looks_up)}), but via only "
                   "names it: return the via-name itself, the tuple (\"via\", Registry, "
                   "(\"Rooms\", room_name)). GenServer.call and start_link look the name up "
                   "themselves, at each use; a pid looked up once goes stale when the room "
                   "restarts")
        return False
    for room in ("#lobby", "#hall"):
        ran, name = run_quietly(check, f'via("{room}")', lambda: via(room))
        if not ran:
            return False
        wrong = _describe_via(name, room)
        if wrong:
            check.fail(wrong)
            return False
    return check.expect(True, 'via(room_name) is ("via", Registry, ("Rooms", room_name))', "")


POST = "GenServer.call(via(room_name), (\"post\", \"hello!\"))"
"""How the greeter posts to its room, as a finding says it."""


def _misposted(greeter: Pid) -> str | None:
    """What is wrong with the first message the greeter sent a room, or None if it was
    a call of ("post", text) (read off the trace, leaving out its lookups in the registry:
    a Room has no handle_cast, and its handle_call unpacks any request but "posts" as
    ("post", text))."""
    registry = whereis(REGISTRY)
    sent = [e.data["msg"] for e in current_node().trace.events
            if e.kind == "send" and e.pid == greeter and e.data["to"] != registry
            and (is_gen_cast(e.data["msg"]) or is_gen_call(e.data["msg"]))]
    if not sent:
        return None
    if is_gen_cast(sent[0]):
        return (f"the greeter cast {short(sent[0][1], 40)} to the room, and a Room has no "
                "handle_cast, so the cast crashed the room. A Room takes (\"post\", text) "
                f"as a call: {POST}")
    request = sent[0][2]
    if request == "posts" or (type(request) is tuple and len(request) == 2
                              and request[0] == "post"):
        return None
    return (f"the room crashed on the request {short(request, 40)}: a Room takes "
            f"(\"post\", text). Post with {POST}")


def _nested_via(target: Any) -> bool:
    """Whether `target` is a via-name whose key is itself a via-name: via(via(name))."""
    try:
        return target[0] == "via" and target[2][1][0] == "via"
    except (IndexError, TypeError, KeyError):
        return False


START = ("in child_spec, \"start\" is (GenServer.start_link, (cls, room_name), "
         "{\"name\": via(room_name)})")
"""The room's start tuple, as a finding says it."""


def _start_mismatch(room_class: type) -> str | None:
    """What is wrong with the room's start tuple if its function cannot take its
    arguments (such as the via-name as a third positional argument), or None: checked
    without starting it, since such a start fails before init runs."""
    own = getattr(room_class, "child_spec", None)
    spec = own("#lobby") if callable(own) and "child_spec" in vars(room_class) else None
    if spec is None and callable(own) and "child_spec" in vars(room_class):
        return (f"{room_class.__name__}.child_spec(\"#lobby\") returned None: return the child "
                "spec, a dict with \"id\" and \"start\" (a dict written on a line of its own, "
                "without return, is made and thrown away)")
    if type(spec) is tuple:
        return (f"{room_class.__name__}.child_spec(\"#lobby\") returned a tuple, "
                f"{short(spec, 60)}: (Module, arg) is the short form you give a supervisor, "
                "which then asks Module.child_spec(arg) for the spec itself. child_spec "
                "must return that spec: a dict with \"id\" and \"start\", {\"id\": room_name, "
                "\"start\": (GenServer.start_link, (cls, room_name), {\"name\": "
                "via(room_name)})}")
    if type(spec) is dict and "start" in spec and "id" not in spec:
        return (f"{room_class.__name__}.child_spec(\"#lobby\") has no \"id\": a supervisor "
                "tells its children apart by id. Add \"id\": room_name to the dict")
    try:
        start = child_spec((room_class, "#lobby"))["start"]
        function, args, kwargs = (*start, {}) if len(start) == 2 else start
        parameters = inspect.signature(function)
    except (ValueError, TypeError):     # no valid spec: starting it says what is wrong
        return None
    try:
        parameters.bind(*args, **kwargs)
    except TypeError as error:
        name = getattr(function, "__qualname__", "its function")
        return (f"{room_class.__name__}.child_spec(\"#lobby\")'s \"start\" gives {name} "
                f"{len(args)} positional argument{'s' if len(args) != 1 else ''}, which do "
                f"not fit its parameters ({error}), so the room's init never ran. The name "
                f"is a keyword argument, in a dict after the arguments: {START}")
    return None


def _not_restarted(room: Pid, room_class: type) -> str:
    """Why the supervisor started no new room when `room` was killed: the room was not
    linked to it, or its child spec says never to restart it ("temporary")."""
    supervisor = whereis(ROOM_SUPERVISOR)
    if not any(e.kind == "link" and {e.pid, e.data["peer"]} == {room, supervisor}
               for e in current_node().trace.events):
        return (": the room was started with no link to its supervisor, so the supervisor "
                "never heard of its death. Start it with GenServer.start_link, as "
                "Room.child_spec does")
    with suppress(Exception):
        if child_spec((room_class, "#lobby"))["restart"] == "temporary":
            return (": your child_spec says \"restart\": \"temporary\", and a supervisor "
                    "never restarts a temporary child. Leave \"restart\" out, so the room "
                    "is permanent (restarted whenever it dies)")
    return ""


def _greet(check: Check, when: str, greeter: Pid, greeter_class: type) -> Any:
    """Ask the greeter to greet; the answer, or None with the reason noted."""
    try:
        answer = GenServer.call("greeter", "greet", 1000)
    except Exit as exit_:
        reason = exit_.reason
        inner = reason[0] if type(reason) is tuple and reason else reason
    else:
        wrong = _misposted(greeter)
        if wrong:
            check.fail(f"{when}, greet answered {short(answer, 40)}, but {wrong}")
            return None
        return answer
    wrong = _misposted(greeter)
    if wrong:
        check.fail(f"{when}, greet failed: {wrong}")
    elif inner == "noproc":
        check.fail(f"{when}, the greeter was not running: subclass Greeter, whose child_spec "
                   "registers it as \"greeter\"")
    elif inner == "timeout":
        check.fail(f"{when}, greet got no answer: handle_call returns (\"reply\", answer, "
                   "room_name)")
    elif type(inner) is tuple and inner and inner[0] == "noproc":
        try:
            target = inner[1][2][0]
        except (IndexError, TypeError):
            target = None
        kept = kept_outside_state(greeter_class)
        if type(target) is Pid and kept:
            check.fail(f"{when}, greet failed: the greeter called {target!r}, the pid of a "
                       f"room that is dead (noproc), which it kept {kept}: nothing refreshes "
                       "a pid kept there when the room restarts. Keep nothing outside the "
                       "state, and call via(room_name) each time")
        elif type(target) is Pid:
            check.fail(f"{when}, greet failed: the greeter called {target!r}, the pid of a "
                       "room that is dead (noproc). Keep the room's name in the greeter's "
                       "state and call via(room_name) each time")
        elif type(target) is tuple and len(target) == 3 and target[0] == "via" \
                and type(target[2]) is tuple \
                and not isinstance(target[2][-1], (str, tuple)):  # (a via-name: below)
            check.fail(f"{when}, greet failed: the greeter called via({short(target[2][-1])}), "
                       "not the room's name: a handle_call returned "
                       f"{short(target[2][-1])} as the greeter's new state, so the next "
                       "greeting had no name. handle_call returns (\"reply\", answer, "
                       "room_name), the state it was given")
        elif _nested_via(target):
            check.fail(f"{when}, greet failed: the greeter called via(via("
                       f"{short(target[2][1][2][1], 30)})), a via-name inside a via-name, and "
                       "found no room there (noproc). Keep the room's name in the greeter's "
                       "state, not its via-name, and call via(room_name)")
        else:
            check.fail(f"{when}, greet failed: the greeter called {short(target, 50)} and "
                       "found no room there (noproc). Call the room by via(room_name)")
    else:
        looked_up = (" whereis sees only names given to register or as a plain name=; a "
                     "via-name is the registry's, not the node's, so whereis(room_name) is "
                     "None." if "whereis" in names_used(greeter_class) else "")
        check.fail(f"{when}, greet failed: the greeter exited: {reason_text(inner)}."
                   f"{looked_up} handle_call posts with {POST} and returns (\"reply\", that "
                   "answer, room_name)")
    return None


def check_via_name(via: Callable, room_class: type, greeter_class: type) -> None:
    """Exercise 2: a room started under `via(name)`, a greeter that keeps the room's name;
    after the room is killed and restarted, a greeting still reaches it."""
    with Check("A greeter that finds its room by name") as check:
        with redirect_stdout(io.StringIO()):      # the rooms print when they open
            _via_scenario(check, via, room_class, greeter_class)


def _via_scenario(check: Check, via: Callable, room_class: type, greeter_class: type) -> None:
    if not _check_via(check, via):
        return
    wrong = _start_mismatch(room_class)
    if wrong:
        check.fail(wrong)
        return
    Registry.start_link(keys="unique", name=REGISTRY)
    DynamicSupervisor.start_link(name=ROOM_SUPERVISOR)
    room = start_learner(
        check, f"DynamicSupervisor.start_child({ROOM_SUPERVISOR!r}, ({room_class.__name__}, "
        "\"#lobby\"))", lambda: DynamicSupervisor.start_child(ROOM_SUPERVISOR,
                                                              (room_class, "#lobby")),
        START)
    if room is None:
        return
    entries = Registry.lookup(REGISTRY, "#lobby")
    plain = (" It is registered under the plain name \"#lobby\", which the registry does not "
             "see: give start_link the via-name instead." if whereis("#lobby") == room else "")
    if not check.expect(entries and entries[0][0] == room,
                        "the room registered itself in Rooms under \"#lobby\"",
                        "the room is not in the registry Rooms under \"#lobby\"." + plain +
                        " In child_spec, pass the name to start_link: (GenServer.start_link, "
                        "(cls, room_name), {\"name\": via(room_name)})"):
        return
    if start_learner(check, f"Supervisor.start_link([({greeter_class.__name__}, \"#lobby\")])",
                     lambda: Supervisor.start_link([(greeter_class, "#lobby")]),
                     "the greeter's init must return ('ok', state)") is None:
        return
    greeter = whereis("greeter")
    if greeter is None:
        check.fail("the greeter is not registered as \"greeter\": subclass Greeter, whose "
                   "child_spec registers it")
        return
    first = _greet(check, "with the first room", greeter, greeter_class)
    if first is None:
        return
    if first != "ok":
        check.fail(f"greet answered {short(first, 40)}, not 'ok': handle_call returns "
                   "(\"reply\", the room's answer, room_name)")
        return
    posts = _posts("#lobby")
    if posts != ["hello!"]:
        caught = (" Its handle_call catches an exception and answers anyway, which hides "
                  "why: let the call fail, so the error shows." if _catches(greeter_class)
                  else "")
        check.fail(f"greet answered 'ok', but the room's posts are {short(posts, 40)}: the "
                   f"greeting never reached the room.{caught} Post (\"post\", \"hello!\") "
                   "to via(room_name)")
        return
    exit(room, "kill")
    entries = Registry.lookup(REGISTRY, "#lobby")
    if not (entries and entries[0][0] != room):
        check.fail("after the room was killed, no new room registered under \"#lobby\"" +
                   _not_restarted(room, room_class))
        return
    answer = _greet(check, "after the room was killed and restarted", whereis("greeter"),
                    greeter_class)
    if answer is None:
        return
    posts = GenServer.call(via("#lobby"), "posts", 1000)
    if check.expect(answer == "ok" and posts == ["hello!"],
                    "after the room was killed and restarted, the greeting reached the new "
                    "room",
                    f"after the room restarted, greet answered {short(answer, 40)} and the "
                    f"new room's posts are {short(posts, 40)}: post (\"post\", \"hello!\") "
                    "to via(room_name)"):
        _second_room(check, room_class, greeter_class)
    if check.passed:
        _shared_memory(check, room_class, greeter_class)


def _shared_memory(check: Check, room_class: type, greeter_class: type) -> None:
    """A room or greeter that keeps data outside its state (a global table of pids, say)
    passes the greetings only because actorlab's processes share one Python: named."""
    for cls in (room_class, greeter_class):
        where = kept_outside_state(cls)
        if where:
            check.fail(f"it works, but {cls.__name__} keeps data {where}, outside its "
                       "state. Processes share no memory (on the BEAM this could not be "
                       "written): one process finds another only by a message, a pid or a "
                       "name. Keep only the room's name in the greeter's state, and call "
                       "via(room_name) at each greeting")
            return


def _catches(greeter_class: type) -> bool:
    """Whether the greeter's own handle_call has a try/except (which can swallow the
    exit of a call that went nowhere)."""
    code = getattr(vars(greeter_class).get("handle_call"), "__code__", None)
    return code is not None and any(step.opname == "PUSH_EXC_INFO"
                                    for step in dis.get_instructions(code))


def _posts(room: str) -> Any:
    """The posts of the room registered under `room` (by the check's own via-name)."""
    return GenServer.call(("via", Registry, (REGISTRY, room)), "posts", 1000)


def _second_room(check: Check, room_class: type, greeter_class: type) -> None:
    """On a fresh node, a room "#hall" beside the lobby, and a greeter started with
    "#hall": the room must register under "#hall" (a child_spec that ignores its argument
    names every room "#lobby"), and the greeting must reach it, not the lobby (a greeter
    that ignores room_name posts to via("#lobby"))."""
    fresh_node()
    Registry.start_link(keys="unique", name=REGISTRY)
    DynamicSupervisor.start_link(name=ROOM_SUPERVISOR)
    DynamicSupervisor.start_child(ROOM_SUPERVISOR, (room_class, "#lobby"))
    what = (f"DynamicSupervisor.start_child({ROOM_SUPERVISOR!r}, ({room_class.__name__}, "
            "\"#hall\"))")
    ran, started = run_quietly(check, what, lambda: DynamicSupervisor.start_child(
        ROOM_SUPERVISOR, (room_class, "#hall")))
    if not ran:
        return
    entries = Registry.lookup(REGISTRY, "#hall")
    if not (type(started) is tuple and started[0] == "ok" and entries
            and entries[0][0] == started[1]):
        lobby = "#lobby" in repr(child_spec((room_class, "#hall")))
        check.fail(f"a second room, started with ({room_class.__name__}, \"#hall\"), is not "
                   f"in the registry Rooms under \"#hall\" (the start answered "
                   f"{short(started, 60)})" +
                   (f": {room_class.__name__}.child_spec(\"#hall\") still names \"#lobby\", "
                    "so it ignores its argument. Use room_name" if lobby else
                    ": child_spec must use its argument room_name") + f": {START}")
        return
    if start_learner(check, f"Supervisor.start_link([({greeter_class.__name__}, \"#hall\")])",
                     lambda: Supervisor.start_link([(greeter_class, "#hall")]),
                     "the greeter's init must return ('ok', state)") is None:
        return
    when = "with a greeter started with \"#hall\""
    answer = _greet(check, when, whereis("greeter"), greeter_class)
    if answer is None:
        return
    hall, lobby = _posts("#hall"), _posts("#lobby")
    if hall != ["hello!"] and lobby == ["hello!"]:
        check.fail(f"{when}, the greeting went to the room \"#lobby\", not to \"#hall\": "
                   "the greeter ignores room_name, so every greeter would greet the lobby. "
                   "Post to via(room_name), the room the greeter was started with")
        return
    check.expect(answer == "ok" and hall == ["hello!"],
                 "a second room registered under \"#hall\", and a greeter started with "
                 "\"#hall\" greeted it",
                 f"{when}, greet answered {short(answer, 40)} and the room \"#hall\"'s posts "
                 f"are {short(hall, 40)}: post (\"post\", \"hello!\") to via(room_name)")
