# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 09 · Capstone
#
# **Questions:** How do GenServers, names and supervisors fit together in a small real
# system? When such a system hangs, how do you find out who waits for whom?
#
# **You will:** build a chat service in four steps, each with a check: a room that keeps
# its history and passes every line on; rooms started by a supervisor and found by name;
# a room that comes back after a crash, and one closed for good; a bot that talks back
# without a call cycle. Then you will solve four "find the deadlock" puzzles from the
# error, the wait-for graph and the diagram.
#
# **Time:** 45 minutes. **Previous:** [08 · Bottlenecks and interleavings](08_bottlenecks_and_interleavings.ipynb)

# %% [markdown]
# ## The plan
#
# People join chat rooms and say lines; a room passes each line on to everyone in it and
# keeps the history, so a newcomer can catch up. Every room is a GenServer, and so is
# every member. Here is what a room answers:
#
# | message to a room | kind | what happens |
# | --- | --- | --- |
# | `("join", member)` | call | `member` (a pid) joins; the answer is the history so far |
# | `"members"` | call | the answer is the members' pids |
# | `"history"` | call | the answer is every line, `(who, text)`, oldest first |
# | `("say", who, text)` | cast | the room casts `("said", room_name, who, text)` to every member, and keeps the line |
#
# Around the rooms, two pieces from notebook 07: a `Registry` called `"Rooms"` maps a
# room's name to its pid, so `via("#lobby")` names the lobby wherever it runs; and a
# `DynamicSupervisor` called `"RoomSupervisor"` starts the rooms and restarts them when
# they crash.
#
# Each check runs your code on a fresh node, reads the returned values and the trace, and
# says what to change. The node it ran on stays current after it, so the cell after each
# check draws what your code did.

# %%
from actorlab import (ANY, DynamicSupervisor, GenServer, Registry, Task, current_node, exit,
                      receive, reset, self_pid, send)
from actorlab.course.nb09 import (check_bot, check_close_room, check_open_room, check_room,
                                  last_run)


def via(name):
    """A room's name: the key `name` in the Registry "Rooms"."""
    return ("via", Registry, ("Rooms", name))


node = reset()

# %% [markdown]
# ## Step 1: a room
#
# The room's state is a dict: its `name`, its `members` (pids, in the order they joined)
# and its `history` (lines, oldest first). Fill in the two blanks: a join adds the member
# and answers the history so far; a `say` casts the line to every member, then keeps it.
#
# Build new lists (`state["history"] + [(who, text)]`) rather than changing the old ones
# (`append`): actorlab passes a message without copying it, so a list you already sent
# someone would change under their feet. (The BEAM copies every message, except for large
# binaries, which it shares; and no term there can change anyway.)
#
# Last, the check has ann and bob each say a line at the same moment, in every distinct
# interleaving (notebook 08's `explore`): each member must hear the lines in the order
# the history keeps them.

# %% tags=["exercise", "ex-room"]
class Room(GenServer):
    def init(self, name):
        return ("ok", {"name": name, "members": [], "history": []})

    def handle_call(self, request, from_, state):
        if request == "members":
            return ("reply", state["members"], state)
        if request == "history":
            return ("reply", state["history"], state)
        _, member = request                          # ("join", member)
        ...   # your code here

    def handle_cast(self, message, state):
        _, who, text = message                       # ("say", who, text)
        ...   # your code here


# %% tags=["check"]
check_room(Room)

# %% [markdown] tags=["hint", "ex-room"]
# <details><summary>Hint</summary>
#
# A join returns `("reply", state["history"], new_state)`, where `new_state` is
# `{**state, "members": state["members"] + [member]}`. A say loops over
# `state["members"]`, calling `GenServer.cast(member, ("said", state["name"], who, text))`,
# then returns `("noreply", ...)` with `(who, text)` added to the history.
# </details>

