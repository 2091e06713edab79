"""Checks for notebook 06, finding processes.

The notebook's protocol: a `Room` server takes the cast `("enter", who)` and answers the
call `"who"` with the list of people in it; a doorman answers `("admit", who)` with "ok"
after casting `("enter", who)` to its room; a manager answers `("open", id)` with the pid of
a room it starts and `("find", id)` with that pid, or None.

A doorman that keeps the room's name passes; one that keeps its pid does not:

>>> class ByName(GenServer):
...     def init(self, room_name):
...         return ("ok", room_name)
...     def handle_call(self, request, from_, room_name):
...         GenServer.cast(room_name, ("enter", request[1]))
...         return ("reply", "ok", room_name)
>>> check_doorman(ByName)
✓ Doorman that finds the room by name: all good
  ✓ ann, admitted by the doorman, is in the lobby
  ✓ after the lobby was replaced, bob reached the new lobby
  ✓ the doorman outlived the old lobby
  ✓ a doorman started with 'hall' let cat into the hall
  ✓ the lobby's doorman still let dan into the lobby
>>> class ByPid(ByName):
...     def init(self, room_name):
...         return ("ok", whereis(room_name))
>>> check_doorman(ByPid)
✗ Doorman that finds the room by name: not yet
  ✓ ann, admitted by the doorman, is in the lobby
  ✗ bob is not in the new lobby #PID<0.3.0>: at step 46 the doorman sent ('$gen_cast', ('enter', 'bob')) to #PID<0.1.0>, the old lobby, dead since step 33. A message to a dead pid is dropped without a word. Keep the room's name in the state, not its pid, and cast to the name on every request: the name leads to whoever holds it now. (To see it: current_node().trace.diagram(hide_system=True, steps=(33, 47)))
  ✓ the doorman outlived the old lobby

A doorman that calls the room instead of casting is told so:

>>> class Calling(ByName):
...     def handle_call(self, request, from_, room_name):
...         GenServer.call(room_name, ("enter", request[1]))
...         return ("reply", "ok", room_name)
>>> check_doorman(Calling)
✗ Doorman that finds the room by name: not yet
  ✗ you called the room; a Room only handles ("enter", who) as a cast: GenServer.cast(room_name, ("enter", who))

A manager that monitors its rooms and forgets dead ones passes; one that never monitors
keeps a dead pid:

>>> class Room(GenServer):
...     def init(self, topic):
...         return ("ok", [])
>>> class Watchful(GenServer):
...     def init(self, arg):
...         return ("ok", {})
...     def handle_call(self, request, from_, rooms):
...         kind, id_ = request
...         if kind == "open":
...             _, pid = GenServer.start(Room, id_)
...             monitor(pid)
...             return ("reply", pid, {**rooms, id_: pid})
...         return ("reply", rooms.get(id_), rooms)
...     def handle_info(self, message, rooms):
...         pid = message[3]
...         return ("noreply", {i: p for i, p in rooms.items() if p != pid})
>>> check_manager(Watchful)
✓ Manager that monitors its rooms: all good
  ✓ ('open', id) started a room and ('find', id) answered its pid
  ✓ the manager monitored each room it opened
  ✓ the manager outlived the kitchen
  ✓ after the kitchen died, ('find', 'kitchen') answered None
  ✓ the lobby, still alive, was not forgotten
  ✓ ('open', 'kitchen') again started a new kitchen, and ('find', 'kitchen') answers it
  ✓ a kitchen replaced by ('open', 'kitchen') died, and the new kitchen was kept
  ✓ after the hall stopped normally, ('find', 'hall') answered None
  ✓ a second manager, just started, knows no room
>>> class Forgetful(Watchful):
...     def handle_call(self, request, from_, rooms):
...         kind, id_ = request
...         if kind == "open":
...             _, pid = GenServer.start(Room, id_)
...             return ("reply", pid, {**rooms, id_: pid})
...         return ("reply", rooms.get(id_), rooms)
>>> check_manager(Forgetful)
✗ Manager that monitors its rooms: not yet
  ✓ ('open', id) started a room and ('find', id) answered its pid
  ✗ the manager never monitored a room, so nothing tells it when one dies: right after GenServer.start(Room, id_), call monitor(pid)
  ✓ the manager outlived the kitchen
  ✗ after the kitchen died (step 44), ('find', 'kitchen') still answered #PID<0.2.0>, a dead pid: monitor each room, and in handle_info drop the id whose pid is in the ('DOWN', ref, 'process', pid, reason) message
"""
from __future__ import annotations

