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
# # 05 · GenServer
#
# **Questions:** What does OTP's GenServer add to the generic server we built? What are
# all those `("reply", ...)` tuples?
#
# **You will:** write a GenServer and compare it, line by line, with notebook 04's
# callbacks; use its return tuples; answer a call later (a deferred reply); stop a server
# and watch `terminate` run; see, in the trace, that a GenServer is a process and not an
# object.
#
# **Time:** 30 minutes. **Previous:** [04 · A generic server](04_a_generic_server.ipynb)

# %%
from actorlab import GenServer, is_alive, note, receive, reset, self_pid, send, spawn

node = reset()

# %% [markdown]
# ## Your generic server, grown up
#
# On the left, notebook 04's callbacks; on the right, the same callbacks in a GenServer.
#
# | notebook 04 (`serve`) | GenServer |
# | --- | --- |
# | `init(arg)` returns the state | `init(arg)` returns `("ok", state)` |
# | `handle_call(request, state)` returns `(reply, state)` | `handle_call(request, from_, state)` returns `("reply", reply, state)` |
# | `handle_cast(message, state)` returns the state | `handle_cast(message, state)` returns `("noreply", state)` |
# | `spawn(serve, Counter(), 10)` | `GenServer.start(Counter, 10)` |
# | `call(pid, request)`, `cast(pid, message)` | `GenServer.call(pid, request)`, `GenServer.cast(pid, message)` |
#
# The tuples say what to do *next*: reply now, or not; go on, or stop. Here is notebook
# 04's stack server as a GenServer: the cast `("push", item)` adds an item, the call
# `"top"` answers the newest one.

# %%
class Stack(GenServer):
    def init(self, items):
        return ("ok", items)

    def handle_call(self, request, from_, items):          # "top"
        return ("reply", items[-1] if items else None, items)

    def handle_cast(self, message, items):                 # ("push", item)
        return ("noreply", items + [message[1]])


status, stack = GenServer.start(Stack, [])
GenServer.cast(stack, ("push", "plate"))
GenServer.cast(stack, ("push", "cup"))
GenServer.call(stack, "top")

# %% [markdown]
# `GenServer.start` starts the server as a process and answers `("ok", pid)`.
# (`GenServer.start_link`, which you will see from notebook 06 on, does the same and also
# *links* the server to the process that started it, so that a crash of either ends the
# other.)
#
# ## What a call really sends
#
# Here is everything the shell and the stack said to each other, with nothing hidden:
#
# - **The start** (steps 1 to 6). The shell spawns the server and **monitors** it at once,
#   before the new process has run, as OTP's `spawn_monitor` does: a server that dies in
#   `init` cannot slip by, and the shell hears its reason. (A monitor is news of a
#   process's death; notebook 06 shows them properly.) When `init` has returned, the
#   server sends `("$ack", pid, ("ok", pid))`, as OTP's `proc_lib` sends
#   `{:ack, pid, {:ok, pid}}`; `GenServer.start` answers with what it says, and stops
#   monitoring (`demonitor`). `start_link` needs no monitor: its link brings the news.
# - **The casts**: notebook 02's casts, tagged `"$gen_cast"`.
# - **The call**: notebook 02's call, with three additions. The caller monitors the
#   server first, so a dead server is noticed at once (`noproc` rather than a timeout);
#   the ref is also an **alias**, so a reply that comes after the timeout is dropped, not
#   left in the mailbox; and the request is tagged `"$gen_call"`.

# %%
print(node.trace.format(kinds=["spawn", "send", "receive", "monitor", "demonitor"]))

# %% [markdown]
# The diagram, with OTP's bookkeeping hidden, is the familiar picture:

# %%
node.trace.diagram(hide_system=True, max_rows=13)

# %% [markdown]
# The default timeout is 5000 ms; `timeout=None` waits forever. And calling your own pid
# exits at once with `calling_self` (notebook 03). Each of these is run on
# the BEAM beside actorlab: a call to a dead pid or to a name nobody registered exits with
# `noproc` (`twins/call_dead_server.exs`); a call that times out exits with
# `("timeout", ("GenServer", "call", [server, request, timeout]))`, and the reply that comes
# later never reaches the caller's mailbox (`twins/call_timeout.exs`).
#
# ## Replying later
#
# `handle_call` gets a second argument, `from_`: who is asking, and the tag of this call
# (Elixir calls it `from`; `from` is a Python keyword, hence the underscore).
# Returning `("noreply", state)` sends nothing yet; the caller keeps waiting; later, any
# callback can answer with `GenServer.reply(from_, value)`. This lets a server take the
# next message instead of blocking: here, a doorman who answers "open?" only when the
# door opens.

