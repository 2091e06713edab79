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
# # 06 · Finding processes
#
# **Questions:** I started a GenServer without a name: where do I keep its pid? How does a
# process that did not start it find it? What happens to that pid when the process dies
# and a new one takes its place?
#
# **You will:** find a process by a registered name (`register`, `whereis`, GenServer's
# `name=`) and by a key in a `Registry`; keep pids in another server's state, up to a
# manager that maps ids to pids; watch a kept pid go stale when its process is replaced;
# notice a death with a monitor (`DOWN`) and with a link (`EXIT`, `trap_exit`); replace a
# dead process by hand, and see why notebook 07's supervisors exist.
#
# **Time:** 45 minutes. **Previous:** [05 · GenServer](05_genserver.ipynb)

# %%
from actorlab import (ANY, BadArgument, Exit, GenServer, Registry, current_node, exit,
                      is_alive, monitor, receive, register, reset, run_for, self_pid, send,
                      sleep, spawn, spawn_link, trap_exit, whereis)

node = reset()

# %% [markdown]
# ## A pid is known only to those who were told
#
# The example for this notebook is a chat room: people enter it (a cast), and you can ask
# who is in (a call).

# %%
class Room(GenServer):
    def init(self, topic):
        return ("ok", [])                              # the people in the room

    def handle_cast(self, message, people):            # ("enter", who)
        _, who = message
        return ("noreply", people + [who])

    def handle_call(self, request, from_, people):     # "who"
        return ("reply", people, people)


_, lobby = GenServer.start(Room)
GenServer.cast(lobby, ("enter", "ann"))
GenServer.call(lobby, "who")

# %% [markdown]
# `GenServer.start` returned the pid, and the shell keeps it in a variable. Nobody else has
# it: a pid is a number the runtime made up, written on no door. Another process can reach
# the room only if someone *gives* it the pid, as an argument or inside a message:

# %%
def guest(room, who):
    GenServer.cast(room, ("enter", who))


spawn(guest, lobby, "bob", label="bob")
GenServer.call(lobby, "who")

# %% [markdown]
# That works while whoever needs the room is started by someone who holds its pid. A
# stranger (a process started by other code, a request arriving from outside) has nothing
# to go on. Strangers need a name to find you.
#
# ## Names
#
# `register(name, pid)` gives a process a name; `whereis(name)` answers its pid, or `None`.
# `send`, `monitor` (later in this notebook), `GenServer.call` and `GenServer.cast` take a
# name wherever they take a pid, and look it up at the moment they use it.

# %%
before = whereis("lobby")
register("lobby", lobby)
before, whereis("lobby")

# %%
def stranger(who):
    GenServer.cast("lobby", ("enter", who))            # no pid: only the name


spawn(stranger, "cat", label="cat")
GenServer.call("lobby", "who")

# %% [markdown]
# `GenServer.start(Room, name="kitchen")` registers the new server before its `init` runs,
# so it is findable from its first moment. The rules are Erlang's: a name belongs to one
# process, a process has at most one name, and the name goes when the process exits.

# %%
_, kitchen = GenServer.start(Room, name="kitchen")
print(whereis("kitchen") == kitchen)
print(GenServer.start(Room, name="kitchen"))           # the name is taken
try:
    register("scullery", kitchen)                      # a second name for the kitchen
except BadArgument as error:
    print(error)

# %% [markdown]
# In Elixir (`twins/finding_names.exs`), the room and the same steps; names are atoms:
#
# ```elixir
# defmodule Room do
#   use GenServer
#   def init(_topic), do: {:ok, []}
#   def handle_cast({:enter, who}, people), do: {:noreply, people ++ [who]}
#   def handle_call(:who, _from, people), do: {:reply, people, people}
# end
# ```
#
# ```elixir
# {:ok, room} = GenServer.start(Room, nil)
# Process.register(room, :lobby)
# GenServer.cast(:lobby, {:enter, :ann})
# people = GenServer.call(:lobby, :who)
# ```
#
# **Predict, then run:** the lobby is killed (`exit(pid, "kill")` sends an exit signal
# nobody can ignore; this `exit` is Erlang's, imported from actorlab, and it replaces the
# `exit()` that ends a Python session). What does `whereis("lobby")` answer now? And a call
# by the name?