# %% [markdown] tags=["solution", "ex-room"]
# <details><summary>Solution</summary>
#
# ```python
# class Room(GenServer):
#     def init(self, name):
#         return ("ok", {"name": name, "members": [], "history": []})
#
#     def handle_call(self, request, from_, state):
#         if request == "members":
#             return ("reply", state["members"], state)
#         if request == "history":
#             return ("reply", state["history"], state)
#         _, member = request                          # ("join", member)
#         return ("reply", state["history"],
#                 {**state, "members": state["members"] + [member]})
#
#     def handle_cast(self, message, state):
#         _, who, text = message                       # ("say", who, text)
#         for member in state["members"]:
#             GenServer.cast(member, ("said", state["name"], who, text))
#         return ("noreply", {**state, "history": state["history"] + [(who, text)]})
# ```
# </details>

# %% [markdown]
# The check started your room as `lobby` and two members, `ann` and `bob`, who keep what
# they hear; it notes each thing it does in the trace. **Predict, then run:** when bob
# says "hi ann!", to whom does the room send, and does it wait for anybody? Below is that
# part of the check's run. (Until your check passes, it shows where the run stopped; run
# the cell again after the check.)

# %%
last_run(["shell", "lobby", "ann", "bob"], part="bob says", max_rows=30)

# %% [markdown]
# The room took bob's cast and cast the line on to both members, bob included, one after
# the other, and went straight back to waiting: nobody waited for anybody.

# %% [markdown]
# In Elixir (`twins/capstone_room_broadcast.exs`), the same callbacks:
#
# ```elixir
# def handle_call({:join, member}, _from, state) do
#   {:reply, state.history, %{state | members: state.members ++ [member]}}
# end
#
# def handle_call(:members, _from, state), do: {:reply, state.members, state}
# def handle_call(:history, _from, state), do: {:reply, state.history, state}
#
# def handle_cast({:say, who, text}, state) do
#   for member <- state.members do
#     GenServer.cast(member, {:said, state.name, who, text})
#   end
#
#   {:noreply, %{state | history: state.history ++ [{who, text}]}}
# end
# ```

# %% [markdown]
# ## Step 2: rooms by name, under a supervisor
#
# A user asks for `"#lobby"` by name, and the room must outlive any crash of the process
# that opened it. So rooms are started by `"RoomSupervisor"` with
# `DynamicSupervisor.start_child(supervisor, spec)`, and each registers under its name as
# it starts: the child spec's `"start"` may have a third item, keyword arguments, so
# `(GenServer.start_link, (Room, name), {"name": via(name)})` means
# `GenServer.start_link(Room, name, name=via(name))`.
#
# A name can be taken only once. **Predict, then run:** the same room is started twice
# under one name (no supervisor yet). What does the second start return?

# %%
node = reset()
Registry.start_link(keys="unique", name="Rooms")
first = GenServer.start(Room, "#test", name=via("#test"))
second = GenServer.start(Room, "#test", name=via("#test"))
first, second, Registry.lookup("Rooms", "#test")

# %% [markdown]
# There was no second server: the start found the name taken before it started anything,
# as OTP does, and answered `("error", ("already_started", pid))` with the pid of the room
# that holds the name. `start_child` passes that answer on. That is just what "open a room" needs: if
# the room is open already, use it.
#
# Write `open_room(name)`: start the room `name` under `"RoomSupervisor"`, registered as
# `via(name)`, and return its pid; if it is already open, return the pid of the running
# room. Two users may open the same room at the same moment: the check tries that too, in
# every distinct interleaving, and both must get the one room.

# %% tags=["exercise", "ex-open"]
def open_room(name):
    spec = {"id": name,
            "start": ...}   # your code here
    result = DynamicSupervisor.start_child("RoomSupervisor", spec)
    ...   # your code here


# %% tags=["check"]
check_open_room(open_room)

# %% [markdown] tags=["hint", "ex-open"]
# <details><summary>Hint</summary>
#
# `"start"` is `(GenServer.start_link, (Room, name), {"name": via(name)})`. The result is
# `("ok", pid)` or `("error", ("already_started", pid))`: in both, the pid is the room.
# </details>

# %% [markdown] tags=["solution", "ex-open"]
# <details><summary>Solution</summary>
#
# ```python
# def open_room(name):
#     spec = {"id": name,
#             "start": (GenServer.start_link, (Room, name), {"name": via(name)})}
#     result = DynamicSupervisor.start_child("RoomSupervisor", spec)
#     if result[0] == "ok":
#         return result[1]
#     _, (_, pid) = result                  # ("error", ("already_started", pid))
#     return pid
# ```
# </details>