import ast
from typing import Any, Callable

from ..otp import GenServer
from ..runtime import (ANY, Exit, current_node, exit, is_alive, monitor, process_info, receive,
                       run_for, self_pid, whereis)
from ..trace import Pid, short
from ..trace.protocol import is_gen_call, is_gen_cast
from .checks import (Check, compared_by_identity, exit_of, kept_outside_state, names_used,
                     reason_text, run_quietly, start_learner, string_constants, syntax_tree)


class Room(GenServer):
    """The notebook's room (the checks' own copy): ("enter", who) and "who"."""

    def init(self, topic: Any) -> Any:
        return ("ok", [])

    def handle_cast(self, message: Any, people: list) -> Any:
        return ("noreply", people + [message[1]])

    def handle_call(self, request: Any, from_: tuple, people: list) -> Any:
        return ("reply", people, people)


def _kill(pid: Pid) -> None:
    """Kill `pid` and wait for its DOWN, as the notebook does by hand."""
    ref = monitor(pid)
    exit(pid, "kill")
    receive(("DOWN", ref, ANY, ANY, ANY), timeout=1000)


def _step(kind: str, pid: Pid, **data: Any) -> int | None:
    """The step of the first event of `kind` happening to `pid` whose data match."""
    for event in current_node().trace.events:
        if event.kind == kind and event.pid == pid and \
                all(event.data.get(k) == v for k, v in data.items()):
            return event.step
    return None


def _called(caller: Pid, server: Pid, tag: str) -> bool:
    """Whether `caller` sent `server` a GenServer call whose request is (tag, ...)."""
    for event in current_node().trace.events:
        if event.kind == "send" and event.pid == caller and event.data["to"] == server:
            msg = event.data["msg"]
            if is_gen_call(msg) and type(msg[2]) is tuple and msg[2][:1] == (tag,):
                return True
    return False


def _watched_by(watcher: Pid) -> set[Pid]:
    """The pids `watcher` monitors now: monitors it made and did not end (GenServer.start
    and GenServer.call make monitors of their own, and end them)."""
    targets = {}
    for event in current_node().trace.events:
        if event.pid != watcher:
            continue
        if event.kind == "monitor":
            targets[event.data["ref"]] = event.data["target"]
        elif event.kind == "demonitor":
            targets.pop(event.data["ref"], None)
    return set(targets.values())


def _unwatched(watched: set[Pid], rooms: set[Pid], trapping_links: bool = False) -> str:
    """What is wrong with the manager's monitors, which do not cover every room: none (and
    links it traps instead, if `trapping_links`), a process that is not a room (such as
    the caller, from_[0]), or only some rooms."""
    if not watched and trapping_links:
        return ("the manager links its rooms and traps exits, instead of monitoring them: it "
                "hears when a room dies that way too, but a link goes both ways, so when the "
                "manager crashes every room dies with it. A monitor is one-way: start each "
                "room with GenServer.start(Room, id_), and call monitor(pid)")
    if not watched:
        return ("the manager never monitored a room, so nothing tells it when one dies: "
                "right after GenServer.start(Room, id_), call monitor(pid)")
    others = watched - rooms
    if others:
        caller = self_pid()
        who = ("the caller (from_[0], the process that called it), "
               if caller in others else f"{short(sorted(others, key=repr)[0])}, ")
        return (f"the manager monitored {who}a process that is not a room, so it hears when "
                "that one dies, not when a room does: monitor the room you started, the pid "
                "GenServer.start(Room, id_) returned: monitor(pid)")
    return ("the manager monitored some rooms but not each one it opened: call monitor(pid) "
            "for every room you start")


def _exit_reason(pid: Pid) -> Any:
    ended = exit_of(pid)
    return ended.data["reason"] if ended else None


def _to_room(doorman: Pid, room: Pid) -> str | None:
    """What is wrong with what the doorman sent the room, if it sent it no cast
    ("enter", who)."""
    sent = [e.data["msg"] for e in current_node().trace.events
            if e.kind == "send" and e.pid == doorman and e.data["to"] == room]
    if not sent:
        return None
    message = sent[0]
    if not (is_gen_cast(message) or is_gen_call(message)):
        return (f"the doorman sent {short(message)} with send: a GenServer gets in handle_cast "
                "only what GenServer.cast sends (a plain message goes to handle_info). Use "
                "GenServer.cast(room_name, ('enter', who))")
    if is_gen_cast(message) and not (type(message[1]) is tuple and
                                     message[1][:1] == ("enter",)):
        return (f"you cast {short(message[1])} to the room: a Room takes the cast "
                "('enter', who)")
    return None


