"""Checks for notebook 09, the capstone: a chat service built in four steps.

The protocol the notebook fixes:

* a room is a GenServer started with its name (`"#lobby"`); its calls are
  `("join", member)` (answered with the history so far), `"members"` and `"history"`
  (a list of `(who, text)`, oldest first); its one cast is `("say", who, text)`;
* a room passes each line on to every member with the cast `("said", room, who, text)`;
* rooms run under the DynamicSupervisor `"RoomSupervisor"` and are registered in the
  Registry `"Rooms"`: `via(name)` is `("via", Registry, ("Rooms", name))`.

Each check starts a fresh node and runs the learner's code there, so after a check
`last_run()` draws what that code did. Steps 1 and 2 end with two users at once (two
lines said, one room opened twice) in every distinct interleaving; if one goes wrong, the
node left current is the shortest such interleaving.

>>> class Mute(GenServer):
...     def init(self, name):
...         return ("ok", {"name": name, "members": [], "history": []})
>>> check_room(Mute)  # doctest: +NORMALIZE_WHITESPACE
✗ Step 1: a room: not yet
  ✗ GenServer.call('lobby', ('join', ann)) exited: the room crashed: it has no handle_call
    of its own (GenServer's default crashes): define handle_call
"""
from __future__ import annotations

import ast
from typing import Any, Callable

from ..otp import DynamicSupervisor, GenServer, Registry
from ..runtime import (ANY, BadArgument, Exit, RunawayError, current_node, exit, is_alive,
                       note, receive, run_for, self_pid, send, spawn, whereis)
from ..trace import Pid, short
from ..trace.protocol import is_gen_call, is_gen_cast, is_normal
from ..views.model import lane_names
from .checks import (STATE_IN_THE_PROCESS, Check, called_name, describe_step,
                     every_interleaving, exit_of, explain, fresh_node, function_scope,
                     kept_outside_state, names_used, raising_call, reason_text, run_quietly,
                     start_learner, string_constants, unfinished)

REGISTRY = "Rooms"
SUPERVISOR = "RoomSupervisor"


def via(name: str) -> tuple:
    """How a room is named: `("via", Registry, ("Rooms", name))`."""
    return ("via", Registry, (REGISTRY, name))


def last_run(processes: list | None = None, part: str | None = None, **options: Any) -> Any:
    """The sequence diagram of the last check's run, with OTP's bookkeeping hidden.

    `processes` lists the lanes to show by name; names that the run never had (because
    it stopped early) are left out rather than refused. `part` picks the steps from the
    check's note that starts with it up to its next note (a check notes what it does in
    the trace, with `note`); a part the run never reached shows the run's end.
    """
    trace = current_node().trace
    if processes is not None:
        known = set(lane_names(trace).values())
        processes = [p for p in processes if p in known]
    if part is not None:
        notes = [e for e in trace.events if e.kind == "note" and e.data["data"] is None]
        starts = [i for i, e in enumerate(notes) if e.data["text"].startswith(part)]
        if starts:
            i = starts[0]
            end = notes[i + 1].step - 1 if i + 1 < len(notes) else len(trace)
            options["steps"] = (notes[i].step, end)
    return trace.diagram(hide_system=True, processes=processes, **options)


# -- helpers the checks share ----------------------------------------------------------

class Listener(GenServer):
    """A member that keeps what it hears (the checks' stand-in for a person).

    It answers a call `("said", ...)` too, with "ok", so that a room which calls its
    members still works and the check can say what is wrong with that.
    """

    def init(self, me: str) -> Any:
        return ("ok", [])

    def handle_cast(self, message: Any, heard: list) -> Any:
        return ("noreply", heard + [message])

    def handle_call(self, request: Any, from_: tuple, heard: list) -> Any:
        if request == "heard":
            return ("reply", heard, heard)
        return ("reply", "ok", heard + [request])

    def handle_info(self, message: Any, heard: list) -> Any:
        """`("speak", room, who, text)`: say a line in `room` (how a check makes it talk)."""
        _, room, who, text = message
        GenServer.cast(room, ("say", who, text))
        return ("noreply", heard)


def _listener(name: str) -> Pid:
    return GenServer.start(Listener, name, name=name)[1]


def _heard(member: Pid) -> list:
    return GenServer.call(member, "heard", 1000)


def _ok_pid(result: Any) -> bool:
    return type(result) is tuple and len(result) == 2 and result[0] == "ok" \
        and type(result[1]) is Pid


def _explain(reason: Any, who: str = "the room") -> str:
    """Why a call to the room failed (or why `who` died), in words that say what to change."""
    if type(reason) is tuple and len(reason) == 2 and type(reason[1]) is tuple \
            and reason[1][:2] in (("GenServer", "call"), ("Task", "await")):
        reason = reason[0]          # the server's own exit reason, not the wrapping call
    if reason == "timeout":
        return ("no reply within 1 s: every call must be answered. handle_call answers by "
                "returning ('reply', answer, new_state); ('noreply', new_state) answers nothing")
    if reason == "noproc":
        return f"{who} is not running (it crashed before this call)"
    return f"{who} crashed: {reason_text(reason)}"


def _call(check: Check, server: Any, request: Any, shown: str | None = None,
          timeout: float = 1000, watch: tuple = ()) -> tuple[bool, Any]:
    """GenServer.call, with a failure turned into a finding that says what to change."""
    try:
        return True, GenServer.call(server, request, timeout)
    except Exit as exit_:
        what = shown or short(request, 40)
        server_text = repr(server) if isinstance(server, str) else "the room"
        reason = exit_.reason
        crash = _crash_of(reason[0] if type(reason) is tuple else reason, watch)
        why = crash or _explain(reason)
        check.fail(f"GenServer.call({server_text}, {what}) exited: {why}")
        return False, None


def _crash_of(reason: Any, watch: tuple) -> str | None:
    """For a call that found its server dead ("noproc"), how and where it died, if one of
    the pids in `watch` crashed in this run."""
    if reason != "noproc":
        return None
    trace = current_node().trace
    for event in trace.events:
        if event.kind == "exit" and not is_normal(event.data["reason"]) and event.pid in watch:
            return (f"{_explain(event.data['reason'])} (at {describe_step(trace, event)}, "
                    "before this call)")
    return None


def _sends(sender: Pid, receivers: set) -> list:
    """What `sender` sent to any of `receivers`, as (step, message) pairs."""
    return [(e.step, e.data["msg"]) for e in current_node().trace.events
            if e.kind == "send" and e.pid == sender and e.data["to"] in receivers]


def _start_rooms() -> None:
    """The chat's infrastructure: the Registry of room names and the rooms' supervisor."""
    Registry.start_link(keys="unique", name=REGISTRY)
    DynamicSupervisor.start_link(name=SUPERVISOR)


def _registered(name: str) -> Pid | None:
    found = Registry.lookup(REGISTRY, name)
    return found[0][0] if found else None


# -- step 1: a room ----------------------------------------------------------------------