# %% [markdown]
# The check opened `#lobby` and `#games`, then `#lobby` again. Below is its supervision
# tree. (Until your check passes, this shows where its run stopped.)

# %%
current_node().trace.supervision_tree()

# %% [markdown]
# In Elixir (`twins/capstone_rooms_by_name.exs`):
#
# ```elixir
# def via(name), do: {:via, Registry, {Rooms, name}}
#
# def open_room(name) do
#   spec = %{id: name, start: {GenServer, :start_link, [Room, name, [name: via(name)]]}}
#
#   case DynamicSupervisor.start_child(RoomSupervisor, spec) do
#     {:ok, pid} -> pid
#     {:error, {:already_started, pid}} -> pid
#   end
# end
# ```

# %% [markdown]
# ## Step 3: a crash, and closing a room
#
# When a room crashes, `"RoomSupervisor"` starts it again from the same child spec: the
# same name, as a new process. **Predict:** after `#lobby` is killed, does a call to
# `via("#lobby")` reach a room? A call to the old pid? Is the lobby's history still
# there? The check below starts by finding out, and the twin
# `twins/capstone_rooms_by_name.exs` shows the BEAM doing the same.
#
# Closing a room is the opposite case: it must stop *and stay stopped*. Write
# `close_room(name)`: find the room's pid with `Registry.lookup("Rooms", name)` (a list,
# `[(pid, value)]` or `[]`), and ask the supervisor to stop it with
# `DynamicSupervisor.terminate_child("RoomSupervisor", pid)`, which answers `"ok"`. For a
# room that is not open, `close_room` answers `("error", "not_found")`. (Why not simply
# `GenServer.stop(via(name))`? Try it if you like: the check says what the supervisor
# makes of it.)

# %% tags=["exercise", "ex-close"]
def close_room(name):
    ...   # your code here


# %% tags=["check"]
check_close_room(close_room, open_room)

# %% [markdown] tags=["hint", "ex-close"]
# <details><summary>Hint</summary>
#
# `found = Registry.lookup("Rooms", name)`; if `found` is empty, return
# `("error", "not_found")`; else its only item is `(pid, value)`. Do not stop the room
# yourself (`GenServer.stop`, `exit`): to its supervisor, that looks like an exit like any
# other, and a `"permanent"` child is restarted whatever its reason.
# </details>

# %% [markdown] tags=["solution", "ex-close"]
# <details><summary>Solution</summary>
#
# ```python
# def close_room(name):
#     found = Registry.lookup("Rooms", name)
#     if not found:
#         return ("error", "not_found")
#     [(pid, _)] = found
#     return DynamicSupervisor.terminate_child("RoomSupervisor", pid)
# ```
# </details>

# %% [markdown]
# Below, the supervision tree of the check's run: `#lobby` was killed and restarted once,
# then closed; then opened again, as a new child, and closed again (the check's last
# test); `#games` runs on. (Until your check passes, this shows where its run stopped.)

# %%
current_node().trace.supervision_tree()

# %% [markdown]
# The name survived the crash, the pid did not, and neither did the state: the new
# `#lobby` starts from `init`, with no history and no members. Keeping a room's history
# across crashes is a design decision of its own (store it in another process, a table,
# a database), and so is how members notice that they must join again.
#
# In Elixir (`twins/capstone_rooms_by_name.exs`):
#
# ```elixir
# def close_room(name) do
#   case Registry.lookup(Rooms, name) do
#     [{pid, _value}] -> DynamicSupervisor.terminate_child(RoomSupervisor, pid)
#     [] -> {:error, :not_found}
#   end
# end
# ```
#
# One gap is left, in Elixir too: between the lookup and `terminate_child`, the room can
# crash and be restarted under a new pid. The supervisor then answers
# `("error", "not_found")` for the old pid, and the new room runs on. A close that must
# never miss looks the room up again when that happens. Notebook 11 finds gaps of this
# kind by running a program in every order its processes can take.