def _private_room(doorman: Pid) -> str | None:
    """Advice for a doorman that cast ("enter", who) to a room it started itself (such as
    GenServer.start(Room, room_name) in init) instead of the lobby, or None if it did not."""
    events = current_node().trace.events
    started = {e.data["child"] for e in events if e.kind == "spawn" and e.pid == doorman}
    if not any(e.kind == "send" and e.pid == doorman and e.data["to"] in started
               and is_gen_cast(e.data["msg"]) for e in events):
        return None
    return ("the doorman started a room of its own (GenServer.start(Room, ...)) and cast "
            "ann into that one, a private room no one else finds. The lobby is already "
            "running, registered under the name init is given: keep that name in the state "
            "and cast to it, GenServer.cast(room_name, ('enter', who)), without starting a "
            "room")


def _via_name(module: Any) -> str | None:
    """Advice for a doorman that casts to a via-name (a Registry key) while the room it is
    given is registered under a plain name, or None if it names no Registry or 'via'."""
    if "Registry" not in names_used(module) and "via" not in string_constants(module):
        return None
    return ("the doorman casts to a via-name, a key in a Registry, but the room it is given "
            "is registered under a plain name, 'lobby' (GenServer.start(Room, 'lobby', "
            "name='lobby')): no registry holds it, so the cast went nowhere, as a cast to a "
            "name nobody has does. Cast to the name init is given, as it is: "
            "GenServer.cast(room_name, ('enter', who))")


def check_doorman(module: Any) -> None:
    """A doorman started with a room's registered name must reach whoever holds the name."""
    with Check("Doorman that finds the room by name") as check:
        GenServer.start(Room, "lobby", name="lobby")
        noted = _noting_states(module)
        doorman = start_learner(check, "GenServer.start(DoormanByName, 'lobby')",
                                lambda: GenServer.start(noted, "lobby"),
                                "init must return ('ok', state), and the state should be the "
                                "room's name")
        if doorman is None:
            return
        try:
            answer = GenServer.call(doorman, ("admit", "ann"), 1000)
        except Exit as exit_:
            if exit_.reason[0] == "timeout":
                check.fail("('admit', 'ann') got no reply in 1000 ms: handle_call returns "
                           "('reply', 'ok', state) once it has cast ('enter', who) to the room")
            else:
                check.fail(f"the doorman crashed on ('admit', 'ann'): "
                           f"{reason_text(_exit_reason(doorman))}")
            return
        if _called(doorman, whereis("lobby"), "enter"):
            check.fail("you called the room; a Room only handles (\"enter\", who) as a cast: "
                       "GenServer.cast(room_name, (\"enter\", who))")
            return
        wrong = _to_room(doorman, whereis("lobby"))
        if wrong:
            check.fail(wrong)
            return
        if answer != "ok":
            check.fail(f"('admit', 'ann') answered {answer!r}: reply 'ok' once you have cast "
                       "('enter', who) to the room")
            return
        people = GenServer.call("lobby", "who", 1000)
        if not check.expect(people == ["ann"], "ann, admitted by the doorman, is in the lobby",
                            f"after ('admit', 'ann') the lobby holds {people!r}, not ['ann']: "
                            + (_private_room(doorman) or _via_name(module) or
                               "in handle_call, cast ('enter', who) to the room")):
            return
        old = whereis("lobby")
        _kill(old)
        died = _step("exit", old)
        GenServer.start(Room, "lobby", name="lobby")
        new = whereis("lobby")
        try:
            GenServer.call(doorman, ("admit", "bob"), 1000)
        except Exit as exit_:
            reason = exit_.reason[0] if type(exit_.reason) is tuple else exit_.reason
            if is_alive(doorman):
                check.fail(f"('admit', 'bob') exited with {short(reason)} after the lobby was "
                           "replaced: the doorman should answer 'ok' and cast to the room's name")
            elif any(e.kind == "link" and {e.pid, e.data["peer"]} == {doorman, old}
                     for e in current_node().trace.events):
                check.fail(f"after the lobby was replaced, the doorman was dead: it was linked "
                           f"to the old lobby, so the lobby's death (step {died}) killed it too "
                           f"({reason_text(_exit_reason(doorman))}). The doorman needs no link: "
                           "the name alone leads to whoever holds it now")
            else:
                check.fail(f"after the lobby was replaced, the doorman crashed on ('admit', "
                           f"'bob') with {reason_text(_exit_reason(doorman))}: it still used "
                           f"the old lobby's pid {old!r} (dead since step {died}). Keep the "
                           "room's name in the state and call or cast to the name each time")
            return
        run_for(10)
        people = GenServer.call("lobby", "who", 1000)
        if people == ["bob"]:
            check.expect(True, "after the lobby was replaced, bob reached the new lobby", "")
        else:
            lost = [e for e in current_node().trace.events
                    if e.kind == "send" and e.pid == doorman and e.data["to"] == old
                    and not e.data["delivered"]]
            if lost:
                step = lost[0].step
                check.fail(
                    f"bob is not in the new lobby {new!r}: at step {step} the doorman sent "
                    f"{short(lost[0].data['msg'])} to {old!r}, the old lobby, dead since step "
                    f"{died}. A message to a dead pid is dropped without a word. "
                    f"{_keep_the_name(noted, old, module)} (To see it: "
                    f"current_node().trace.diagram(hide_system=True, steps=({died}, {step + 1})))")
            else:
                check.fail(f"after the lobby was replaced, ('admit', 'bob') left the new lobby "
                           f"holding {people!r}, not ['bob']: {_state_lost(noted)}")
        check.expect(is_alive(doorman), "the doorman outlived the old lobby",
                     f"the doorman died with {reason_text(_exit_reason(doorman))}")
        if check.passed:
            _another_room(check, module, doorman)
        _kept_outside(check, module, "doorman", "init returns ('ok', room_name), and "
                      "handle_call casts to the state it is given")