# %%
exit(lobby, "kill")
whereis("lobby"), is_alive(lobby)

# %%
try:
    GenServer.call("lobby", "who")
except Exit as error:
    print("the call exited with", error.reason)
try:
    send("lobby", "hello")
except BadArgument as error:
    print(f"the send raised {type(error).__name__}: {error}")
print("the cast answered", GenServer.cast("lobby", ("enter", "dan")))

# %% [markdown]
# The name died with the process. (Here at once: actorlab's kill acts before `exit`
# returns. On the BEAM the signal travels, and right after `Process.exit` the name still
# answers the dying pid for a moment, while `Process.alive?`, which waits for the
# caller's own signals to land, already says false: a BEAM program that kills and goes on
# waits a little.) A call to a name nobody holds exits with `noproc`, as a
# call to a dead pid does; a `send` to such a name raises at once (`ArgumentError` in
# Elixir), and a `cast` quietly does nothing.
#
# ## Names that are not atoms: `Registry`
#
# In Elixir a registered name is an atom, and atoms are never garbage-collected (a node
# holds about a million): fine for a few servers that live as long as the system, wrong
# for one per room that users create. A `Registry` is a process that maps keys (any
# term) to pids and forgets a pid when its process dies. A GenServer accepts a
# *via-name*, `("via", Registry, (registry, key))`, wherever it accepts a name.

# %%
Registry.start_link(keys="unique", name="Rooms")
start = len(node.trace) + 1                            # the diagram below starts here
garden = ("via", Registry, ("Rooms", "garden"))
_, first = GenServer.start(Room, name=garden)
GenServer.cast(garden, ("enter", "ann"))
node.trace.diagram(hide_system=True, steps=(start, len(node.trace)),
                   processes=["shell", "Rooms", "Room"])

# %% [markdown]
# The start first asked `Rooms` whether the key was free (as OTP checks a name before it
# starts anything), then the room registered its key with `Rooms` as it started, and the
# two were linked so that `Rooms` hears of the room's death (links come later in this
# notebook); the cast then asked `Rooms` for the pid before it sent. Here the registry is
# a plain GenServer, so all three show as calls. Elixir's `Registry` uses no message for either: the registering
# process writes to a shared table and links itself to the registry, and a lookup reads
# the table. `Registry.lookup` says who holds a key, as a list of `(pid, value)` pairs (a
# process may register a value with its key; a via-name registers `None`):

# %%
GenServer.call(garden, "who"), Registry.lookup("Rooms", "garden")

# %% [markdown]
# When the process dies, the registry forgets its key (on the BEAM a moment later, once
# the link has told it: a lookup right after the kill still answers the dead pid):

# %%
exit(first, "kill")
Registry.lookup("Rooms", "garden")

# %% [markdown]
# In Elixir (`twins/finding_registry_lookup.exs`), the same steps:
#
# ```elixir
# {:ok, _} = Registry.start_link(keys: :unique, name: Rooms)
# garden = {:via, Registry, {Rooms, "garden"}}
# {:ok, first} = GenServer.start(Room, nil, name: garden)
# GenServer.cast(garden, {:enter, :ann})
# people = GenServer.call(garden, :who)
# found = Registry.lookup(Rooms, "garden")
# ```

# %% [markdown]
# ## A pid in another server's state
#
# A server that works with another keeps its pid in its state. A doorman lets guests into
# one room, whose pid it is given when it starts:

# %%
class Doorman(GenServer):
    def init(self, room):
        return ("ok", room)                            # the state: the room's pid

    def handle_call(self, request, from_, room):       # ("admit", who)
        _, who = request
        GenServer.cast(room, ("enter", who))
        return ("reply", "ok", room)