# %% [markdown]
# ## Step 4: a bot, and no cycles
#
# A bot is a member like any other: it gets every line as a cast. When someone says
# "who is here?", it asks the room for its members itself, with a **call**, and says how many
# there are (`"2 here"`, as `"bot"`), with a cast.
#
# Is a call from a member to the room safe? Only because of step 1: the room *casts*
# every line, so while the bot handles one, the room is not waiting for anybody and can
# answer. Had the room *called* its members (to be sure that each got the line), the
# room would be waiting for the bot while the bot waited for the room: a cycle, which
# puzzle 1 below runs. The rule that keeps a system free of call cycles: **calls go one
# way.** Members may call rooms; rooms only cast to members.
#
# Write the bot. It is started with its room's name, `GenServer.start(Bot, "#lobby")`,
# and reaches the room as `via(room_name)`. Whoever starts it joins it to the room, as
# the check does: the bot does not join by itself.

# %% tags=["exercise", "ex-bot"]
class Bot(GenServer):
    def init(self, room_name):
        return ("ok", room_name)

    def handle_cast(self, message, room_name):
        _, room, who, text = message                 # ("said", room, who, text): room
                                                     # is the room's name, as room_name
        if text == "who is here?":
            ...   # your code here
        return ("noreply", room_name)


# %% tags=["check"]
check_bot(Bot, Room)

# %% [markdown] tags=["hint", "ex-bot"]
# <details><summary>Hint</summary>
#
# `GenServer.call(via(room_name), "members")` answers the list of members. The answer
# is a line like any other: the cast `("say", who, text)` to the room, with `"bot"` as
# `who`. (The bot hears its own line too, but "2 here" is not "who is here?", so it
# stays quiet.)
# </details>

# %% [markdown] tags=["solution", "ex-bot"]
# <details><summary>Solution</summary>
#
# ```python
# class Bot(GenServer):
#     def init(self, room_name):
#         return ("ok", room_name)
#
#     def handle_cast(self, message, room_name):
#         _, room, who, text = message                 # ("said", room, who, text)
#         if text == "who is here?":
#             count = len(GenServer.call(via(room_name), "members"))
#             GenServer.cast(via(room_name), ("say", "bot", f"{count} here"))
#         return ("noreply", room_name)
# ```
# </details>

# %% [markdown]
# The check's first question (run this cell again after the check passes): ann asks;
# the room casts the line to ann and to the bot; the bot calls the room, which is free
# to answer, and casts its own line, which the room casts to both. (A server named by a
# via-name is drawn with its class name, `Room`. The bot's two short waits, and the
# shell's first receive, are look-ups of `via("#lobby")`: actorlab's `Registry` is a
# process that they ask, where Elixir's reads a table; the registry is not drawn.)

# %%
last_run(["shell", "Room", "ann", "bot"], part="ann asks", max_rows=30)

# %% [markdown]
# In Elixir (`twins/capstone_room_broadcast.exs` runs the room, a member and this bot):
#
# ```elixir
# def handle_cast({:said, _room, _who, "who is here?"}, room) do
#   count = length(GenServer.call(room, :members))
#   GenServer.cast(room, {:say, :bot, "#{count} here"})
#   {:noreply, room}
# end
#
# def handle_cast({:said, _room, _who, _text}, room), do: {:noreply, room}
# ```

# %% [markdown]
# ## Find the deadlock
#
# Four short programs, each stuck. For each: read the code, **predict** who ends up
# waiting for whom (draw the arrows), then run it and compare. To read a stuck system:
#
# 1. **The error.** A `DeadlockError` lists every waiting process, the pattern it waits
#    for, whose reply it expects, and its mailbox. A timeout's exit reason says which
#    call gave up.
# 2. **The wait-for graph.** One arrow per call in progress, from the caller to the
#    server. Arrows that come back round are a cycle: nobody in it can answer. No cycle?
#    Then someone waits for a message that nobody will send: compare its pattern with
#    its mailbox.
# 3. **The diagram.** A request that nobody read ends in a mailbox mark (✉).
#
# When timeouts end the wait, everybody has crashed by the end of the trace; draw the
# wait-for graph at the step where the cycle closed (the trace's `"cycle"` event):

# %%
def when_cycle_closed(trace):
    """The step of the trace's first call cycle."""
    return next(event.step for event in trace.events if event.kind == "cycle")