def _kept_outside(check: Check, module: Any, server: str, advice: str) -> None:
    """After every other finding passed: a server that still keeps data outside its state
    (on self, in a global) is told, with `advice` for this exercise."""
    where = kept_outside_state(module) if isinstance(module, type) else None
    if check.passed and where:
        check.fail(f"it works, but the {server} keeps data {where}, not in its state. A "
                   "GenServer's state is what init returns and its callbacks get and return "
                   f"(notebook 05): {advice}")


def _noting_states(module: Any) -> Any:
    """The learner's server class (a doorman, a manager), subclassed so that each
    handle_call notes (in `seen`) the state it was given and what the server kept on
    `self`, and each handle_info what it returned (in `infos`): what a finding's advice is
    about."""
    if not isinstance(module, type):
        return module

    class Noted(module):
        seen: list[tuple[Any, dict]] = []
        infos: list[Any] = []

        def handle_call(self, request: Any, from_: tuple, state: Any) -> Any:
            Noted.seen.append((state, dict(vars(self))))
            return super().handle_call(request, from_, state)

        def handle_info(self, message: Any, state: Any) -> Any:
            result = super().handle_info(message, state)
            Noted.infos.append(result)
            return result

    Noted.__name__, Noted.__qualname__ = module.__name__, module.__qualname__
    return Noted


def _kept_on_self(noted: Any, pid: Pid) -> str | None:
    """The attribute of self in which the server keeps `pid`, if the state its last
    handle_call was given does not hold it (`noted` is from `_noting_states`): a server
    that keeps its data on the object instead of in its state."""
    state, kept = (getattr(noted, "seen", None) or [(None, {})])[-1]
    if repr(pid) in repr(state):
        return None
    return next((name for name, value in kept.items() if repr(pid) in repr(value)), None)


def _keep_the_name(noted: Any, old: Pid, module: Any) -> str:
    """Advice for a doorman that sent bob to the old lobby's pid: where it kept the pid
    (on self, in a global, beside the name in its state, or as its state)."""
    state, kept = getattr(noted, "seen", [(None, {})])[-1]
    on_self = [attribute for attribute, value in kept.items() if value == old]
    elsewhere = kept_outside_state(module) if isinstance(module, type) else None
    if state == "lobby" and not on_self and elsewhere:
        return (f"Your state holds the name, but you also kept the pid {elsewhere}, and "
                "cast to that: nothing refreshes it when a new lobby takes the name. Keep "
                "nothing outside the state, and cast to room_name, the state handle_call is "
                "given, on every request: the name leads to whoever holds it now.")
    if state == "lobby" and on_self:
        return (f"Your state holds the name, but you kept the pid on the object too "
                f"(self.{on_self[0]}, set once) and cast to that. A GenServer is a process, "
                "not an object: self only holds the callbacks, and nothing refreshes what you "
                "put on it. Cast to room_name, the state handle_call is given, on every "
                "request: the name leads to whoever holds it now.")
    parts = list(state.values()) if type(state) is dict else \
        list(state) if type(state) in (tuple, list) else []
    if "lobby" in parts and old in parts:
        return (f"Your state {short(state)} holds the name, but the pid beside it too, and "
                "you cast to that pid, which stays the old lobby's when a new one takes the "
                "name. Keep only the name in the state, "
                "and cast to the name on every request: the name leads to whoever holds it "
                "now.")
    return ("Keep the room's name in the state, not its pid, and cast to the name on every "
            "request: the name leads to whoever holds it now.")


