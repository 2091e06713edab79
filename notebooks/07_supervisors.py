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
# # 07 · Supervisors
#
# **Questions:** Who restarts a process that crashed? When one process dies, what else
# should restart with it? When does restarting stop being a good idea? How do I start
# servers while the system runs, and find them again after they restart?
#
# **You will:** start servers from a supervisor; compare the strategies `one_for_one`,
# `one_for_all` and `rest_for_one` in supervision trees and sequence diagrams; watch a
# supervisor give up when its children crash too often; start servers on demand through a
# `DynamicSupervisor`; reproduce the stale-pid pitfall, and fix it with a name.
#
# **Time:** 45 minutes. **Previous:** [06 · Finding processes](06_finding_processes.ipynb)

# %%
from actorlab import (ANY, DynamicSupervisor, GenServer, Registry, Supervisor, exit, is_alive,
                      now, receive, reset, run_for, sleep, spawn, trap_exit, whereis)

node = reset()

# %% [markdown]
# ## A supervisor starts its children
#
# Notebook 06 ended with a keeper: a process that traps exits and starts a new room each
# time the old one dies. A **supervisor** is that keeper done properly. It starts several
# processes, its **children**, in a chosen order; when one dies, it decides what else to
# restart; it gives up when restarting does not help; and it stops its children cleanly.
# Here is a stand-in for a real server that says when it starts and when it stops:

# %%
class Service(GenServer):
    @classmethod
    def child_spec(cls, name):
        return {"id": name, "start": (GenServer.start_link, (cls, name), {"name": name})}

    def init(self, name):
        trap_exit(True)          # so that terminate runs when its supervisor stops it
        print(f"{name} starts")
        return ("ok", name)

    def terminate(self, reason, name):
        print(f"{name} stops ({reason})")


# %% [markdown]
# A supervisor is given a list of **child specs**: how to start each child. A spec is a
# dict with an `"id"` (unique in its supervisor) and a `"start"`: a function, its
# arguments and its keyword arguments. `(Service, "db")` is short for
# `Service.child_spec("db")`, which starts the server under the registered name `"db"`.

# %%
services = [(Service, "db"), (Service, "cache"), (Service, "web")]
status, sup = Supervisor.start_link(services, strategy="one_for_one", name="app")

# %% [markdown]
# `Supervisor.start_link` starts the children **in order**, and each `start_link` waits
# until that child's `init` has returned: when `cache` starts, `db` is already up. Each
# child is linked to the supervisor, which traps exits, so a child's death reaches it as
# a message. The trace draws the **supervision tree**:

# %%
node.trace.supervision_tree()

# %% [markdown]
# In Elixir (`twins/supervisor_one_for_one.exs`), a child spec is a map, and the same
# service is:
#
# ```elixir
# def child_spec(name), do: %{id: name, start: {Service, :start_link, [name]}}
# def start_link(name), do: GenServer.start_link(Service, name, name: name)
# ```
#
# ```elixir
# children = [{Service, :db}, {Service, :cache}, {Service, :web}]
# {:ok, sup} = Supervisor.start_link(children, strategy: :one_for_one)
# ```
#
# ## `one_for_one`: restart the child that died
#
# `exit(pid, "kill")` is the crash no process can trap. **Predict, then run:** we kill
# `cache`. Which lines print? (`mark` remembers how many steps the trace had before, to
# draw only what comes next.)

# %%
mark = len(node.trace)
exit(whereis("cache"), "kill")

# %% [markdown]
# (`exit` answered `True`, as Erlang's `exit/2` does; iex prints `true` too.) Only
# `cache` starts again; `db` and `web` never noticed. The restarted `cache` is a new
# process with a new pid, under the same name:

# %%
node.trace.supervision_tree()

# %% [markdown]
# In the diagram, the kill, the exit signal that reaches `app` as an `EXIT` message, and
# the new `cache#2` that `app` spawns and waits for:

# %%
node.trace.diagram(hide_system=True, processes=["shell", "app", "cache", "cache#2"],
                   steps=(mark + 1, len(node.trace)))

# %% [markdown]
# ## `one_for_all`: restart them all
#
# Sometimes children only make sense together: if one dies, the others hold state that
# no longer matches. `one_for_all` then stops all the other children and starts every
# child again. **Predict, then run:** the same three services, under `one_for_all`; we
# kill `cache` again. In which order do the lines come?

# %%
node = reset()
status, sup = Supervisor.start_link(services, strategy="one_for_all", name="app")

# %%
mark = len(node.trace)
exit(whereis("cache"), "kill")