def check_room(room: type) -> None:
    """Step 1: a Room joins members, keeps the history and casts each line to every member."""
    with Check("Step 1: a room") as check:
        lobby = start_learner(check, "GenServer.start(Room, '#lobby')",
                              lambda: GenServer.start(room, "#lobby", name="lobby"),
                              "keep init as given, returning ('ok', state)")
        if lobby is None:
            return
        ann, bob = _listener("ann"), _listener("bob")
        note("ann joins")
        ran, ann_got = _call(check, "lobby", ("join", ann), "('join', ann)")
        if not ran:
            return
        joined_empty = ann_got == []    # the list ann got, if it was the (empty) history
        check.expect(joined_empty, "ann joined an empty room and got its history: []",
                     f"('join', ann) answered {short(ann_got)}: " +
                     (f"a new room's history is empty, but {_kept_outside(room)}"
                      if kept_outside_state(room) else
                      "reply with the history so far (an empty list at first)"))
        ran, ann_members = _call(check, "lobby", "members", "'members'", watch=(lobby,))
        if not ran or not _check_members(check, ann_members, {"ann": ann}, "ann"):
            return
        note("ann says 'anyone here?'")
        GenServer.cast("lobby", ("say", "ann", "anyone here?"))
        note("the check looks: the history, and what ann heard")
        ran, history = _call(check, "lobby", "history", "'history'", watch=(lobby,))
        if not ran:
            return
        if type(history) is tuple:
            check.fail(f"after ann said 'anyone here?', 'history' answered {short(history)}: "
                       "the history is a tuple, where a list is needed. Start it as [] in "
                       "init and add each line with state['history'] + [(who, text)]")
            return
        shape = _line_shape(history, "ann", "anyone here?")
        if shape is not None:
            check.fail(f"after ann said 'anyone here?', 'history' answered {short(history)}: "
                       f"{shape}. Each line must be the tuple (who, text), here ('ann', "
                       "'anyone here?'): add it with state['history'] + [(who, text)]")
            return
        first_history = history         # kept, to see later that nothing changed it
        history_right = check.expect(history == [("ann", "anyone here?")],
                     "after ann said 'anyone here?', the history is [('ann', 'anyone here?')]",
                     f"after ann said 'anyone here?', 'history' answered {short(history)}: "
                     "add (who, text) to the end of the history" +
                     (f", in the state handle_cast returns, not {kept}: return ('noreply', "
                      "{**state, 'history': state['history'] + [(who, text)]})"
                      if history == [] and (kept := kept_outside_state(room)) else ""))
        _check_heard(check, lobby, {"ann": ann}, [("said", "#lobby", "ann", "anyone here?")],
                     "ann heard her own line from the room: ('said', '#lobby', 'ann', "
                     "'anyone here?')")
        note("bob joins")
        ran, bob_got = _call(check, "lobby", ("join", bob), "('join', bob)", watch=(lobby,))
        if not ran:
            return
        check.expect(bob_got == [("ann", "anyone here?")],
                     "bob joined later and got the history so far",
                     f"bob joined after ann's line and got {short(bob_got)}: reply to a join "
                     "with the history, state['history']")
        ran, members = _call(check, "lobby", "members", "'members'", watch=(lobby,))
        if not ran or not _check_members(check, members, {"ann": ann, "bob": bob}, "bob"):
            return
        check.expect(ann_members == [ann], "the members ann's join left are still [ann]",
                     "the list 'members' answered after ann joined now holds bob too: "
                     + _in_place("members", "state['members'] + [member]"))
        note("bob says 'hi ann!'")
        GenServer.cast("lobby", ("say", "bob", "hi ann!"))
        note("the check looks: the history, and what each heard")
        ran, history = _call(check, "lobby", "history", "'history'", watch=(lobby,))
        if not ran:
            return
        check.expect(history == [("ann", "anyone here?"), ("bob", "hi ann!")],
                     "the history keeps every line, oldest first",
                     f"after two lines the history is {short(history, 90)}: keep every line, "
                     "oldest first (append each new one at the end)")
        line = ("said", "#lobby", "bob", "hi ann!")
        _check_heard(check, lobby, {"ann": ann, "bob": bob},
                     [("said", "#lobby", "ann", "anyone here?"), line], "ann and bob both heard "
                     "bob's line", only={"bob": [line]})
        # The lists the room answered earlier, each if it was right then (else said above).
        earlier = [(what, now, was) for what, now, was, right in [
            ("the list the room sent ann when she joined", ann_got, [], joined_empty),
            ("the list 'history' answered after ann's line", first_history,
             [("ann", "anyone here?")], history_right)] if right]
        changed = [f"{what} is now {short(now, 70)}" for what, now, was in earlier if now != was]
        if earlier:
            check.expect(not changed, "the histories the room answered earlier have not changed",
                         "; ".join(changed) + ": "
                         + _in_place("history", "state['history'] + [(who, text)]"))
        _check_casts_only(check, lobby, {ann, bob})
        if check.passed:
            _check_room_name(check, room)
        if check.passed:
            _check_lines_in_order(check, room)
        if check.passed and kept_outside_state(room):
            check.fail(_kept_outside(room))


def _check_room_name(check: Check, room: type) -> None:
    """A second room, '#games', names itself in each line it passes on, not '#lobby'; and
    keeps its members in the order they joined, which here is not the order a set of
    them would have (a room that keeps its members in a set loses it)."""
    note("a second room, #games: cat and dan join, and cat says 'gg'")
    games = start_learner(check, "GenServer.start(Room, '#games')",
                          lambda: GenServer.start(room, "#games", name="games"),
                          "keep init as given, returning ('ok', state)")
    if games is None:
        return
    names = {_listener("cat"): "cat", _listener("dan"): "dan"}
    # They join in the opposite order to the one a set of the two would list them in.
    joining = {names[pid]: pid for pid in reversed(list(set(names)))}
    for name, member in joining.items():
        if not _call(check, "games", ("join", member), f"('join', {name})", watch=(games,))[0]:
            return
    ran, members = _call(check, "games", "members", "'members'", watch=(games,))
    if not ran:
        return
    if members != list(joining.values()) and kept_outside_state(room):
        check.fail(_kept_outside(room))
        return
    if not _check_members(check, members, joining, list(joining)[-1]):
        return
    cat = joining["cat"]
    GenServer.cast("games", ("say", "cat", "gg"))
    if not _call(check, "games", "history", "'history'", watch=(games,))[0]:
        return
    line = ("said", "#games", "cat", "gg")
    lobby_line = ("said", "#lobby") + line[2:]
    if any(is_gen_cast(m) and m[1] == lobby_line for _, m in _sends(games, {cat})):
        check.fail(f"in a second room, '#games', cat heard {short(lobby_line)}: the room "
                   "writes '#lobby' into every line, whatever its own name. Write the name "
                   "init got, which the state keeps: GenServer.cast(member, ('said', "
                   "state['name'], who, text))")
        return
    _check_heard(check, games, {"cat": cat}, [line],
                 "in a second room, '#games', cat heard the line with that room's name")


def _check_members(check: Check, members: Any, wanted: dict, joined: str) -> bool:
    """After `joined` joined, did the call 'members' answer the pids of `wanted` (by name)?"""
    names = {pid: _Word(name) for name, pid in wanted.items()}
    shown = short([names.get(m, m) for m in members] if type(members) is list else members)
    if (type(members) is list and members != list(wanted.values())
            and sorted(members, key=repr) == sorted(wanted.values(), key=repr)):
        check.fail(f"after ('join', {joined}), 'members' answered {shown}: the right members, "
                   f"but not in the order they joined, {list(names.values())}. Keep the "
                   "members in the order they joined: add the new one at the end, "
                   "state['members'] + [member]")
        return False
    if type(members) is list and self_pid() in members:
        check.fail(f"after ('join', {joined}), 'members' answered {shown}: that pid is the "
                   "caller's, from_[0] (here the check that sent the join), not the member. "
                   "Keep the member that ('join', member) names: state['members'] + [member]")
        return False
    return check.expect(members == list(wanted.values()),
                        f"after {joined} joined, 'members' answers {list(names.values())}",
                        f"after ('join', {joined}), 'members' answered {shown}: the join did "
                        "not keep the member in the room's state. Return the new state with it, "
                        "{**state, 'members': state['members'] + [member]}: each callback gets "
                        "the state the last one returned, and what you keep on self or in a "
                        "global is not the room's state")