def _state_lost(noted: Any) -> str:
    """Advice for a doorman whose cast for bob reached no room: if the state it had for
    ann was the name but not for bob, its handle_call returned another state."""
    seen = getattr(noted, "seen", [])
    if len(seen) >= 2 and seen[0][0] == "lobby" and seen[-1][0] != "lobby":
        return (f"when ('admit', 'bob') came, the doorman's state was {short(seen[-1][0])}, "
                "not the room's name: after ann, your handle_call returned "
                f"('reply', 'ok', {short(seen[-1][0])}), and the state a callback returns "
                "is the one the next request gets. Return ('reply', 'ok', room_name), "
                "keeping the name")
    return "cast ('enter', who) to the room's name on every request"


def _another_room(check: Check, module: Any, lobby_doorman: Pid) -> None:
    """A doorman started with "hall" must let people into the hall, and the lobby's doorman
    must still let them into the lobby: the same class serves any room, so each doorman
    keeps its own room's name, from init's argument, in its state (not in the code, nor in
    a module global or a class attribute, which every doorman shares)."""
    GenServer.start(Room, "hall", name="hall")
    ran, started = run_quietly(check, "GenServer.start(DoormanByName, 'hall')",
                               lambda: GenServer.start(module, "hall"))
    if not (ran and type(started) is tuple and started[0] == "ok"):
        return
    ran, _ = run_quietly(check, "GenServer.call(doorman, ('admit', 'cat'))",
                         lambda: GenServer.call(started[1], ("admit", "cat"), 1000))
    if not ran:
        return
    run_for(10)
    hall, lobby = GenServer.call("hall", "who", 1000), GenServer.call("lobby", "who", 1000)
    if not check.expect(hall == ["cat"], "a doorman started with 'hall' let cat into the hall",
                        f"a doorman started with 'hall' left the hall holding {hall!r}, not "
                        "['cat']" + (", and let cat into the lobby" if "cat" in lobby else "")
                        + ": use the room_name given to init (keep it in the state) instead "
                        "of writing 'lobby' in your code; the same DoormanByName serves any "
                        "room"):
        return
    ran, _ = run_quietly(check, "GenServer.call(lobby_doorman, ('admit', 'dan'))",
                         lambda: GenServer.call(lobby_doorman, ("admit", "dan"), 1000))
    if not ran:
        return
    run_for(10)
    hall, lobby = GenServer.call("hall", "who", 1000), GenServer.call("lobby", "who", 1000)
    check.expect("dan" in lobby, "the lobby's doorman still let dan into the lobby",
                 "after the hall's doorman started, the lobby's doorman let dan into "
                 + ("the hall" if "dan" in hall else "no room") + ", not the lobby: the two "
                 "doormen share one room name, kept outside the server (a module global, or "
                 "a class attribute), and the last one started overwrote it. Keep the name "
                 "in the state: init returns ('ok', room_name), and handle_call casts to the "
                 "room_name it is given")