# %% [markdown]
# And when there are many rooms, opened while the system runs, a *manager* starts them on
# request and remembers them: a GenServer whose state maps ids to pids.

# %%
class Manager(GenServer):
    def init(self, arg):
        return ("ok", {})                              # {id: pid}

    def handle_call(self, request, from_, rooms):
        kind, id_ = request
        if kind == "open":                             # ("open", id): start a room
            _, pid = GenServer.start(Room, id_)
            return ("reply", pid, {**rooms, id_: pid})
        return ("reply", rooms.get(id_), rooms)        # ("find", id): its pid, or None


node = reset()
_, manager = GenServer.start(Manager)
lobby = GenServer.call(manager, ("open", "lobby"))
_, doorman = GenServer.start(Doorman, lobby)
GenServer.call(doorman, ("admit", "ann"))

# %% [markdown]
# The manager started the room and answered its pid; the shell gave that pid to the
# doorman, which cast ann in:

# %%
node.trace.diagram(hide_system=True, processes=["shell", "Manager", "Room", "Doorman"])

# %% [markdown]
# Three places now hold the lobby's pid: the shell's variable `lobby`, the manager's map,
# and the doorman's state.

# %%
GenServer.call(manager, ("find", "lobby")), GenServer.call(lobby, "who")

# %% [markdown]
# ## Stale pids
#
# Rooms die: a bug, a bad message, a machine gone. Say the lobby dies, and we open a new
# one at once, by hand.
#
# **Predict, then run:** the doorman is asked to admit bob after that. What does the call
# answer, and who is in the new lobby?

# %%
start = len(node.trace) + 1                            # the diagram below starts here
exit(lobby, "kill")                                    # the lobby dies...
new_lobby = GenServer.call(manager, ("open", "lobby"))  # ...and a new one is opened
GenServer.call(doorman, ("admit", "bob")), GenServer.call(new_lobby, "who")

# %% [markdown]
# The doorman said `"ok"`, and bob is nowhere. The doorman still holds the old pid, and
# its cast went to a dead process: a message to a dead pid is dropped without a word (the
# ✕ at the end of the arrow). The new lobby is another process, with another pid, that
# nobody told the doorman about.

# %%
node.trace.diagram(hide_system=True, steps=(start, len(node.trace)),
                   processes=["shell", "Manager", "Room", "Room#2", "Doorman"])

# %% [markdown]
# A call, unlike a cast, notices: it monitors the server (notebook 05) and exits with
# `noproc`.

# %%
try:
    GenServer.call(lobby, "who")
except Exit as error:
    print("the call exited with", error.reason)

# %% [markdown]
# A pid names one process, forever; when that process is replaced, every copy of the pid
# is stale, and the copies are wherever it was passed: states, messages, variables. You
# cannot update them all. Two ways out, and real systems use both:
#
# - hold a **name**, not a pid, and look it up each time you use it: the replacement takes
#   the same name, so the name leads to whoever holds it now;
# - be **told** when a process dies (a monitor or a link, below), and drop or refresh what
#   you hold.
#
# In Elixir (`twins/finding_stale_pid.exs`, where bob is lost just the same):
#
# ```elixir
# defmodule Doorman do
#   use GenServer
#   def init(room), do: {:ok, room}
#
#   def handle_call({:admit, who}, _from, room) do
#     GenServer.cast(room, {:enter, who})
#     {:reply, :ok, room}
#   end
# end
# ```

# %% [markdown]
# ## Exercise 1: a doorman who asks for the room by name
#
# Write `DoormanByName`: started as `GenServer.start(DoormanByName, "lobby")`, with the
# room's *name*, it answers `("admit", who)` with `"ok"` after casting `("enter", who)` to
# whichever process holds that name now. The check lets ann in, replaces the lobby, and
# lets bob in.

# %% tags=["exercise", "ex-doorman"]
class DoormanByName(GenServer):
    def init(self, room_name):
        ...   # your code here

    def handle_call(self, request, from_, room_name):
        ...   # your code here


# %% tags=["check"]
from actorlab.course.nb06 import check_doorman