def _line_shape(history: Any, who: str, text: str) -> str | None:
    """If `history` holds `who`'s one line `text` in another shape than the tuple
    (who, text), what shape it has; else None.

    >>> _line_shape([["ann", "hi"]], "ann", "hi"), _line_shape([("hi", "ann")], "ann", "hi")
    ('the line is a list, not a tuple', 'the line is (text, who), the other way round')
    """
    if type(history) is not list or len(history) != 1:
        return None
    line = history[0]
    if type(line) is list and line == [who, text]:
        return "the line is a list, not a tuple"
    if type(line) is str and text in line:
        return "the line is a string, not a tuple"
    if line == (text, who):
        return "the line is (text, who), the other way round"
    return None


def _in_place(what: str, fix: str) -> str:
    """What to say when a list the room answered earlier changed afterwards."""
    return (f"you changed the {what} in place. actorlab passes messages without copying "
            f"them (the BEAM copies), so build a new list: {fix}")


def _check_heard(check: Check, room: Pid, members: dict, wanted: list, ok: str,
                 only: dict | None = None) -> None:
    """Did each member hear what it should? `only` gives members that heard less."""
    for name, member in members.items():
        want = (only or {}).get(name, wanted)
        try:
            heard = _heard(member)
        except Exit as exit_:
            check.fail(_member_died(room, name, member, exit_.reason))
            return
        if heard != want:
            sent = _sends(room, {member})
            cast = sent[-1][1][1] if sent and is_gen_cast(sent[-1][1]) else None
            early = len(heard) - len(want) if type(heard) is list and want \
                and len(heard) > len(want) and heard[-len(want):] == want else 0
            hint = ("the room sent it nothing: cast ('said', room name, who, text) to every "
                    "member" if not sent else
                    f"it also heard {early} line{'s' * (early != 1)} said before it joined: "
                    "the join's reply already gives a new member the history, so cast only "
                    "the lines said after it joined" if early else
                    f"the room cast {short(cast, 50)} (step {sent[-1][0]}), without the "
                    "room's name: cast ('said', state['name'], who, text), four items"
                    if type(cast) is tuple and len(cast) == 3 and cast[0] == "said" else
                    f"the room sent {short(sent[-1][1], 50)} (step {sent[-1][0]}): send "
                    "('said', state['name'], who, text) with GenServer.cast")
            check.fail(f"{name} heard {short(heard, 70)}, not {short(want, 70)}: {hint}")
            return
    check.expect(True, ok, "")


def _member_died(room: Pid, name: str, member: Pid, reason: Any) -> str:
    """Why the check's call asking member `name` what it heard exited: most often, the member
    (a Listener, which takes casts) crashed on something the room sent it."""
    ended = exit_of(member)
    taken = [e.data["msg"] for e in current_node().trace.events
             if e.kind == "receive" and e.pid == member]
    if ended is not None and taken and taken[-1] in [m for _, m in _sends(room, {member})]:
        return (f"{name} crashed at step {ended.step} on {short(taken[-1], 60)}, a message "
                "from the room: a member is a GenServer, and "
                "takes a line only as a cast. The room must send each line with "
                "GenServer.cast(member, ('said', state['name'], who, text))")
    return f"GenServer.call({name!r}, 'heard') exited: {_explain(reason, name)}"


def _check_casts_only(check: Check, room: Pid, members: set) -> None:
    """The rule of step 4: a room casts to its members, never calls or sends raw."""
    sent = _sends(room, members)
    calls = [(step, m) for step, m in sent if is_gen_call(m)]
    raw = [(step, m) for step, m in sent if not (is_gen_call(m) or is_gen_cast(m))]
    if calls:
        step, _ = calls[0]
        check.fail(f"at step {step} the room called a member (GenServer.call) and waited for "
                   "its answer: a member that calls the room back would deadlock it "
                   "(Step 4's bot is one). Use GenServer.cast")
    elif raw:
        step, message = raw[0]
        check.fail(f"at step {step} the room sent {short(message, 50)} with send: a member "
                   "is a GenServer, and only what GenServer.cast sends reaches handle_cast")
    else:
        check.expect(True, "the room passed lines on with casts: it never waits for a member",
                     "")


LINES = {"ann": "hi, bob", "bob": "hi, ann"}
"""What ann and bob say at the same moment, in the room check's last part."""
TALK = "ann and bob talk at once"
SHARED = "a new room's history"
"""How `_talk_at_once` says that a room just started already had lines."""


def _talk_at_once(room: type) -> Any:
    """ann and bob, both members of step 1's lobby, each say a line at the same moment.
    Returns who said each line of the history, in its order, and in which order ann and
    bob heard them (by who said them); or why there is none."""
    started = GenServer.start(room, "#lobby", name="lobby")
    if not _ok_pid(started):
        return ("start", short(started))
    history = GenServer.call("lobby", "history", 1000)
    if history:
        return (SHARED, short(history, 60))
    members = {name: _listener(name) for name in LINES}
    for member in members.values():
        GenServer.call("lobby", ("join", member), 1000)
    note(TALK)
    spawn(lambda: [send(pid, ("speak", "lobby", name, LINES[name]))
                   for name, pid in members.items()], label="launcher")
    history = tuple(who for who, _ in GenServer.call("lobby", "history", 1000))
    heard = tuple(tuple(line[2] for line in _heard(pid) if type(line) is tuple and len(line) == 4)
                  for pid in members.values())
    return history, heard


def _check_lines_in_order(check: Check, room: type) -> None:
    """Members hear lines in the history's order, in every interleaving of two people
    talking at once."""
    wrong = every_interleaving(check, _talk_at_once, room, right=_in_order,
                               words=_order_words, what="ann and bob each saying a line at once",
                               ok="every member heard the lines in the history's order",
                               lanes=["lobby", "ann", "bob"], since=TALK)
    if wrong is None:
        return
    trace = current_node().trace
    lobby = whereis("lobby")
    helpers = [e for e in trace.events if e.kind == "spawn" and e.pid == lobby]
    if type(wrong) is tuple and wrong[:1] == (SHARED,):
        check.fail(f"a room just started already held lines: the history outlived its room"
                   f"{_shared_history(room)}. Keep the history in the room's state, which "
                   "each room has its own of: {**state, 'history': state['history'] + "
                   "[(who, text)]}")
    elif helpers:
        check.fail(f"the room passes each line on from a new process (step "
                   f"{helpers[0].step}): two such processes run in either order, so a member "
                   "can hear the later line first. Cast to each member in handle_cast itself: "
                   "the messages one process sends another arrive in the order it sent them")
    elif kept_outside_state(room):
        check.fail(_kept_outside(room))
    else:
        check.fail("pass each line on as you keep it: in handle_cast, cast it to every "
                   "member, then add it to the history")


def _kept_outside(room: type) -> str:
    """What to say of a room that keeps data outside its state (on self, in a global)."""
    return (f"the room keeps data {kept_outside_state(room)}, outside its state: an object's "
            "attributes are lost when the room restarts, and a global is shared by every "
            f"room and every run. {STATE_IN_THE_PROCESS}: keep the members and the history "
            "in the state's dict, and return the new dict")