def check_manager(module: Any) -> None:
    """A manager of rooms ({id: pid}) that monitors them and forgets the dead ones."""
    with Check("Manager that monitors its rooms") as check:
        noted = _noting_states(module)
        manager = start_learner(check, "GenServer.start(WatchfulManager)",
                                lambda: GenServer.start(noted), "init must return ('ok', {})")
        if manager is None:
            return

        def ask(request: Any) -> tuple[bool, Any]:
            return run_quietly(check, f"GenServer.call(manager, {request!r})",
                               lambda: GenServer.call(manager, request, 1000))

        ran_b, kitchen = ask(("open", "kitchen"))     # the kitchen, which dies, is not
        ran_a, lobby = ask(("open", "lobby"))         # the room opened last
        ran_c, found = ask(("find", "kitchen"))
        if not (ran_a and ran_b and ran_c):
            return
        if not (type(lobby) is Pid and type(kitchen) is Pid and is_alive(kitchen)
                and found == kitchen):
            check.fail(f"('open', id) answered {short(kitchen)} and then ('find', id) answered "
                       f"{short(found)}: ('open', id) should start a Room, keep its pid under "
                       "id, and reply with the pid; ('find', id) replies with the pid kept")
            return
        check.expect(True, "('open', id) started a room and ('find', id) answered its pid", "")
        on_self = _kept_on_self(noted, kitchen)
        if on_self:
            check.fail(f"the manager keeps its rooms on the object (self.{on_self}), not in its "
                       "state: the state its callbacks were given holds no room. Keep the "
                       "rooms in the state: init returns ('ok', {}), and handle_call and "
                       "handle_info take the rooms as their state argument and return the "
                       "new dict. A GenServer is a process, not an object: its state is what "
                       "its callbacks return")
        by_name = [e.data["name"] for e in current_node().trace.events
                   if e.kind == "monitor" and e.pid == manager and e.data["name"] is not None]
        if by_name:
            check.fail(f"the manager monitored {short(by_name[0])}, a name that no process "
                       "holds, so its DOWN came at once, with reason noproc: monitor the room "
                       "itself, monitor(pid)")
            return
        watched = _watched_by(manager)
        linked = any(e.kind == "link" and {e.pid, e.data["peer"]} == {manager, kitchen}
                     for e in current_node().trace.events)
        trapping_links = linked and bool((process_info(manager) or {}).get("trap_exit"))
        check.expect({lobby, kitchen} <= watched, "the manager monitored each room it opened",
                     _unwatched(watched, {lobby, kitchen}, trapping_links))

        _kill(kitchen)
        died = _step("exit", kitchen)
        run_for(10)
        if not is_alive(manager):
            reason = _exit_reason(manager)
            if linked and reason == "killed":
                check.fail("the manager died with the kitchen (reason 'killed'): it is linked "
                           "to its rooms (by GenServer.start_link, or by link). Start them with "
                           "GenServer.start, do not link them, and monitor them instead")
            else:
                keyed = (f" {KEYED_BY_ID}." if isinstance(reason, KeyError) and reason.args
                         and type(reason.args[0]) is Pid else "")
                check.fail(f"the manager crashed when the kitchen died: "
                           f"{reason_text(reason)}.{keyed} Its handle_info gets ('DOWN', ref, "
                           "'process', pid, reason) and must return ('noreply', rooms) with "
                           "that room left out")
            return
        check.expect(True, "the manager outlived the kitchen", "")
        if _reshaped_by_info(check, manager, noted):
            return
        ran, found = ask(("find", "kitchen"))
        if not ran:
            return
        if found == kitchen:
            got = [e.step for e in current_node().trace.events
                   if e.kind == "receive" and e.pid == manager and type(e.data["msg"]) is tuple
                   and e.data["msg"][:1] == ("DOWN",)]
            ran, kept = ask(("find", "lobby"))
            if got and ran and kept is None:
                check.fail(f"the manager got the kitchen's ('DOWN', ...) at step {got[0]}, but "
                           "dropped the lobby, the room opened last, which is alive: "
                           f"('find', 'kitchen') still answered {kitchen!r}, a dead pid, and "
                           "('find', 'lobby') None. The DOWN names the room that died: in "
                           "handle_info drop the id whose pid is message[3], not the last one")
            elif got and _no_handle_info(module):
                check.fail(f"the manager got the kitchen's ('DOWN', ...) at step {got[0]}, but "
                           f"has no handle_info of its own, so ('find', 'kitchen') still "
                           f"answered {kitchen!r}, a dead pid. {_no_handle_info(module)}")
            elif got and _removes_a_key(module):
                check.fail(f"the manager got the kitchen's ('DOWN', ...) at step {got[0]}, but "
                           f"('find', 'kitchen') still answered {kitchen!r}, a dead pid. "
                           f"{KEYED_BY_ID}, where the pid is message[3]")
            elif got:
                check.fail(f"the manager got the kitchen's ('DOWN', ...) at step {got[0]}, but "
                           f"('find', 'kitchen') still answered {kitchen!r}, a dead pid: in "
                           "handle_info drop the id whose pid is message[3]")
            else:
                check.fail(f"after the kitchen died (step {died}), ('find', 'kitchen') still "
                           f"answered {kitchen!r}, a dead pid: monitor each room, and in "
                           "handle_info drop the id whose pid is in the ('DOWN', ref, "
                           "'process', pid, reason) message")
            return
        if not check.expect(found is None,
                            "after the kitchen died, ('find', 'kitchen') answered None",
                            f"after the kitchen died, ('find', 'kitchen') answered "
                            f"{short(found)}, not None: remove the dead room's id from the "
                            "state, so that rooms.get(id_) gives None"):
            return
        state = (getattr(noted, "seen", None) or [(None, {})])[-1][0]
        if repr(kitchen) in repr(state):
            looks = (", and asking is_alive(pid) in find is look-then-act: the room can die "
                     "between the look and the answer" if "is_alive" in names_used(module)
                     else "")
            came = any(e.kind == "receive" and e.pid == manager and type(e.data["msg"]) is tuple
                       and e.data["msg"][:1] == ("DOWN",) for e in current_node().trace.events)
            check.fail(("the kitchen's ('DOWN', ...) came, but " if came else "") +
                       f"the state still holds the dead kitchen {kitchen!r}: "
                       f"{short(state, 80)}. Dead pids pile up there{looks}. Drop the room "
                       "from the state in handle_info, when its DOWN comes")
            return
        ran, found = ask(("find", "lobby"))
        if not ran:
            return
        check.expect(found == lobby, "the lobby, still alive, was not forgotten",
                     f"('find', 'lobby') answered {short(found)}, not the lobby {lobby!r}, which "
                     "is alive: drop only the room whose pid is in the DOWN message")
        ran_a, again = ask(("open", "kitchen"))
        ran_b, found = ask(("find", "kitchen"))
        if ran_a and ran_b:
            check.expect(type(again) is Pid and again != kitchen and is_alive(again)
                         and found == again,
                         "('open', 'kitchen') again started a new kitchen, and ('find', "
                         "'kitchen') answers it",
                         f"after ('open', 'kitchen') again, ('find', 'kitchen') answered "
                         f"{short(found)}, not the new kitchen {short(again)}")
            if check.passed:
                _reopened_while_alive(check, ask, again, module)
        if is_alive(manager):
            _stopped_normally(check, ask, manager)
            _own_rooms(check, module)
        _kept_outside(check, module, "manager", "keep all it needs with the rooms in the "
                      "state (a DOWN names the dead room's pid, message[3], which finds its id)")
        identity = compared_by_identity(module)
        if check.passed and identity:
            check.fail(f"it works, but it compares with is: {identity}. A pid is a value, not "
                       "an object to point at: on the BEAM every message is a copy, so the pid "
                       "a DOWN carries is only equal (==) to the one you kept. Compare pids "
                       "with == and !=")