# %% [markdown]
# ### Puzzle 1: delivery receipts
#
# A teammate wants to be sure that every member got each line, so their room *calls*
# each member (1 s at most) instead of casting. The greeter, a member, welcomes whoever
# says "hello, all", with the number of members. **Predict:** ann says "hello, all";
# then the shell asks for the members. What happens, and when?

# %% tags=["raises-exception"]
class ReceiptRoom(GenServer):
    def init(self, members):
        return ("ok", members)

    def handle_call(self, request, from_, members):      # "members"
        return ("reply", members, members)

    def handle_cast(self, message, members):             # ("said", who, text)
        for member in members:
            GenServer.call(member, message, 1000)        # did you get it?
        return ("noreply", members)


class Greeter(GenServer):
    def init(self, room):
        return ("ok", room)

    def handle_call(self, message, from_, room):
        _, who, text = message
        if text == "hello, all":
            count = len(GenServer.call(room, "members"))
            GenServer.cast(room, ("said", "greeter", f"welcome {who}: {count} here"))
        return ("reply", "got_it", room)


node = reset()
GenServer.start(ReceiptRoom, ["greeter"], name="lobby")
GenServer.start(Greeter, "lobby", name="greeter")
GenServer.cast("lobby", ("said", "ann", "hello, all"))
GenServer.call("lobby", "members")

# %%
node.trace.wait_for_graph(when_cycle_closed(node.trace))

# %%
node.trace.diagram(hide_system=True)

# %% [markdown]
# <details><summary>Explanation</summary>
#
# `lobby`, handling ann's line, calls `greeter` for a receipt; `greeter`, handling that
# call, calls `lobby` for its members: lobby → greeter → lobby. Each waits for the
# other, so neither reads its mailbox: the greeter's request sits in the lobby's mailbox
# (✉), and so does the shell's. After 1 s the lobby's call times out and the lobby
# crashes; the greeter's call finds the lobby dead and exits too; the shell's call exits
# with the lobby's reason. A timeout ended the wait and fixed nothing.
#
# The fix is step 4's rule: calls go one way. The room casts each line; if receipts
# matter, each member *casts* one back, and the room counts them in its state.
# `twins/capstone_puzzle_receipts.exs` shows the BEAM failing the same way.
# </details>

# %% [markdown]
# ### Puzzle 2: the shell never hears
#
# A megaphone casts every message it gets to all its members. The shell joins, casts a
# line, and waits to hear it back. **Predict:** is there a cycle?

# %% tags=["raises-exception"]
class Megaphone(GenServer):
    def init(self, members):
        return ("ok", members)

    def handle_call(self, request, from_, members):      # ("join", member)
        _, member = request
        return ("reply", "ok", members + [member])

    def handle_cast(self, message, members):
        for member in members:
            GenServer.cast(member, message)
        return ("noreply", members)


node = reset()
_, megaphone = GenServer.start(Megaphone, [])
GenServer.call(megaphone, ("join", self_pid()))
GenServer.cast(megaphone, ("said", "ann", "hello, all"))
receive(("said", ANY, ANY))

# %%
node.trace.diagram(hide_system=True)

# %% [markdown]
# <details><summary>Explanation</summary>
#
# No cycle: the megaphone is idle, waiting for any message. The shell waits for
# `("said", ANY, ANY)`, and its mailbox holds the line, but in an envelope:
# `GenServer.cast(pid, message)` sends `("$gen_cast", message)`, the shape a GenServer's
# loop unwraps for `handle_cast`. The shell is not a GenServer, nothing unwraps it, and
# the pattern never matches. A deadlock needs no cycle: one process waiting for a message
# that nobody will send is enough.
#
# The fix: wait for `("$gen_cast", ("said", ANY, ANY))`, or make the member a GenServer;
# and to a process that is not a GenServer, send plain messages with `send`.
# `twins/capstone_puzzle_cast_pattern.exs` shows the same envelope on the BEAM.
# </details>

# %% [markdown]
# ### Puzzle 3: the room that counts its siblings
#
# A room wants to know, as it starts, how many rooms are open, so its `init` asks the
# supervisor. (Like Elixir's, actorlab's `start_link` waits for `init` as long as it
# takes.) **Predict:** who waits for whom?