def _shared_history(room: type) -> str:
    """Where the room's code keeps a history every room shares: the module global list it
    uses, named; else nothing."""
    scope = function_scope(room.handle_cast) if "handle_cast" in vars(room) else {}
    shared = sorted(name for name in names_used(room)
                    if type(scope.get(name)) is list and name in scope)
    return (f": it is in the global {shared[0]}, which every room shares, and which lives on "
            "after a room ends") if shared else ""


def _in_order(outcome: Any) -> bool:
    """Both lines are in the history, and each member heard them in its order."""
    return (type(outcome) is tuple and len(outcome) == 2 and len(outcome[0]) == 2
            and outcome[1] == (outcome[0], outcome[0]))


def _order_words(outcome: Any) -> str:
    """What went wrong when two people talked at once."""
    if type(outcome) is not tuple or len(outcome) != 2 or outcome[0] == "start":
        return f"the room gave {short(outcome, 90)}"
    history, heard = outcome
    if history == SHARED:
        return f"{SHARED} already held {heard}"
    for name, got in zip(LINES, heard):
        if got and history and got[0] != history[0]:
            return (f"the history has {history[0]}'s line first, but {name} heard "
                    f"{got[0]}'s first")
        if got != history:
            return (f"the history has lines from {short(history)}, but {name} heard lines "
                    f"from {short(got)}")
    return f"the history has lines from {short(history)}"


# -- step 2: rooms by name, under a supervisor -----------------------------------------------

def check_open_room(open_room: Callable) -> None:
    """Step 2: open_room(name) starts a room under "RoomSupervisor", named via(name)."""
    with Check("Step 2: rooms by name, under a supervisor") as check:
        _start_rooms()
        lobby = _open(check, open_room, "#lobby")
        if lobby is None:
            return
        children = [pid for _, pid, _, _ in DynamicSupervisor.which_children(SUPERVISOR)]
        if not check.expect(lobby in children, "#lobby runs under 'RoomSupervisor'",
                            "the room is not a child of 'RoomSupervisor': start it with "
                            "DynamicSupervisor.start_child('RoomSupervisor', spec)"):
            return
        if not check.expect(whereis(SUPERVISOR) in current_node().process_info(lobby)["links"],
                            "#lobby is linked to its supervisor",
                            "#lobby is not linked to 'RoomSupervisor': the supervisor learns "
                            "that a child crashed through their link, so it must be linked to "
                            "its child. Use GenServer.start_link in 'start' (it links the room "
                            "to whoever starts it, here the supervisor), not GenServer.start"):
            return
        spawned = [e for e in current_node().trace.events
                   if e.kind == "spawn" and e.data["child"] == lobby]
        args = spawned[0].data["args"] if spawned else ()
        check.expect(args == ("#lobby",), "the room was started with its name, '#lobby'",
                     f"the room's init got {short(args)}: pass the name as init's argument, "
                     "(GenServer.start_link, (Room, name), ...)")
        if not check.expect(_registered("#lobby") == lobby, "the Registry knows it as '#lobby'",
                            "the Registry has no '#lobby': give start_link the keyword "
                            "argument name=via(name), as the third item of 'start'"):
            return
        ran, history = _call(check, via("#lobby"), "history", "'history'")
        if ran:
            check.expect(history == [], "a call to via('#lobby') reaches the room",
                         f"via('#lobby') answered 'history' with {short(history)}")
        games = _open(check, open_room, "#games")
        if games is None:
            return
        games_args = next((e.data["args"] for e in current_node().trace.events
                           if e.kind == "spawn" and e.data["child"] == games), ())
        if check.expect(games != lobby and _registered("#games") == games,
                            "#games is a second room, registered under its own name",
                            "open_room('#games') did not give a new room registered as "
                            "'#games'" + (f": it gave {games!r}, the #lobby room, so the spec "
                                          "names every room '#lobby'. Build the spec from "
                                          "name: 'id': name, and {'name': via(name)}"
                                          if games == lobby else
                                          ": give each room its own id and via-name, both "
                                          "from name")):
            check.expect(games_args == ("#games",), "#games was started with its own name, "
                         "'#games'",
                         f"#games's init got {short(games_args)}, not ('#games',): the room "
                         "says that name in every line it passes on. Pass each room its own "
                         "name, (GenServer.start_link, (Room, name), ...)")
        ran, again = run_quietly(check, "opening '#lobby' a second time",
                                 lambda: open_room("#lobby"))
        if not ran:
            check.fail("when the room is already open, start_child answers ('error', "
                       "('already_started', pid)): return that pid")
            return
        check.expect(again == lobby, "opening '#lobby' again gives the running room",
                     f"opening '#lobby' again returned {short(again)}: when start_child "
                     "answers ('error', ('already_started', pid)), return that pid")
        active = DynamicSupervisor.count_children(SUPERVISOR)["active"]
        check.expect(active == 2, "'RoomSupervisor' has two children: no second #lobby",
                     f"'RoomSupervisor' has {active} "
                     f"{'child' if active == 1 else 'children'}, not 2")
        where = kept_outside_state(open_room) if check.passed else None
        if where:
            check.fail(f"open_room keeps data {where}, outside any process: it outlives the "
                       "rooms and the node, so a pid kept there goes stale when a room "
                       "restarts or a new run begins. Keep nothing: call start_child each "
                       "time, and take the pid from ('ok', pid) or ('error', "
                       "('already_started', pid))")
        if check.passed:
            _check_open_at_once(check, open_room)


def _open(check: Check, open_room: Callable, name: str) -> Pid | None:
    """open_room(name), or None with a finding that says why it is not a pid."""
    ran, pid = run_quietly(check, f"open_room({name!r})", lambda: open_room(name))
    placeholder = unfinished(open_room)
    start = _rejected_start(pid) if ran and not placeholder else None
    if start is not None:
        check.fail(f"open_room({name!r}) returned {short(pid, 60)}: start_child refused the "
                   f"spec, ('error', ('invalid_mfa', start)). {_start_words(start)}")
        return None
    if not ran:
        refused = _refusal()
        if refused is not None:
            check.fail(f"before that, start_child answered {refused}: the supervisor could not "
                       "start the room. 'start' must be (GenServer.start_link, (Room, name), "
                       "{'name': via(name)})")
        return None
    if type(pid) is Pid:
        return pid
    if placeholder:
        check.fail("open_room still has ... where your code goes: 'start' is (function, args) "
                   "or (function, args, options), here (GenServer.start_link, (Room, name), "
                   "{'name': via(name)})")
    elif pid is None:
        check.fail(f"open_room({name!r}) returned None: return the room's pid")
    elif _ok_pid(pid):
        check.fail(f"open_room({name!r}) returned {short(pid)}: return just the pid")
    elif isinstance(pid, BaseException):
        check.fail(f"open_room({name!r}) returned {short(pid, 90)}, an error, not a pid: "
                   "start_child answered ('error', that error), because the supervisor could "
                   "not start the room. 'start' must be (GenServer.start_link, (Room, name), "
                   "{'name': via(name)})")
    elif type(pid) is tuple and pid[:1] == ("error",):
        check.fail(f"open_room({name!r}) returned {short(pid, 90)}: start_child refused; "
                   "is 'start' (GenServer.start_link, (Room, name), {'name': via(name)})?")
    else:
        check.fail(f"open_room({name!r}) returned {short(pid)}, not a pid")
    return None