# %% [markdown]
# The supervisor stops the others **newest first** (`web`, then `db`), waiting for each
# to die, then starts all three in the order of the list, as at start-up. The reason is
# `"shutdown"`: a supervisor stops a child by sending it that exit signal (and `"kill"` if
# it has not stopped after 5000 ms). `terminate` runs only because `Service` traps exits;
# a child that does not just dies.
#
# `supervision_tree(step=...)` draws the tree as it was at a step of the trace. Here it
# is right after the last child stopped, with every child dead and none restarted yet:

# %%
stopped = [e.step for e in node.trace.events if e.kind == "exit"][-1]
node.trace.supervision_tree(step=stopped)

# %% [markdown]
# And the stopping, as a sequence diagram: the supervisor monitors a child, sends it
# `shutdown`, and waits for its `DOWN` before it stops the next; only then does it unlink
# it (since 2021 OTP keeps a child linked until it is dead, so it is never orphaned if the
# supervisor dies meanwhile). So the link still carries the child's `EXIT` to `app`,
# which takes it after the `DOWN`; the unlink draws nothing, as the link ended with the
# child. The diagram stops just before the first restart:

# %%
restart = [e.step for e in node.trace.events if e.kind == "spawn" and e.step > mark][0]
node.trace.diagram(processes=["shell", "app", "db", "cache", "web"],
                   steps=(mark + 1, restart - 1))

# %% [markdown]
# In Elixir (`twins/supervisor_one_for_all.exs`):
#
# ```elixir
# children = [{Service, :db}, {Service, :cache}, {Service, :web}]
# {:ok, _sup} = Supervisor.start_link(children, strategy: :one_for_all)
# ```
#
# ## `rest_for_one`: restart the child, and the children started after it
#
# The third strategy is for children that depend on the ones before them. When a child
# dies, `rest_for_one` stops the children started **after** it (newest first), then
# restarts it and them, in order. Children started before it are left alone.
#
# | strategy | when a child dies, these restart |
# | --- | --- |
# | `one_for_one` | the child that died |
# | `one_for_all` | every child |
# | `rest_for_one` | the child that died, and every child after it in the list |

# %% [markdown]
# ## Exercise 1: restart what depends on the dead
#
# `web` reads from `cache`, and `cache` loads from `db`. Choose a `strategy` and the order
# of the `children`, `(Service, "web")`, `(Service, "db")` and `(Service, "cache")`, so that:
#
# - when `web` dies, only `web` restarts;
# - when `cache` dies, `cache` and `web` restart, and `db` keeps running;
# - when `db` dies, all three restart.
#
# The check kills each service in turn, on a fresh node (with silent stand-ins for
# `Service`), and says who restarted.

# %% tags=["exercise", "ex-strategy"]
strategy = ...   # your code here
children = ...   # your code here

# %% tags=["check"]
from actorlab.course.nb07 import check_strategy

check_strategy(strategy, children)

# %% [markdown] tags=["hint", "ex-strategy"]
# <details><summary>Hint</summary>
#
# `one_for_one` restarts too little here and `one_for_all` too much. With the third
# strategy, the order of the list decides: a child restarts whenever a child listed
# before it dies, so list each child after the ones it uses.
# </details>

# %% [markdown] tags=["solution", "ex-strategy"]
# <details><summary>Solution</summary>
#
# ```python
# strategy = "rest_for_one"
# children = [(Service, "db"), (Service, "cache"), (Service, "web")]
# ```
# </details>

# %% [markdown]
# Here is `rest_for_one` at work. Killing `cache` stops `web`, then starts `cache` and
# `web` again; `db` keeps its pid.

# %%
node = reset()
children = [(Service, "db"), (Service, "cache"), (Service, "web")]
status, sup = Supervisor.start_link(children, strategy="rest_for_one", name="app")

# %%
mark = len(node.trace)
exit(whereis("cache"), "kill")
node.trace.supervision_tree()

# %%
node.trace.diagram(hide_system=True, processes=["shell", "app", "cache", "web", "cache#2",
                                                "web#2"], steps=(mark + 1, len(node.trace)))

# %% [markdown]
# In Elixir (`twins/supervisor_rest_for_one.exs`, which also kills `web` and `db`):
#
# ```elixir
# children = [{Service, :db}, {Service, :cache}, {Service, :web}]
# {:ok, _sup} = Supervisor.start_link(children, strategy: :rest_for_one)
# ```
#
# ## When restarting does not help: restart intensity
#
# A restart cures a crash that came from a rare moment: a lost connection, an odd message.
# It cannot cure a bug that crashes the child every time. So a supervisor counts its
# restarts: more than `max_restarts` within `max_seconds` (actorlab's defaults are
# Elixir's, 3 in 5 seconds; Erlang's are 1 in 5) and it gives up. It stops its other children and exits
# with reason `"shutdown"`, leaving the problem to whoever supervises *it*.
#
# The shell is linked to a supervisor it started, so that exit would kill the shell too;
# here the shell traps exits, and gets it as a message instead. (With no `strategy=`, a
# supervisor is `"one_for_one"`, as Erlang's is; Elixir asks for the option.) **Predict,
# then run:** `cache` crashes four times in a row. What happens at each crash?