check_doorman(DoormanByName)

# %% [markdown] tags=["hint", "ex-doorman"]
# <details><summary>Hint</summary>
#
# Keep the name itself as the state: `("ok", room_name)`. `GenServer.cast` takes a name
# as well as a pid, and looks it up when it sends.
# </details>

# %% [markdown] tags=["solution", "ex-doorman"]
# <details><summary>Solution</summary>
#
# ```python
# class DoormanByName(GenServer):
#     def init(self, room_name):
#         return ("ok", room_name)
#
#     def handle_call(self, request, from_, room_name):
#         _, who = request
#         GenServer.cast(room_name, ("enter", who))
#         return ("reply", "ok", room_name)
# ```
# </details>

# %% [markdown]
# ## Monitors: being told of a death
#
# `monitor(pid)` returns a ref; when the process ends, for whatever reason, the watcher
# gets the message `("DOWN", ref, "process", pid, reason)`. A monitor is one-way: the
# watched process is not affected by it, nor by the watcher's death. Even a normal stop
# is reported:

# %%
node = reset()
_, room = GenServer.start(Room)
ref = monitor(room)
GenServer.stop(room)
receive()

# %% [markdown]
# **Predict, then run:** what happens if you monitor a process that is already dead?

# %%
late = monitor(room)
receive(timeout=1000)

# %% [markdown]
# A DOWN at once, for the monitor `late`, with reason `"noproc"`: so a monitor never
# misses a death, however late it was set up. This is how `GenServer.call` notices a dead
# server. In Elixir (`twins/finding_monitor_down.exs`):
#
# ```elixir
# {:ok, room} = GenServer.start(Room, nil)
# ref = Process.monitor(room)
# GenServer.stop(room)
#
# down =
#   receive do
#     {:DOWN, ^ref, :process, _pid, _reason} = message -> message
#   end
# ```
#
# In a GenServer, a DOWN is not a call or a cast: it arrives in `handle_info(message,
# state)`, which returns `("noreply", new_state)` as `handle_cast` does.

# %% [markdown]
# ## Exercise 2: a manager that forgets dead rooms
#
# Our `Manager` answers `("find", id)` with a dead pid once a room has died. Finish
# `WatchfulManager`: it monitors each room it opens, and when a room's DOWN arrives it
# drops that room's id, so that `("find", id)` answers `None` until the id is opened
# again. Rooms it has not lost must stay, and an id opened again while its old room still
# runs names the new room: the old room's DOWN, when it comes, must not drop it.

# %% tags=["exercise", "ex-manager"]
class WatchfulManager(GenServer):
    def init(self, arg):
        return ("ok", {})                              # {id: pid}

    def handle_call(self, request, from_, rooms):
        kind, id_ = request
        if kind == "open":
            _, pid = GenServer.start(Room, id_)
            ...   # your code here
            return ("reply", pid, {**rooms, id_: pid})
        return ("reply", rooms.get(id_), rooms)

    def handle_info(self, message, rooms):             # ("DOWN", ref, "process", pid, reason)
        ...   # your code here


# %% tags=["check"]
from actorlab.course.nb06 import check_manager

check_manager(WatchfulManager)

# %% [markdown] tags=["hint", "ex-manager"]
# <details><summary>Hint</summary>
#
# `monitor(pid)` right after the room starts. In `handle_info`, the dead room's pid is
# `message[3]`; return `("noreply", ...)` with a new dict that keeps every id whose pid is
# not that one.
# </details>

# %% [markdown] tags=["solution", "ex-manager"]
# <details><summary>Solution</summary>
#
# ```python
# class WatchfulManager(GenServer):
#     def init(self, arg):
#         return ("ok", {})                              # {id: pid}
#
#     def handle_call(self, request, from_, rooms):
#         kind, id_ = request
#         if kind == "open":
#             _, pid = GenServer.start(Room, id_)
#             monitor(pid)
#             return ("reply", pid, {**rooms, id_: pid})
#         return ("reply", rooms.get(id_), rooms)
#
#     def handle_info(self, message, rooms):             # ("DOWN", ref, "process", pid, reason)
#         _, _, _, dead, _ = message
#         return ("noreply", {id_: pid for id_, pid in rooms.items() if pid != dead})
# ```
# </details>