# %%
class Door(GenServer):
    def init(self, arg):                                  # GenServer.start(Door): arg is None
        return ("ok", {"open": False, "waiting": []})

    def handle_call(self, request, from_, state):        # "wait until open"
        if state["open"]:
            return ("reply", "come in", state)
        return ("noreply", {**state, "waiting": state["waiting"] + [from_]})

    def handle_cast(self, message, state):                # "open"
        for caller in state["waiting"]:
            GenServer.reply(caller, "come in")
        return ("noreply", {"open": True, "waiting": []})


def guest(shell):
    answer = GenServer.call(door, "wait")         # waits until the door opens
    send(shell, (answer, self_pid()))


node = reset()
_, door = GenServer.start(Door)
ann = spawn(guest, self_pid(), label="ann")
bob = spawn(guest, self_pid(), label="bob")
GenServer.cast(door, "open")
receive(), receive()

# %%
node.trace.diagram(hide_system=True, processes=["shell", "Door", "ann", "bob"])

# %% [markdown]
# Ann and Bob each called, and waited; the door's `handle_call` returned at once
# (`noreply`), so the door was free to take the `"open"` cast, which answered both.
#
# The same door in Elixir (`twins/deferred_reply.exs`):
#
# ```elixir
# def handle_call(:wait, _from, %{open: true} = state), do: {:reply, "come in", state}
# def handle_call(:wait, from, state), do: {:noreply, %{state | waiting: state.waiting ++ [from]}}
# def handle_cast(:open, state) do
#   for caller <- state.waiting, do: GenServer.reply(caller, "come in")
#   {:noreply, %{open: true, waiting: []}}
# end
# ```
#
# ## Stopping, and `terminate`
#
# `GenServer.stop(server)` asks a server to stop; its `terminate(reason, state)` runs
# first, for cleanup. A callback can stop its own server by returning
# `("stop", reason, state)`, or `("stop", reason, reply, state)` from `handle_call`, in
# which case, as in OTP, `terminate` runs *before* the reply is sent.
#
# **Predict, then run:** `GenServer.stop` waits until the server has stopped and returns
# `"ok"`. In the output below, which line comes first: the one `terminate` prints, or the
# one the cell prints when `stop` has returned?

# %%
class NoisyStack(Stack):
    def terminate(self, reason, items):
        print(f"terminate: reason {reason!r}, items left {items}")


_, noisy = GenServer.start(NoisyStack, ["plate"])
print("stop returned", repr(GenServer.stop(noisy)))

# %% [markdown]
# `terminate` printed first: `stop` returns only once the server has exited. (The cell
# prints what `stop` returned rather than leaving it as the cell's value, because Jupyter
# shows a cell's value below everything the cell printed, whichever came first.) The BEAM
# agrees: in `twins/cast_ordering.exs` a server whose `terminate` is
#
# ```elixir
# def terminate(reason, seen), do: Twin.say("terminate", {reason, seen})
# ```
#
# prints its line before `GenServer.stop` returns `:ok`.
#
# A stop with a reply keeps the same order, and the trace shows it. Here `terminate`
# writes a line into the trace with `note(text)` (a print would not be in the trace); the
# reply is sent one step later:

# %%
class ClosingStack(Stack):
    def handle_call(self, request, from_, items):
        if request == "close":
            return ("stop", "normal", "closed", items)
        return super().handle_call(request, from_, items)

    def terminate(self, reason, items):
        note(f"terminate: reason {reason!r}")


node = reset()
_, closing = GenServer.start(ClosingStack, ["cup"])
print("call returned", repr(GenServer.call(closing, "close")))
print(node.trace.format(kinds=["send", "note", "exit"]))

# %% [markdown]
# `terminate` runs when a callback crashes too, with the exception as the reason, just
# before the server exits with it; then comes the crash report, in OTP's order:

# %%
class DroppingStack(Stack):
    def handle_cast(self, message, items):
        raise RuntimeError("dropped the stack")

    def terminate(self, reason, items):
        print(f"terminate: reason {reason!r}, items left {items}")


node = reset()
_, dropping = GenServer.start(DroppingStack, ["plate"])
GenServer.cast(dropping, ("push", "cup"))
is_alive(dropping)

# %% [markdown]
# ## A process, not an object
#
# `Stack` looks like a class, so it is tempting to think the server *is* a `Stack` object.
# It is not. The state lives in the server process, as the argument of its loop; the class
# only holds the callbacks. Calling a method on an instance touches no server:

# %%
node = reset()
_, stack = GenServer.start(Stack, ["plate"])
Stack().handle_cast(("push", "cup"), ["plate"]), GenServer.call(stack, "top")

# %% [markdown]
# The only way to reach the state is a message. That is why the self-call of notebook 03
# deadlocks: "calling a method on myself" is, for a process, sending a message to
# itself and waiting.