# %%
node = reset()
trap_exit(True)
status, sup = Supervisor.start_link([(Service, "db"), (Service, "cache")], name="app",
                                    max_restarts=3, max_seconds=5)

# %%
for crash in [1, 2, 3, 4]:
    print(f"-- crash {crash}")
    exit(whereis("cache"), "kill")
    sleep(10)       # on the BEAM a kill takes effect later: let it, and the restart, happen
receive(("EXIT", sup, ANY))

# %% [markdown]
# Three restarts were allowed; the fourth crash in 5 seconds was one too many: the
# supervisor stopped `db` and exited with `"shutdown"`. The tree shows the end:

# %%
node.trace.supervision_tree()

# %% [markdown]
# In Elixir (`twins/supervisor_restart_intensity.exs`):
#
# ```elixir
# children = [{Service, :db}, {Service, :cache}]
# opts = [strategy: :one_for_one, max_restarts: 3, max_seconds: 5]
# {:ok, sup} = Supervisor.start_link(children, opts)
# ```
#
# The limit is a rate, not a total. **Predict, then run:** `cache` now crashes every two
# seconds, six times (`run_for` lets two seconds of virtual time pass). Does the
# supervisor give up?

# %%
node = reset()
status, sup = Supervisor.start_link([(Service, "db"), (Service, "cache")], name="app")
for crash in range(6):
    run_for(2000)
    exit(whereis("cache"), "kill")
is_alive(sup), now()

# %% [markdown]
# It does not: at no moment were more than three of the restarts within 5 seconds of
# each other. (OTP, and actorlab after it, counts restarts in whole seconds and still
# counts one made exactly `max_seconds` ago, so right at the edge the count is not what
# exact times suggest: choose limits with a margin.)
#
# ## Servers started on demand: `DynamicSupervisor`
#
# A chat server opens a room when someone asks for one: its children are not known at
# start-up. Here is a room, which keeps its posts, newest first:

# %%
class Room(GenServer):
    @classmethod
    def child_spec(cls, name):
        return {"id": name, "start": (GenServer.start_link, (cls, name))}

    def init(self, name):
        print(f"room {name} opens")
        return ("ok", [])

    def handle_call(self, request, from_, posts):
        if request == "posts":
            return ("reply", posts, posts)
        _, text = request                      # ("post", text)
        return ("reply", "ok", [text] + posts)


# %% [markdown]
# The tempting way is to call `GenServer.start_link(Room, name)` wherever a room is
# needed, say in the process handling a user's request. But `start_link` links the room
# to *that* process. **Predict, then run:** a handler opens a room, then fails.

# %%
node = reset()


def handler(room_name):
    """Handles one request: opens a room, then fails."""
    GenServer.start_link(Room, room_name)
    raise RuntimeError("the request failed")


handler_pid = spawn(handler, "#kitchen", label="handler")

# %%
node.trace.diagram(hide_system=True, processes=["handler", "Room"])

# %% [markdown]
# The room died with its handler (the link carried the crash), and nothing will ever start
# it again. A room should belong to a supervisor instead. A `DynamicSupervisor` starts with
# no children and adds them on request; hide that request behind a function of your own,
# so that no other code calls `start_link` for a room:

# %%
node = reset()
status, room_sup = DynamicSupervisor.start_link(name="RoomSupervisor")


def start_room(name):
    return DynamicSupervisor.start_child("RoomSupervisor", (Room, name))


def handler(room_name):
    """Handles one request: opens a room, then fails."""
    start_room(room_name)
    raise RuntimeError("the request failed")


handler_pid = spawn(handler, "#kitchen", label="handler")

# %% [markdown]
# The room was started by, and is linked to, the supervisor, not the handler; the handler's
# crash did not touch it:

# %%
DynamicSupervisor.count_children("RoomSupervisor")

# %% [markdown]
# And when a room crashes, the supervisor opens it again, with the same start arguments:

# %%
status, lobby = start_room("#lobby")
exit(lobby, "kill")
node.trace.supervision_tree()