# %% [markdown]
# In Elixir (`twins/finding_manager_monitors.exs`), the manager's callbacks:
#
# ```elixir
# def handle_call({:open, id}, _from, rooms) do
#   {:ok, pid} = GenServer.start(Room, id)
#   Process.monitor(pid)
#   {:reply, pid, Map.put(rooms, id, pid)}
# end
#
# def handle_call({:find, id}, _from, rooms), do: {:reply, Map.get(rooms, id), rooms}
#
# def handle_info({:DOWN, _ref, :process, pid, _reason}, rooms) do
#   {:noreply, rooms |> Enum.reject(fn {_id, room} -> room == pid end) |> Map.new()}
# end
# ```
#
# A `Registry` does the same for its keys: it notices each death and forgets the key.

# %% [markdown]
# ## Links: sharing a fate
#
# A monitor watches; a **link** ties two processes together, both ways. When one ends
# abnormally, the other gets an *exit signal* and ends too, with the same reason (one
# exception: a process ended by `exit(pid, "kill")` ends with reason `killed`, and that is
# what its links get; `twins/kill_vs_killed.exs`).
# `spawn_link` starts a process already linked to its parent (`link(pid)` links later;
# `GenServer.start_link` links the server to its starter, which becomes its parent).
#
# **Predict, then run:** the host starts a kitchen, linked, and waits for a message. The
# kitchen raises at once. Does the host print anything?

# %%
def kitchen_on_fire():
    raise RuntimeError("fire in the kitchen")


def host(trap):
    trap_exit(trap)
    spawn_link(kitchen_on_fire, label="kitchen")
    print("the host got", receive())


node = reset()
first_host = spawn(host, False, label="host")
is_alive(first_host)

# %% [markdown]
# The kitchen crashed (its report above); the exit signal came along the link and ended
# the host with the kitchen's reason, in the middle of its `receive`. (`is_alive` says
# `False` on the very next line because the shell lets every process run until none can
# before it goes on. On the BEAM, `Process.alive?` right after `spawn` says true: the
# host has not run yet.)

# %%
node.trace.diagram()

# %% [markdown]
# A normal exit sends the signal too, but `"normal"` ends nobody. (The host sleeps for
# 10 ms of virtual time; `run_for(10)` lets those 10 ms pass from the shell, so the host
# wakes and prints.)

# %%
def calm_host():
    spawn_link(print, "helper: done", label="helper")  # ends normally, at once
    sleep(10)
    print("host: still here")


spawn(calm_host, label="calm host")
run_for(10)

# %% [markdown]
# A process that **traps exits** (`trap_exit(True)`) is not ended by the signal: it gets
# it as a message, `("EXIT", pid, reason)`, and decides what to do.

# %%
start = len(node.trace) + 1                            # the diagram below starts here
spawn(host, True, label="host")
node.trace.diagram(steps=(start, len(node.trace)))

# %% [markdown]
# In Elixir (`twins/finding_links.exs`):
#
# ```elixir
# defmodule Host do
#   def run(shell, trap) do
#     Process.flag(:trap_exit, trap)
#     spawn_link(fn -> raise "fire in the kitchen" end)
#
#     receive do
#       message -> send(shell, {:host_got, message})
#     end
#   end
# end
# ```
#
# Links are for processes that make no sense without each other, like a server and the
# process that started it: that is why `start_link` exists. A monitor is for a process
# that wants to *know*, like our manager: had it linked its rooms, one dead room would
# have taken the manager, and every other room's entry, with it.

# %% [markdown]
# ## Replacing a process by hand
#
# Put the pieces together: a keeper that traps exits, starts the lobby linked and *named*,
# and starts a new one each time the EXIT comes.