def _reopened_while_alive(check: Check, ask: Callable[[Any], tuple[bool, Any]],
                          old: Pid, module: Any) -> None:
    """An id opened again while its room `old` still runs names the new room; when `old`
    dies later, its DOWN must not drop the id (a manager that maps refs or pids to ids,
    and drops by id, does; one that keeps that map outside its state is told so too)."""
    ran_a, newer = ask(("open", "kitchen"))
    if not ran_a or type(newer) is not Pid or newer == old:
        return
    _kill(old)
    run_for(10)
    ran_b, found = ask(("find", "kitchen"))
    if ran_b:
        check.expect(found == newer,
                     "a kitchen replaced by ('open', 'kitchen') died, and the new kitchen "
                     "was kept",
                     f"('open', 'kitchen') started {newer!r} while the kitchen {old!r} still "
                     f"ran; when {old!r} died, ('find', 'kitchen') answered {short(found)}, "
                     f"not {newer!r}, which is alive: the DOWN of a room the id no longer "
                     "names dropped the id. Drop an id only when its pid is the dead one, "
                     "message[3]" + _also_kept_outside(module))


def _also_kept_outside(module: Any) -> str:
    """What to add to a finding when the server also keeps data outside its state."""
    where = kept_outside_state(module) if isinstance(module, type) else None
    return (f". It also keeps data {where}, not in its state: a GenServer keeps what it "
            "needs in its state (notebook 05)" if where else "")