# %% [markdown]
# In Elixir (`twins/supervisor_dynamic_start_child.exs`), the API is a module function:
#
# ```elixir
# defmodule Chat do
#   def start_room(name) do
#     DynamicSupervisor.start_child(RoomSupervisor, {Room, name})
#   end
# end
# ```
#
# ## The stale pid
#
# "With the same start arguments" is a trap: notebook 06's stale pid comes back, in a
# form that restarting cannot cure. A greeter posts a greeting to a room when asked; it
# is started, under its own supervisor, with the room's **pid**. It registers as
# `"greeter"`, so the shell can find it.

# %%
class Greeter(GenServer):
    @classmethod
    def child_spec(cls, room):
        return {"id": "greeter", "start": (GenServer.start_link, (cls, room),
                                           {"name": "greeter"})}

    def init(self, room):
        return ("ok", room)

    def handle_call(self, request, from_, room):
        return ("reply", GenServer.call(room, ("post", "hello!")), room)


node = reset()
DynamicSupervisor.start_link(name="RoomSupervisor")
status, room = start_room("#lobby")
status, greeters = Supervisor.start_link([(Greeter, room)], name="greeters")
GenServer.call("greeter", "greet")

# %% [markdown]
# **Predict, then run:** the room crashes, and its supervisor restarts it. Then the shell
# asks the greeter to greet.

# %%
mark = len(node.trace)
exit(room, "kill")

# %% tags=["raises-exception"]
GenServer.call("greeter", "greet")

# %% [markdown]
# The room was restarted, but as a new process with a new pid; the greeter still holds
# the old one. Its call exits with `noproc` (no process), which crashes the greeter, and
# the shell's call exits with the greeter's reason. The diagram starts at the kill: the
# room dies, and `RoomSupervisor`, told by the link, starts `Room#2`. Then the greeting:
# `GenServer.call` monitors the old room first (the diagram leaves monitors out); that
# room is dead, so the `DOWN` comes at once, with reason `noproc` (drawn from below the
# end of its lane), and the request ends in a cross. Meanwhile `Room#2`, the live room,
# waits for messages that never come.

# %%
node.trace.diagram(hide_system=True, steps=(mark + 1, len(node.trace)),
                   processes=["shell", "greeter", "Room", "RoomSupervisor", "Room#2"])

# %% [markdown]
# And the greeter's supervisor restarted it, as it should: **with its original start
# arguments**. Here are the greeters it spawned, before and after the crash: both got the
# first room's pid, `#PID<0.2.0>`.

# %%
print(node.trace.format(pids=[greeters], kinds=["spawn"]))

# %% [markdown]
# Restarting cannot cure this: the next greeting goes to the same dead pid and crashes
# the greeter again, and four such crashes within 5 seconds make `greeters` give up, as
# `app` did above. In Elixir (`twins/supervisor_stale_pid.exs` greets twice after the
# restart, and both times gets the same exit as here):
#
# ```elixir
# {:ok, room} = DynamicSupervisor.start_child(RoomSupervisor, {Room, "#lobby"})
# {:ok, _} = Supervisor.start_link([{Greeter, room}], strategy: :one_for_one)
# ```
#
# A pid names one process, one life. The cure is notebook 06's: hold a **name**, and
# look it up at each call. The restarted room takes the name again as it starts, so the
# lookup finds it. A registered name such as `"lobby"` would do for one room; for rooms
# opened at run time, named by their users, the name is a key in a `Registry`. Given as
# `name=` to `GenServer.start_link`, the via-name `("via", Registry, ("Rooms", "#lobby"))`
# registers the room under the key `"#lobby"` in the registry `"Rooms"`, and
# `GenServer.call` looks it up there. Here the room is opened under the supervisor with
# a child spec written out in full, its keyword arguments giving the name:

# %%
node = reset()
Registry.start_link(keys="unique", name="Rooms")
DynamicSupervisor.start_link(name="RoomSupervisor")
lobby = ("via", Registry, ("Rooms", "#lobby"))
spec = {"id": "#lobby", "start": (GenServer.start_link, (Room, "#lobby"), {"name": lobby})}
DynamicSupervisor.start_child("RoomSupervisor", spec)
Registry.lookup("Rooms", "#lobby")

# %% [markdown]
# **Predict, then run:** we kill the room, then post to it by its name.

# %%
[(first, _)] = Registry.lookup("Rooms", "#lobby")
exit(first, "kill")
GenServer.call(lobby, ("post", "hi"))
Registry.lookup("Rooms", "#lobby"), GenServer.call(lobby, "posts")