# %% [markdown]
# ## Exercise 1: notebook 04's counter, as a GenServer
#
# Write `MyCounter` as a GenServer: `init(n)`; the cast `("add", k)` adds `k`; the call
# `"get"` answers the count. The table at the top says how each callback changes. Keep
# the count where `Stack` keeps its items: in the state, not in `self`.

# %% tags=["exercise", "ex-counter"]
class MyCounter(GenServer):
    def init(self, n):
        ...   # your code here

    def handle_call(self, request, from_, n):
        ...   # your code here

    def handle_cast(self, message, n):
        ...   # your code here


# %% tags=["check"]
from actorlab.course.nb05 import check_counter

check_counter(MyCounter)

# %% [markdown] tags=["hint", "ex-counter"]
# <details><summary>Hint</summary>
#
# The state is the count itself, a number. Each callback returns a tuple whose first item
# says what to do next: `init` returns `("ok", state)`, `handle_cast` returns
# `("noreply", new_state)`, and `handle_call` returns `("reply", answer, new_state)`. What
# does `"get"` answer, and what does `("add", k)` make the count?
# </details>

# %% [markdown] tags=["solution", "ex-counter"]
# <details><summary>Solution</summary>
#
# ```python
# class MyCounter(GenServer):
#     def init(self, n):
#         return ("ok", n)
#
#     def handle_call(self, request, from_, n):
#         return ("reply", n, n)
#
#     def handle_cast(self, message, n):
#         return ("noreply", n + message[1])
# ```
# </details>

# %% [markdown]
# <details><summary>The same counter in Elixir (open it once your check passes: it is the
# answer)</summary>
#
# In Elixir (`twins/cast_ordering.exs`, which also shows that one client's casts are
# handled in the order they were sent), the counter is a module:
#
# ```elixir
# defmodule Counter do
#   use GenServer
#   def init(n), do: {:ok, n}
#   def handle_call(:get, _from, n), do: {:reply, n, n}
#   def handle_cast({:add, k}, n), do: {:noreply, n + k}
# end
# ```
# </details>

# %% [markdown]
# ## Exercise 2: a queue that makes you wait
#
# Write `Queue`: the cast `("push", item)` adds an item; the call `"pop"` answers the oldest
# item, or, if the queue is empty, waits until an item is pushed (a deferred reply).

# %% tags=["exercise", "ex-queue"]
class Queue(GenServer):
    def init(self, arg):
        return ("ok", {"items": [], "waiting": []})

    def handle_call(self, request, from_, state):
        ...   # your code here

    def handle_cast(self, message, state):
        ...   # your code here


# %% tags=["check"]
from actorlab.course.nb05 import check_queue

check_queue(Queue)

# %% [markdown] tags=["hint", "ex-queue"]
# <details><summary>Hint</summary>
#
# Like `Door`: in `handle_call`, if there are items, reply with the first; if not, add
# `from_` to `"waiting"` and return `("noreply", ...)`. In `handle_cast`, if someone is
# waiting, `GenServer.reply` to the first of them; if not, keep the item.
# </details>

# %% [markdown] tags=["solution", "ex-queue"]
# <details><summary>Solution</summary>
#
# ```python
# class Queue(GenServer):
#     def init(self, arg):
#         return ("ok", {"items": [], "waiting": []})
#
#     def handle_call(self, request, from_, state):
#         if state["items"]:
#             first, *rest = state["items"]
#             return ("reply", first, {**state, "items": rest})
#         return ("noreply", {**state, "waiting": state["waiting"] + [from_]})
#
#     def handle_cast(self, message, state):
#         _, item = message
#         if state["waiting"]:
#             first, *rest = state["waiting"]
#             GenServer.reply(first, item)
#             return ("noreply", {**state, "waiting": rest})
#         return ("noreply", {**state, "items": state["items"] + [item]})
# ```
# </details>

# %% [markdown]
# ## Key points
#
# - A GenServer is the generic loop of notebook 04, plus monitors, aliases and timeouts
#   (and names, in notebook 06): callbacks return tuples that say what happens next.
# - `("reply", r, state)` answers now; `("noreply", state)` answers later with
#   `GenServer.reply(from_, r)`, leaving the server free meanwhile.
# - `terminate` runs when the server stops on purpose (before a stop's reply) and when one
#   of its callbacks crashes (notebook 07 shows when it does not: a server killed from
#   outside).
# - A GenServer is a process: its state is reachable only by messages, which is why
#   calling yourself deadlocks.
#
# **Next:** [06 · Finding processes](06_finding_processes.ipynb)
# **Previous:** [04 · A generic server](04_a_generic_server.ipynb)