# %%
def keeper(room_name):
    trap_exit(True)
    while True:
        _, room = GenServer.start_link(Room, name=room_name)
        _, dead, reason = receive(("EXIT", room, ANY))
        print(f"keeper: {dead} ended with {reason!r}; starting a new {room_name}")


node = reset()
spawn(keeper, "lobby", label="keeper")
old = whereis("lobby")
GenServer.cast("lobby", ("enter", "ann"))
start = len(node.trace) + 1                            # the diagram below starts here
exit(old, "kill")
GenServer.cast("lobby", ("enter", "bob"))
whereis("lobby"), GenServer.call("lobby", "who")

# %% [markdown]
# The name found the new lobby, and `old` is stale. The new lobby is empty but for bob: a
# restart gives a fresh process with a fresh state (ann's entry died with the old one),
# which is why what must outlive a crash lives elsewhere.

# %%
node.trace.diagram(hide_system=True, steps=(start, len(node.trace)))

# %% [markdown]
# That bob got in at all is actorlab's doing. After `exit(old, "kill")`, the shell let
# every process run until none could, so the keeper had started the new lobby before the
# next line cast to the name. On the BEAM the shell goes straight on: the cast comes
# before the keeper has even heard of the death, the name leads to the dying lobby or to
# nobody, and bob is dropped. A process that kills and casts at once sees the gap
# here too:

# %%
def impatient(shell):
    exit(whereis("lobby"), "kill")
    GenServer.cast("lobby", ("enter", "cat"))          # the keeper has not run yet
    send(shell, whereis("lobby"))


spawn(impatient, self_pid(), label="impatient")
receive(), GenServer.call("lobby", "who")

# %% [markdown]
# Nobody held the name when cat was cast (`None`), so the cast did nothing, and the lobby
# the keeper started next is empty. (On the BEAM a kill takes effect a moment later, so
# the name still leads to the dying lobby: cat is lost all the same.) Between a death
# and its replacement there is always
# a moment with no live process behind the name, and whatever is sent to the name then
# is lost (a call exits with `noproc`). A name shortens the gap, it does not remove it: a
# caller that must not fail retries.

# %% [markdown]
# In Elixir (`twins/finding_keeper.exs`, which also casts right after a kill, from a
# spawned process, and loses the cast on the BEAM as well):
#
# ```elixir
# defmodule Keeper do
#   def run(name) do
#     Process.flag(:trap_exit, true)
#     {:ok, room} = GenServer.start_link(Room, nil, name: name)
#
#     receive do
#       {:EXIT, ^room, _reason} -> run(name)
#     end
#   end
# end
# ```
#
# The keeper is a supervisor in five lines, and a poor one: it restarts a room that keeps
# crashing forever, with no limit; it keeps one child; nothing can stop it but a `"kill"`
# (it traps every other exit signal); and a keeper of many rooms would need our manager's
# map as well. OTP's `Supervisor` does this job properly: that is notebook 07.

# %% [markdown]
# ## Key points
#
# - A pid reaches only those it was given to; a **name** (`register`, `name=`) lets
#   strangers find a process, and goes when the process dies.
# - A `Registry` names processes by any key (`("via", Registry, (registry, key))`), not
#   only by atoms, and forgets a key when its process dies.
# - A pid kept in a state, a message or a variable goes **stale** when its process is
#   replaced: a cast to it vanishes, a call exits with `noproc`. Keep names, or be told.
# - A name leads to the replacement once it has started, and to no live process before:
#   a name shortens the gap, it does not remove it.
# - A **monitor** (one-way) sends `("DOWN", ref, "process", pid, reason)` for any exit,
#   and `noproc` for a pid already dead; a manager monitors what it keeps and forgets
#   the dead.
# - A **link** (two-way) ends the other process on an abnormal exit; a process that traps
#   exits gets `("EXIT", pid, reason)` instead, which is how a keeper, or a supervisor,
#   knows to start a replacement.
#
# **Next:** [07 · Supervisors](07_supervisors.ipynb)
# **Previous:** [05 · GenServer](05_genserver.ipynb)