def _rejected_start(returned: Any) -> Any:
    """If what open_room returned shows that start_child refused the spec for its 'start'
    (start_child checks a spec before asking the supervisor, so the run has no trace of
    it), that 'start'; else None. open_room returns it as ('error', ('invalid_mfa',
    start)), or as the start itself when it took the answer for ('error',
    ('already_started', pid)); a start_link called while building the spec returned
    ('ok', pid) with a room that is not the supervisor's child."""
    if type(returned) is tuple and len(returned) == 2 and returned[0] == "error" \
            and type(returned[1]) is tuple and returned[1][:1] == ("invalid_mfa",):
        return returned[1][1]
    if callable(returned) or type(returned) is tuple and returned and callable(returned[0]):
        return returned
    children = [pid for _, pid, _, _ in DynamicSupervisor.which_children(SUPERVISOR)]
    if _ok_pid(returned) and returned[1] not in children:
        return returned
    return None


def _start_words(start: Any) -> str:
    """What is wrong with a 'start' that start_child refused, and how to write it."""
    told = ("'start' must be (function, args tuple, kwargs dict), not called yet: here "
            "(GenServer.start_link, (Room, name), {'name': via(name)}). ")
    if _ok_pid(start) or type(start) is Pid:
        return told + ("Your 'start' holds what GenServer.start_link returned: you called it "
                       "while building the spec, so the room started in your process, not "
                       "under the supervisor. Leave the call to the supervisor")
    if callable(start):
        return told + ("Your 'start' is a function (a lambda): give the function and its "
                       "arguments separately, in a tuple")
    if type(start) is tuple and len(start) >= 2 and not isinstance(start[1], (tuple, list)):
        return told + (f"Its args, {short(start[1], 40)}, are not a tuple: (Room) is just "
                       "Room in brackets; (Room, name) is a tuple")
    if type(start) is tuple and len(start) == 3 and type(start[2]) is not dict:
        return told + (f"Its kwargs, {short(start[2], 50)}, are not a dict: write "
                       "{'name': via(name)}")
    return told.rstrip()


def _refusal() -> str | None:
    """The last ('error', reason) the supervisor answered to a start_child (other than
    already_started), in words; None if there was none."""
    supervisor = whereis(SUPERVISOR)
    answers = [e.data["msg"][1] for e in current_node().trace.events
               if e.kind == "send" and e.pid == supervisor and type(e.data["msg"]) is tuple
               and len(e.data["msg"]) == 2]                 # replies: (ref, answer)
    refused = [answer[1] for answer in answers if type(answer) is tuple and len(answer) == 2
               and answer[0] == "error"
               and not (type(answer[1]) is tuple and answer[1][:1] == ("already_started",))]
    if not refused:
        return None
    reason = refused[-1]
    why = (f"{type(reason).__name__}: {reason}" if isinstance(reason, BaseException)
           else short(reason, 80))
    return f"('error', {why})"


USERS = ("ann", "bob")
"""Who opens '#lobby' at the same moment, in the last part of step 2's check."""
THE_ROOM = "the room's pid"


def _open_at_once(open_room: Callable) -> tuple:
    """ann and bob open '#lobby' at the same moment. Returns what each got (the pid of
    the room that runs under the name as THE_ROOM, anything else in words) and how many
    rooms run."""
    _start_rooms()
    shell = self_pid()

    def user(name: str) -> None:
        try:
            got = open_room("#lobby")
        except Exit as exit_:
            got = ("exit", exit_.reason)
        except Exception as error:
            got = ("raised", f"{type(error).__name__}: {error}")
        send(shell, (name, got))

    spawn(lambda: [spawn(user, name, label=name) for name in USERS], label="launcher")
    got = dict(receive((name, ANY)) for name in USERS)
    room = _registered("#lobby")
    active = DynamicSupervisor.count_children(SUPERVISOR)["active"]
    return tuple(_in_words(got[name], room) for name in USERS), active


def _in_words(value: Any, room: Pid | None) -> str:
    """`value` as text in which the pid `room` is THE_ROOM and any other pid is "a pid",
    so that it reads the same in every interleaving.

    >>> _in_words(("error", ("already_started", Pid(7))), Pid(7))
    "('error', ('already_started', the room's pid))"
    """
    def plain(item: Any) -> Any:
        if type(item) is Pid:
            return _Word(THE_ROOM if item == room else "a pid")
        if type(item) is tuple:
            return tuple(plain(part) for part in item)
        if type(item) is list:
            return [plain(part) for part in item]
        return item
    return short(plain(value), 90)


class _Word(str):
    """A word that stands in a value as itself, without quotes."""

    def __repr__(self) -> str:
        return str(self)


def _check_open_at_once(check: Check, open_room: Callable) -> None:
    """Two users who open the same room at once both get it, in every interleaving."""
    wrong = every_interleaving(check, _open_at_once, open_room,
                               right=lambda outcome: outcome == ((THE_ROOM, THE_ROOM), 1),
                               words=_opened_words, what="ann and bob opening '#lobby' at once",
                               ok="both got the same #lobby",
                               lanes=[*USERS, REGISTRY, SUPERVISOR])
    if wrong is None:
        return
    trace = current_node().trace
    names = trace.names()
    registry = whereis(REGISTRY)
    looked = [e for e in trace.events if e.kind == "send" and names.get(e.pid) in USERS
              and e.data["to"] == registry and is_gen_call(e.data["msg"])]
    got = wrong[0] if type(wrong) is tuple and len(wrong) == 2 else ()
    failed = [name for name, answer in zip(USERS, got) if answer != THE_ROOM]
    looked = [e for e in looked if names[e.pid] in failed] or looked
    if looked:
        who = names[looked[0].pid]
        check.fail(f"{who} asked the Registry whether '#lobby' was open (step "
                   f"{looked[0].step}), and started it because it was not; but between that "
                   "answer and the start, the other user could start it too (check, then "
                   "act). start_child checks and starts in one message to the supervisor: "
                   "call it straight away, and when it answers ('error', ('already_started', "
                   "pid)), return that pid")
    else:
        check.fail("when two users open a room at once, one start_child answers ('ok', pid) "
                   "and the other ('error', ('already_started', pid)): return the pid in both")


def _opened_words(outcome: Any) -> str:
    """What went wrong when ann and bob opened '#lobby' at once."""
    if type(outcome) is not tuple or len(outcome) != 2:
        return f"the check got {short(outcome, 90)}"
    got, active = outcome
    wrong = [f"{name}'s open_room('#lobby') returned {answer}"
             for name, answer in zip(USERS, got) if answer != THE_ROOM]
    rooms = [] if active == 1 else [f"{active} rooms run"]
    return "; ".join(wrong + rooms)


# -- step 3: a crash, and closing a room ---------------------------------------------------