def _reshaped_by_info(check: Check, manager: Pid, noted: Any) -> bool:
    """Whether the manager crashed on ('find', 'kitchen') after its handle_info returned a
    state of another type than the one init gave (a list for a dict, say); noted. A
    manager whose handle_call copes with the new shape is not blamed."""
    seen, infos = getattr(noted, "seen", []), getattr(noted, "infos", [])
    if not (seen and infos and type(infos[-1]) is tuple and len(infos[-1]) == 2
            and infos[-1][0] == "noreply"):
        return False
    first, state = seen[0][0], infos[-1][1]
    if type(state) is type(first):
        return False
    try:
        GenServer.call(manager, ("find", "kitchen"), 1000)
    except Exit:
        example = (": ('noreply', {i: p for i, p in rooms.items() if p != message[3]})"
                   if type(first) is dict else "")
        check.fail(f"when the kitchen's DOWN came, handle_info returned ('noreply', "
                   f"{short(state, 60)}): the state is now a {type(state).__name__}, not a "
                   f"{type(first).__name__} as init gave, so ('find', 'kitchen') crashed on "
                   f"it. The state handle_info returns is the one the next call gets: return "
                   f"the rooms as a {type(first).__name__}{example}")
        return True
    return False


KEYED_BY_ID = ("The rooms are a dict from id to pid, and neither the DOWN's pid nor its ref "
               "is one of its keys (pop and del look up a key): keep the entries whose pid is not the dead one, "
               "{room_id: pid for room_id, pid in rooms.items() if pid != dead}")


def _removes_a_key(module: Any) -> bool:
    """Whether the manager's handle_info removes a key from a dict (`rooms.pop(...)`,
    `del rooms[...]`): with the dead pid as the key, it removes nothing."""
    tree = syntax_tree(getattr(module, "handle_info", None))
    return tree is not None and any(
        isinstance(node, ast.Delete) or isinstance(node, ast.Call)
        and getattr(node.func, "attr", "") == "pop" for node in ast.walk(tree))


def _no_handle_info(module: Any) -> str | None:
    """Advice for a manager class that has no handle_info of its own (so GenServer's, which
    only logs a message, took the DOWN), or None if it has one."""
    if not isinstance(module, type) or module.handle_info is not GenServer.handle_info:
        return None
    if module.handle_cast is not GenServer.handle_cast:
        return ("You handle the DOWN in handle_cast, but a DOWN is not a cast: it is a plain "
                "message, and a GenServer hands plain messages to handle_info. Move that code "
                "to handle_info(self, message, rooms)")
    return ("A DOWN is a plain message, and a GenServer hands plain messages to handle_info: "
            "define handle_info(self, message, rooms) and drop the id whose pid is message[3]")


def _stopped_normally(check: Check, ask: Callable[[Any], tuple[bool, Any]],
                      manager: Pid) -> None:
    """A room that stops normally (GenServer.stop) must be forgotten too: its DOWN has the
    reason "normal", and the room is gone all the same."""
    ran, hall = ask(("open", "hall"))
    if not ran or type(hall) is not Pid:
        return
    watched = hall in _watched_by(manager)      # before it stopped
    GenServer.stop(hall)
    run_for(10)
    ran, found = ask(("find", "hall"))
    if ran:
        check.expect(found is None, "after the hall stopped normally, ('find', 'hall') "
                     "answered None",
                     f"after the hall stopped normally (GenServer.stop, reason 'normal'), "
                     f"('find', 'hall') answered {short(found)}, not None: " +
                     ("every DOWN means the room is gone, whatever the reason. In handle_info "
                      "drop the room's id for any DOWN, without looking at the reason"
                      if watched else
                      "the manager never monitored the hall, so no DOWN came when it "
                      "stopped. Monitor each room when you open it, monitor(pid)"))


def _own_rooms(check: Check, module: Any) -> None:
    """A second manager, just started, must know no room: the rooms belong in each
    server's state, not in a module global (or a class attribute) that all share."""
    ran, started = run_quietly(check, "GenServer.start(WatchfulManager)",
                               lambda: GenServer.start(module))
    if not (ran and type(started) is tuple and started[0] == "ok"):
        return
    ran, found = run_quietly(check, "GenServer.call(second_manager, ('find', 'lobby'))",
                             lambda: GenServer.call(started[1], ("find", "lobby"), 1000))
    if ran:
        check.expect(found is None, "a second manager, just started, knows no room",
                     f"a second manager, just started, answered ('find', 'lobby') with "
                     f"{short(found)}, the first manager's lobby: the two share their "
                     "rooms, so the rooms are kept outside the server (a module global, or "
                     "a class attribute). Keep the rooms in the state the callbacks return "
                     "(init returns ('ok', {}), handle_call returns the new dict), not a "
                     "global")