# %% [markdown]
# The restarted room registered `"#lobby"` again, with its new pid, and the name led the
# post there. (Whatever the first room held died with it: a restart starts from a fresh
# state.)
#
# As in notebook 06, actorlab let the supervisor restart the room before the post: after
# `exit(first, "kill")` the shell ran every process until none could. On the BEAM the
# shell goes straight on, and a post right after the kill finds no live room (the name
# still leads to the dead one, or to nobody) and exits with `noproc`
# (`twins/supervisor_registry_via_name.exs` posts right after a kill, from a spawned
# process, and gets `noproc` on both). A name leads to the next room, not to one that
# does not exist yet, so a caller that must not fail retries: a name shortens the gap, it
# does not remove it.

# %% [markdown]
# ## Exercise 2: find the room by its name
#
# Fix the greeter. Write `via(room_name)`, the via-name of a room in the registry
# `"Rooms"`; `NamedRoom`, a `Room` whose child spec starts it under that name; and
# `NamedGreeter`, a `Greeter` that is started with the room's *name* and posts to
# `via(room_name)` at each greeting. The check starts a `Registry` named `"Rooms"`, opens
# `NamedRoom` `"#lobby"` under `"RoomSupervisor"`, starts `(NamedGreeter, "#lobby")`
# under a supervisor, greets, kills the room, and greets again; then it opens a second
# room, `"#hall"`, starts `(NamedGreeter, "#hall")`, and greets that room. `NamedGreeter`
# needs no child spec of its own: `Greeter`'s passes its argument, now the room's name, to
# `init`, and registers it as `"greeter"` (the check starts each greeter on a fresh node,
# so two never hold that name at once).

# %% tags=["exercise", "ex-via-name"]
def via(room_name):
    ...   # your code here


class NamedRoom(Room):
    @classmethod
    def child_spec(cls, room_name):
        ...   # your code here


class NamedGreeter(Greeter):
    def handle_call(self, request, from_, room_name):
        ...   # your code here


# %% tags=["check"]
from actorlab.course.nb07 import check_via_name

check_via_name(via, NamedRoom, NamedGreeter)

# %% [markdown] tags=["hint", "ex-via-name"]
# <details><summary>Hint</summary>
#
# A via-name is `("via", Registry, (registry, key))`: which registry holds the rooms, and
# what is each room's key? A child spec's `"start"` may have a third part, the keyword
# arguments of `start_link`: see how `Service.child_spec` passes its name. The greeter
# keeps the room's name, never a pid, so that every greeting finds the room alive now.
# </details>

# %% [markdown] tags=["solution", "ex-via-name"]
# <details><summary>Solution</summary>
#
# ```python
# def via(room_name):
#     return ("via", Registry, ("Rooms", room_name))
#
#
# class NamedRoom(Room):
#     @classmethod
#     def child_spec(cls, room_name):
#         return {"id": room_name, "start": (GenServer.start_link, (cls, room_name),
#                                            {"name": via(room_name)})}
#
#
# class NamedGreeter(Greeter):
#     def handle_call(self, request, from_, room_name):
#         return ("reply", GenServer.call(via(room_name), ("post", "hello!")), room_name)
# ```
# </details>

# %% [markdown]
# In Elixir (`twins/supervisor_registry_via_name.exs` runs the whole fix, room restart
# included):
#
# ```elixir
# def via(name), do: {:via, Registry, {Rooms, name}}
# def start_link(name), do: GenServer.start_link(Room, name, name: via(name))
# ```
#
# ```elixir
# {:ok, _} = Registry.start_link(keys: :unique, name: Rooms)
# ```

# %% [markdown]
# ## Key points
#
# - A supervisor starts its children in order at start-up, each after the previous one's
#   `init` returned, and restarts them when they die: with their original child spec,
#   as a new process with a new pid.
# - The strategy says what else restarts: `one_for_one` only the dead child,
#   `one_for_all` every child, `rest_for_one` the dead child and those started after it.
#   The living ones among them are stopped first, newest first, with reason `"shutdown"`.
# - More than `max_restarts` restarts in `max_seconds` (3 in 5 by default) and the
#   supervisor gives up: it stops its children and exits with `"shutdown"`.
# - Start servers on demand through your own API (`start_room`) that asks a
#   `DynamicSupervisor`, not with `start_link` from whatever process needs them.
# - A pid is stale once its process has died, and a restart does not update a pid held
#   elsewhere or baked into a child spec. Reach restartable servers by name: a
#   registered name, or a `Registry` via-name. A name shortens the gap between a death
#   and the restart, it does not remove it: a caller that must not fail retries.
#
# **Next:** [08 · Bottlenecks and interleavings](08_bottlenecks_and_interleavings.ipynb)
# **Previous:** [06 · Finding processes](06_finding_processes.ipynb)