def check_close_room(close_room: Callable, open_room: Callable) -> None:
    """Step 3: a crashed room comes back under its name; close_room stops one for good."""
    with Check("Step 3: a crash, and closing a room") as check:
        _start_rooms()
        ran, pids = run_quietly(check, "open_room('#lobby'), open_room('#games')",
                                lambda: (open_room("#lobby"), open_room("#games")))
        if not ran or not all(type(p) is Pid for p in pids):
            if ran:
                check.fail("open_room does not return pids yet: finish step 2 first")
            return
        lobby, games = pids
        note("ann says 'anyone here?' in #lobby")
        GenServer.cast(via("#lobby"), ("say", "ann", "anyone here?"))
        try:
            before = GenServer.call(via("#lobby"), "history", 1000)
        except Exit:
            before = None           # the room of step 1 is not finished: not this step's job
        note("#lobby is killed")
        exit(lobby, "kill")
        new = _registered("#lobby")
        if not check.expect(new is not None and new != lobby,
                            "after #lobby was killed, the supervisor started a new one, and "
                            "via('#lobby') leads to it",
                            "after #lobby was killed no new room has its name: keep the "
                            "default restart, 'permanent', in the child spec"):
            return
        try:
            GenServer.call(lobby, "history", 1000)
            check.fail("a call to the old pid was answered")
        except Exit as exit_:
            check.expect(exit_.reason[0] == "noproc",
                         "a call to the old pid exits with noproc: a pid names one process, "
                         "a name names the service", f"a call to the old pid exited with "
                         f"{short(exit_.reason[0])}")
        if before == [("ann", "anyone here?")]:
            ran, after = _call(check, via("#lobby"), "history", "'history'")
            if ran:
                check.expect(after == [], "the new #lobby's history is []: the line said "
                             "before the crash died with the old process",
                             f"the new #lobby's history is {short(after)}")
        note("#lobby is closed")
        try:
            answer = close_room("#lobby")
        except BadArgument as error:
            check.fail(f"close_room('#lobby') {explain(error)}. {LOOKUP_PID}")
            return
        except Exit as exit_:
            one_argument = type(exit_.reason) is Pid
            after_terminate = _terminated() is not None and type(exit_.reason) is tuple \
                and exit_.reason[:1] == ("noproc",)
            check.fail(f"close_room('#lobby') exited with {short(exit_.reason)}" +
                       (": exit(pid) with one argument ends the caller itself (here the "
                        "shell), with the pid as its reason. exit(pid, reason) would signal "
                        "the room, and its supervisor would restart it: ask the supervisor, "
                        "DynamicSupervisor.terminate_child('RoomSupervisor', pid)"
                        if one_argument else "") +
                       (": terminate_child had already stopped the room, so what came after "
                        "it found no process (noproc). terminate_child is all close_room "
                        "needs: drop the stop after it" if after_terminate else ""))
            return
        check.expect(answer == "ok", "close_room('#lobby') answered 'ok'",
                     f"close_room('#lobby') answered {short(answer)}: return what "
                     "DynamicSupervisor.terminate_child answers ('ok')" +
                     (_not_a_pid(_terminated()) if answer == ("error", "not_found") else ""))
        run_for(100)
        now = _registered("#lobby")
        if now is None:
            check.expect(True, "#lobby is closed: nothing has its name, even 100 ms later", "")
        elif now == new:
            check.fail("#lobby is still running: close_room must stop it" + _ignored(new)
                       + _unregistered())
            return
        else:
            check.fail("the supervisor started #lobby again: stopping a child behind its "
                       "supervisor's back (GenServer.stop, exit) looks like an exit to it, "
                       "and it restarts a permanent child. Ask the supervisor: "
                       "DynamicSupervisor.terminate_child('RoomSupervisor', pid)")
            return
        active = DynamicSupervisor.count_children(SUPERVISOR)["active"]
        check.expect(active == 1 and is_alive(games), "#games still runs, the only child left",
                     f"'RoomSupervisor' has {active} children, and #games is "
                     f"{'alive' if is_alive(games) else 'dead'}: close only the room named")
        for name in ("#lobby", "#nowhere"):
            ran, answer = run_quietly(check, f"close_room({name!r}) when it is not open",
                                      lambda: close_room(name))
            if not ran:
                check.fail("when Registry.lookup finds nothing ([]), answer ('error', "
                           "'not_found')")
                return
            check.expect(answer == ("error", "not_found"),
                         f"close_room({name!r}) when it is not open: ('error', 'not_found')",
                         f"close_room({name!r}) when it is not open answered "
                         f"{short(answer)}: answer ('error', 'not_found')")
        if check.passed:
            _close_reopened(check, close_room, open_room)


def _close_reopened(check: Check, close_room: Callable, open_room: Callable) -> None:
    """A room opened again after it was closed closes again: close_room keeps nothing
    from one close to the next (a set of closed names, a pid kept from before)."""
    ran, reopened = run_quietly(check, "open_room('#lobby') after it was closed",
                                lambda: open_room("#lobby"))
    if not ran or type(reopened) is not Pid:
        return
    ran, answer = run_quietly(check, "close_room('#lobby') again", lambda: close_room("#lobby"))
    if not ran:
        return
    where = kept_outside_state(close_room)
    kept = (f" close_room keeps data {where}, outside any process, where it outlives the "
            "rooms it describes. Keep nothing: look the room up each time" if where else "")
    check.expect(answer == "ok" and _registered("#lobby") is None,
                 "#lobby, opened again, closed again: close_room keeps nothing from the first "
                 "close",
                 f"#lobby, opened again after it was closed, then closed again: close_room "
                 f"answered {short(answer)}, and #lobby is "
                 f"{'closed' if _registered('#lobby') is None else 'still running'}.{kept}")
    if check.passed and where:
        check.fail(f"it works, but close_room keeps data {where}, outside any process. Keep "
                   "nothing: look the room up with Registry.lookup each time")


def _ignored(room: Pid) -> str:
    """What to add to "still running" when `room` ignored an exit signal with reason
    'normal' (exit(pid, 'normal')); else nothing."""
    if not any(e.kind == "signal" and e.data["to"] == room and e.data["reason"] == "normal"
               and e.data["outcome"] == "ignored" for e in current_node().trace.events):
        return ""
    return ("; it ignored the exit signal you sent: a process that does not trap exits "
            "ignores a signal whose reason is 'normal' (it means no error). Ask the "
            "supervisor to stop it: DynamicSupervisor.terminate_child('RoomSupervisor', pid)")


def _requests(server: str, kind: str) -> list[tuple]:
    """The calls `(kind, ...)` made to the process registered as `server` in this run."""
    to = whereis(server)
    requests = [e.data["msg"][2] for e in current_node().trace.events
                if e.kind == "send" and e.data["to"] == to and is_gen_call(e.data["msg"])]
    return [r for r in requests if type(r) is tuple and r[:1] == (kind,)]


def _terminated() -> Any:
    """What the last DynamicSupervisor.terminate_child call in this run was given, or None."""
    asked = _requests(SUPERVISOR, "terminate_child")
    return asked[-1][1] if asked else None


def _unregistered() -> str:
    """What to add to "still running" when close_room called Registry.unregister (its
    requests name the caller's pid; a room ending unregisters its own name with ANY)."""
    if not any(type(r[2]) is Pid for r in _requests(REGISTRY, "unregister") if len(r) == 3):
        return ""
    return ("; Registry.unregister only forgets a name (and only the caller's own), the room "
            "runs on. Ask the supervisor to stop it: "
            "DynamicSupervisor.terminate_child('RoomSupervisor', pid)")


LOOKUP_PID = ("Registry.lookup answers a list of (pid, value) pairs, [(pid, value)]: give "
              "terminate_child the pid out of it, found[0][0]")
"""What to do when close_room gave terminate_child something other than the room's pid."""


def _not_a_pid(given: Any) -> str:
    """What to say when terminate_child was given `given` (a pid), not the room's pid."""
    if exit_of(given) is not None:
        return ("; the room it was given had already been stopped (by your code, before "
                "terminate_child), and its supervisor had restarted it as a new process, "
                "so it had no child with that pid. Let terminate_child stop the room: "
                "drop what stops it first")
    return f"; the pid it was given is not one of the supervisor's children. {LOOKUP_PID}"


# -- step 4: a bot, and no cycles ----------------------------------------------------------