# %% tags=["raises-exception"]
class Census(GenServer):
    def init(self, name):
        rooms = DynamicSupervisor.count_children("RoomSupervisor")["active"]
        return ("ok", (name, rooms))


node = reset()
DynamicSupervisor.start_link(name="RoomSupervisor")
spec = {"id": "#lobby", "start": (GenServer.start_link, (Census, "#lobby"))}
DynamicSupervisor.start_child("RoomSupervisor", spec)

# %%
node.trace.wait_for_graph()

# %% [markdown]
# <details><summary>Explanation</summary>
#
# `start_child` is a call to the supervisor. To answer it, the supervisor runs the
# child's `start_link`, which waits until the child's `init` returns (that is how it
# can answer `("ok", pid)` or an error). And `init` calls the supervisor:
# RoomSupervisor → Census → RoomSupervisor. No wait here has a timeout, so it never
# ends: on the BEAM, the shell and everyone who asks the supervisor anything hang for
# good (`twins/capstone_puzzle_init_calls_supervisor.exs`).
#
# The fix: `init` must not call whatever is starting it. Pass what `init` needs as its
# argument, or ask later. OTP's way to do work just after `init`, once the starter has
# its answer, is a *continue*: `init` returns `("ok", state, ("continue", "count"))`, the
# start answers at once, and the server's first act is to call its callback
# `handle_continue("count", state)`, before it takes any message. That callback can ask
# the supervisor, which is free by then, and returns `("noreply", new_state)` like
# `handle_cast`. The twin runs that version too.
# </details>

# %% [markdown]
# ### Puzzle 4: the helper that asks back
#
# Counting words might be slow, so a server hands the job to a `Task`, to "stay
# responsive", and gives it 1 s. The task asks the server for the lines. **Predict:**
# what does the shell get?

# %% tags=["raises-exception"]
def count_words():
    return sum(len(line.split()) for line in GenServer.call("notes", "lines"))


class Notes(GenServer):
    def init(self, lines):
        return ("ok", lines)

    def handle_call(self, request, from_, lines):
        if request == "lines":
            return ("reply", lines, lines)
        task = Task.async_(count_words)                  # "word_count"
        return ("reply", Task.await_(task, 1000), lines)


node = reset()
GenServer.start(Notes, ["hello there", "general chat"], name="notes")
GenServer.call("notes", "word_count")

# %%
node.trace.wait_for_graph(when_cycle_closed(node.trace))

# %%
node.trace.diagram(hide_system=True)

# %% [markdown]
# <details><summary>Explanation</summary>
#
# `notes`, handling the shell's call, starts the task and awaits it; the task calls
# `notes` for the lines: notes → count_words → notes. `Task.await_` blocks the server
# just as a call does: a task keeps a server responsive only if the server does not
# wait for it. After 1 s the await times out, `notes` crashes, and the link takes the
# task with it (`twins/capstone_puzzle_task_calls_back.exs`).
#
# The fixes: give the task what it needs,
# `Task.async_(lambda: sum(len(line.split()) for line in lines))`, so it asks nobody; or
# reply later, as `TaskConverter` does in notebook 08: start the task, keep `from_` in the
# state under the task's ref, return `("noreply", ...)`, and answer the caller with
# `GenServer.reply` from `handle_info` when the task's `(ref, count)` arrives.
# </details>

# %% [markdown]
# ## Key points
#
# - A system is a few kinds of processes, each with one job: rooms keep state, the
#   Registry finds them by name, the supervisor starts and restarts them; members reach
#   rooms by name.
# - A name outlives a crash; a pid and a process's state do not. Stop a supervised child
#   through its supervisor, or it comes back.
# - Calls go one way. Rooms cast to members; members may call rooms. A call from `init`
#   to whatever starts it, or from a task to the server awaiting it, closes a cycle just
#   the same. Work that must follow `init` goes in `handle_continue`: `init` returns
#   `("ok", state, ("continue", what))` (puzzle 3).
# - To find a deadlock, ask who waits, for whom, and what sits in each mailbox: either
#   the arrows form a cycle, or someone waits for a message that will never come.
#
# **Next:** [10 · Where next](10_where_next.ipynb)
# **Previous:** [08 · Bottlenecks and interleavings](08_bottlenecks_and_interleavings.ipynb)