def check_bot(bot: type, room: type) -> None:
    """Step 4: a Bot answers "who is here?" by calling the room, with no call cycle."""
    with Check("Step 4: a bot, and no cycles") as check:
        try:
            _bot_scenario(check, bot, room)
            if check.passed and "#lobby" in string_constants(bot):
                check.fail("it works here, but the bot names '#lobby' itself: started in "
                           "another room, GenServer.start(Bot, '#games'), it would ask and "
                           "answer in #lobby. Reach its own room by the name it was started "
                           "with, via(room_name), kept in its state")
        except RunawayError:
            said = [m for _, m in _sends(whereis("bot"), set(current_node().trace.names()))
                    if is_gen_cast(m) and type(m[1]) is tuple and m[1][:1] == ("say",)]
            if len(said) < 10:
                raise
            check.fail(f"never settled: the bot answered every line, its own included. Each "
                       "of its answers came back to it as ('said', ...) and it answered that "
                       f"too, {len(said):,} times before the check stopped it. Answer only "
                       "when the text is 'who is here?'")
            fresh_node()


def _bot_scenario(check: Check, bot: type, room: type) -> None:
    """Step 4's run: ann and the bot join; ann asks; bob joins and asks again."""
    _start_rooms()
    spec = {"id": "#lobby", "start": (GenServer.start_link, (room, "#lobby"),
                                      {"name": via("#lobby")})}
    result = DynamicSupervisor.start_child(SUPERVISOR, spec)
    if not _ok_pid(result):
        check.fail("your Room does not start yet: finish step 1 first")
        return
    lobby = result[1]
    ann = _listener("ann")
    the_bot = start_learner(check, "GenServer.start(Bot, '#lobby')",
                            lambda: GenServer.start(bot, "#lobby", name="bot"),
                            "keep init as given")
    if the_bot is None:
        return
    note("ann and the bot join")
    for member in (ann, the_bot):
        try:
            GenServer.call(via("#lobby"), ("join", member), 1000)
        except Exit:
            check.fail("your Room does not accept members yet: finish step 1 first")
            return
    note("ann asks 'who is here?'")
    GenServer.cast(via("#lobby"), ("say", "ann", "who is here?"))
    run_for(6000)          # a cycle would end in timeouts within 5 s
    note("the check looks: the history, and what ann heard")
    if not _no_cycle(check, lobby, the_bot):
        return
    if not _check_answer(check, lobby, the_bot, "2 here", [("ann", "who is here?")], bot):
        return
    heard = _heard(ann)
    check.expect(("said", "#lobby", "bot", "2 here") in heard,
                 "ann heard the bot's answer", f"ann heard {short(heard, 90)}")
    bob = _listener("bob")
    note("bob joins, and asks again")
    GenServer.call(via("#lobby"), ("join", bob), 1000)
    GenServer.cast(via("#lobby"), ("say", "bob", "nice weather"))
    GenServer.cast(via("#lobby"), ("say", "bob", "who is here?"))
    run_for(6000)
    note("the check looks again")
    if not _no_cycle(check, lobby, the_bot):
        return
    if not _check_answer(check, lobby, the_bot, "3 here",
                         [("ann", "who is here?"), ("bot", "2 here"), ("bob", "nice weather"),
                          ("bob", "who is here?")], bot, later=True):
        return
    _after_restart(check, lobby, ann, the_bot, bot)


def _after_restart(check: Check, lobby: Pid, ann: Pid, the_bot: Pid, bot: type) -> None:
    """#lobby is killed and its supervisor starts a new one: the bot must find the new
    room by its name (a bot that kept the old room's pid calls a dead process)."""
    note("#lobby is killed, and restarted; ann and the bot join the new one")
    exit(lobby, "kill")
    run_for(100)
    new = _registered("#lobby")
    for member in (ann, the_bot):
        GenServer.call(via("#lobby"), ("join", member), 1000)
    note("ann asks 'who is here?' in the new #lobby")
    GenServer.cast(via("#lobby"), ("say", "ann", "who is here?"))
    run_for(6000)
    note("the check looks at the new room")
    if _no_cycle(check, new, the_bot):
        _check_answer(check, new, the_bot, "2 here", [("ann", "who is here?")], bot,
                      restarted=True)


def _no_cycle(check: Check, room: Pid, the_bot: Pid) -> bool:
    trace = current_node().trace
    cycles = [e for e in trace.events if e.kind == "cycle"]
    if not cycles:
        return True
    where = describe_step(trace, cycles[0])
    if any(is_gen_call(m) for _, m in _sends(room, {the_bot})):
        check.fail(f"a call cycle at {where}: the room called the bot, and the bot called "
                   "the room back, so each waited for the other until a timeout. Your Room "
                   "calls its members: pass lines on with GenServer.cast (step 1)")
    else:
        check.fail(f"a call cycle at {where}: {cycles[0].data}")
    return False


def _bot_exit(reason: Any) -> str:
    """Why the bot exited, in words that say what to change."""
    if type(reason) is tuple and len(reason) == 2 and reason[0] == "noproc" \
            and type(reason[1]) is tuple and reason[1][:2] == ("GenServer", "call"):
        server = reason[1][2][0]
        if type(server) is Pid:
            return (f"the bot's call to {short(server)} exited with noproc: the bot kept the "
                    "pid of the #lobby that was killed, and its supervisor restarted #lobby "
                    "as a new process, with a new pid. A pid does not survive a restart; a "
                    "name does: keep room_name, and reach the room as via(room_name)")
        if isinstance(server, str):
            return (f"the bot's call exited with noproc: no process is registered as "
                    f"{server!r}. Reach the room as via(room_name)")
        if type(server) is tuple and len(server) == 3 and server[0] == "via" \
                and type(server[2]) is tuple and server[2][1:] != ("#lobby",):
            name = server[2][1] if len(server[2]) == 2 else server[2]
            return (f"the bot's call to via({short(name, 40)}) exited with noproc: no room has "
                    f"that name. The bot's state changed (room_name is now {short(name, 40)}): "
                    "a handle_cast's new state is the next one's room_name, so keep the room's "
                    "name in it, ('noreply', room_name)")
        return (f"the bot's call to {short(server, 60)} exited with noproc: no process "
                "runs there. Reach the room as via(room_name)")
    if isinstance(reason, BadArgument) and _sent_to_via(reason):
        return (f"{_explain(reason, 'the bot')}. send takes a pid or a registered name, "
                "not via(...), and a room takes a line as a cast: use "
                "GenServer.cast(via(room_name), ('say', 'bot', f'{count} here'))")
    return _explain(reason, "the bot")


def _sent_to_via(reason: BadArgument) -> bool:
    """Whether `reason` was raised by a send to via(...): the learner's call that raised
    it is send(via(...), ...)."""
    call = raising_call(reason, "send")
    return (call is not None and bool(call.args) and isinstance(call.args[0], ast.Call)
            and called_name(call.args[0]) == "via")


def _room_exit(trace: Any, ended: Any, the_bot: Pid) -> str:
    """Why the room exited in step 4: a cast from the bot it could not take, or a fault of
    the room itself (step 1's)."""
    taken = [e.data["msg"] for e in trace.events
             if e.kind == "receive" and e.pid == ended.pid and e.step < ended.step]
    bot_sent = [m for _, m in _sends(the_bot, {ended.pid})]
    if taken and is_gen_cast(taken[-1]) and taken[-1] in bot_sent \
            and taken[-1][1] in ("members", "history"):
        request = taken[-1][1]
        return (f"the bot cast {request!r} to the room, and the room crashed on it at "
                f"{describe_step(trace, ended)}: {reason_text(ended.data['reason'])}. "
                f"{request!r} is a call, and only a call gets an answer: the room's reply is "
                f"what the call returns, members = GenServer.call(via(room_name), "
                f"{request!r}). A cast is answered by nobody, so a receive() after it waits "
                "for nothing")
    if taken and is_gen_cast(taken[-1]) and taken[-1] in bot_sent:
        return (f"the bot's cast {short(taken[-1][1], 60)} crashed the room at "
                f"{describe_step(trace, ended)}: {reason_text(ended.data['reason'])}. A room "
                "takes ('say', who, text): cast ('say', 'bot', f'{count} here')")
    return (f"your Room exited at {describe_step(trace, ended)}: "
            f"{_explain(ended.data['reason'])}. Finish step 1 first")


def _check_answer(check: Check, room: Pid, the_bot: Pid, answer: str, before: list,
                  bot: type, later: bool = False, restarted: bool = False) -> bool:
    """Is the bot's line `answer` in the history, right after the lines `before`? `bot` is
    the learner's class; `later`: the bot was asked a second time; `restarted`: in the room
    that replaced a killed one."""
    trace = current_node().trace
    said = [step for step, m in _sends(the_bot, set(trace.names()))
            if is_gen_call(m) and type(m[2]) is tuple and m[2][:1] == ("say",)]
    if said:
        check.fail(f"at step {said[0]} the bot called the room with ('say', ...): a room "
                   "takes ('say', who, text) as a cast. Use GenServer.cast")
        return False
    mistagged = [(step, m[1]) for step, m in _sends(the_bot, {room})
                 if is_gen_cast(m) and type(m[1]) is tuple and len(m[1]) == 3
                 and m[1][0] != "say"]
    if mistagged:
        step, line = mistagged[0]
        check.fail(f"at step {step} the bot cast {short(line)} to the room: a room takes "
                   f"('say', who, text), tagged 'say' ({short(line[0])} is not a tag the "
                   "room knows; ('said', room, who, text) is what a room casts to its "
                   "members). Cast ('say', 'bot', f'{count} here')")
        return False
    for event in trace.events:
        if event.kind == "exit" and not is_normal(event.data["reason"]):
            if event.pid == the_bot:
                reason = event.data["reason"]
                check.fail(f"the bot exited at {describe_step(trace, event)}: "
                           f"{_bot_exit(reason)}")
                return False
            if event.pid == room:
                check.fail(_room_exit(trace, event, the_bot))
                return False
    ran, history = _call(check, via("#lobby"), "history", "'history'")
    if not ran:
        return False
    wanted = before + [("bot", answer)]
    asked = [m for _, m in _sends(the_bot, {room})
             if is_gen_call(m) and m[2] == "members"]
    if history == wanted and len(asked) == (2 if later else 1):
        where = " in the restarted #lobby (it reached the room by its name)" if restarted \
            else ""
        return check.expect(True, f"asked 'who is here?'{' again' if later else ''}{where}, "
                            f"the bot called the room for its members and said '{answer}'", "")
    bot_lines = [line for line in history if line[0] == "bot"]
    others = [line for line in history if line not in before and type(line) is tuple
              and len(line) == 2]       # lines said by nobody the check made speak
    helpers = _helpers_asking(the_bot, room)
    if len(asked) < (2 if later else 1) and helpers:
        check.fail(f"a process the bot started (step {helpers[0]}) called the room for its "
                   "members, not the bot itself: call GenServer.call(via(room_name), "
                   "'members') in the bot's own handle_cast. That call is safe only because "
                   "the room casts to its members (step 1); a helper process would hide the "
                   "cycle a room that calls its members makes, not remove it")
    elif len(asked) < (2 if later else 1):
        check.fail(("asked again after a third member joined, the bot did not ask the room "
                    "again: members come and go, so a count kept from the first time goes "
                    "stale. Call" if asked else "the bot did not ask the room for its "
                    "members: call") + " the room with 'members' each time the text is "
                   "'who is here?', and count them")
    elif not bot_lines and others:
        who, text = others[0]
        check.fail(f"the bot asked for the members and said {short(text)}, but it said it as "
                   f"{short(who)}: use 'bot'")
    elif not bot_lines and _said_to_members(the_bot, room):
        check.fail("the bot cast ('said', ...) to the members itself, so the room never got "
                   "the line, and it is not in the room's history. Say it through the room: "
                   "cast ('say', 'bot', f'{count} here') to via(room_name), and the room "
                   "passes it on to everyone")
    elif not bot_lines and (elsewhere := _says_elsewhere(the_bot, room)):
        check.fail(f"the bot cast its ('say', ...) to {elsewhere}, not to the room: only "
                   f"{elsewhere} got it, as a message no room handled, and it is not in the "
                   "room's history. A bot speaks through the room, as every member does: "
                   "cast ('say', 'bot', f'{count} here') to via(room_name)")
    elif not bot_lines and "cast" in names_used(bot) and not [
            m for _, m in _sends(the_bot, {room}) if is_gen_cast(m)]:
        check.fail("the bot asked for the members, but its cast never reached the room: "
                   "GenServer.cast to a name no process has drops the message without a "
                   "word, and the room has no plain name such as '#lobby' (the room in the "
                   "message): it is registered through the Registry. Cast to via(room_name)")
    elif not bot_lines:
        check.fail("the bot asked for the members but said nothing: cast ('say', 'bot', "
                   f"f'{{count}} here') to the room. The history is {short(history, 90)}")
    elif any(is_gen_call(m) and type(m[2]) is tuple and m[2][:1] == ("join",)
             for _, m in _sends(the_bot, {room})):
        check.fail(f"the history is {short(history, 120)}, not {short(wanted, 120)}: the bot "
                   "joined the room itself, and whoever starts a bot joins it too (the check "
                   "does), so the bot is a member twice. Do not join in the bot: it only "
                   "answers the lines the room casts to it")
    else:
        check.fail(f"the history is {short(history, 120)}, not {short(wanted, 120)}: the bot "
                   f"should say '{answer}' (the number of members, itself included), once")
    return False


def _said_to_members(the_bot: Pid, room: Pid) -> bool:
    """Did the bot cast a ('said', ...) line to processes other than the room (broadcasting
    itself, as only the room should)?"""
    others = set(current_node().trace.names()) - {room}
    return any(is_gen_cast(m) and type(m[1]) is tuple and m[1][:1] == ("said",)
               for _, m in _sends(the_bot, others))


def _says_elsewhere(the_bot: Pid, room: Pid) -> str | None:
    """The name of a process, not the room, that the bot cast a ('say', ...) to (such as
    the member who asked), or None."""
    names = current_node().trace.names()
    to = [e.data["to"] for e in current_node().trace.events
          if e.kind == "send" and e.pid == the_bot and e.data["to"] not in (None, room)
          and is_gen_cast(e.data["msg"]) and type(e.data["msg"][1]) is tuple
          and e.data["msg"][1][:1] == ("say",)]
    return names.get(to[0], repr(to[0])) if to else None


def _helpers_asking(the_bot: Pid, room: Pid) -> list[int]:
    """The steps at which processes the bot started called the room for its members."""
    events = current_node().trace.events
    helpers = {e.data["child"] for e in events if e.kind == "spawn" and e.pid == the_bot}
    return [e.step for e in events if e.kind == "send" and e.pid in helpers
            and e.data["to"] == room and is_gen_call(e.data["msg"])
            and e.data["msg"][2] == "members"]
