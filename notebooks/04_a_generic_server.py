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
# # 04 · A generic server
#
# **Questions:** Every server so far repeats the same loop. What if we wrote the loop once?
#
# **You will:** split a hand-built server into a *generic* part (the loop: receive, tell
# calls from casts, reply, carry the state round) and a *specific* part (callbacks that
# only compute); write a new server as callbacks alone; route stray messages to
# `handle_info`. This is the step from which OTP's GenServer grew, the same step Learn You
# Some Erlang and Elixir in Action take.
#
# **Time:** 20 minutes. **Previous:** [03 · The self-call deadlock](03_the_self_call_deadlock.ipynb)

# %%
from actorlab import ANY, make_ref, receive, reset, self_pid, send, spawn

node = reset()


def call(server, request, timeout=5000):
    ref = make_ref()
    send(server, ("call", self_pid(), ref, request))
    return receive((ref, ANY), timeout=timeout)[1]


def cast(server, message):
    send(server, ("cast", message))

# %% [markdown]
# ## Two servers, one loop
#
# Here is notebook 02's counter server next to a stack server. Look at what they share.

# %%
def counter_server(n):
    while True:
        message = receive()
        if message[0] == "call":
            _, caller, ref, request = message
            send(caller, (ref, n))                   # the only call: "get"
        elif message[0] == "cast":
            n += message[1][1]                       # the only cast: ("add", k)


def stack_server(items):
    while True:
        message = receive()
        if message[0] == "call":
            _, caller, ref, request = message
            send(caller, (ref, items[-1] if items else None))     # "top"
        elif message[0] == "cast":
            items = items + [message[1][1]]                       # ("push", x)

# %% [markdown]
# The loop, the unpacking of calls, the reply with the ref, the state carried round: all
# the same. Only what each message *means* differs. So write the loop once, and give it an
# object with the specific parts, the *callbacks*:
#
# - `init(arg)` returns the first state;
# - `handle_call(request, state)` returns `(reply, new_state)`;
# - `handle_cast(message, state)` returns the new state.

# %%
def serve(callbacks, arg):
    """The generic server: receive, dispatch to the callbacks, reply, repeat."""
    state = callbacks.init(arg)
    while True:
        message = receive()
        if message[0] == "call":
            _, caller, ref, request = message
            reply, state = callbacks.handle_call(request, state)
            send(caller, (ref, reply))
        elif message[0] == "cast":
            state = callbacks.handle_cast(message[1], state)


class Counter:
    def init(self, n):
        return n

    def handle_call(self, request, n):
        return n, n                  # reply with the count; the state stays the same

    def handle_cast(self, message, n):
        return n + message[1]        # ("add", k)


counter = spawn(serve, Counter(), 10, label="counter")
cast(counter, ("add", 5))
call(counter, "get")

# %% [markdown]
# `Counter` has no loop, no `receive`, no `send`, no refs. It only computes: given a
# request and a state, what is the answer and the next state? Its methods are plain
# functions you can test without any process at all:

# %%
Counter().handle_call("get", 42), Counter().handle_cast(("add", 1), 42)

# %% [markdown]
# Nothing changed on the wire: the diagram is the one a hand-built server would give.

# %%
node.trace.diagram(max_rows=9)

# %% [markdown]
# In Elixir (`twins/generic_server.exs` runs this) the callbacks are a module:
#
# ```elixir
# defmodule Counter do
#   def init(n), do: n
#   def handle_call(:get, n), do: {n, n}
#   def handle_cast({:add, k}, n), do: n + k
# end
# ```
#
# and the loop passes the module round with the state:
#
# ```elixir
# defp loop(callbacks, state) do
#   receive do
#     {:call, from, ref, request} ->
#       {reply, state} = callbacks.handle_call(request, state)
#       send(from, {ref, reply})
#       loop(callbacks, state)
#     {:cast, message} ->
#       loop(callbacks, callbacks.handle_cast(message, state))
#   end
# end
# ```
#
# **Predict, then run:** what does `serve` do with a message that is neither a call nor a
# cast, say the `("DOWN", ...)` news a monitor sends (monitors come in notebook 06)? Look at
# the loop again before you run the cell.

# %%
from actorlab import process_info

send(counter, ("DOWN", "a monitor's news"))
call(counter, "get"), process_info(counter)["messages"]

# %% [markdown]
# The server still works, and the message is gone: `serve` took it and dropped it without
# a word. The Elixir loop above does something else, just as bad: its `receive` has no
# clause for such a message, so it never takes it, and the message stays in the server's
# mailbox for ever, unread (`twins/generic_server.exs` shows it). Either way nobody hears
# of it. OTP gives such messages to a third callback, `handle_info`. That is Exercise 2.

# %% [markdown]
# ## Exercise 1: a key-value store, as callbacks only
#
# Write `Store`: the state is a dict; the cast `("put", key, value)` stores a value; the
# call `("get", key)` answers the value, or `None` for a missing key. Use `serve` as it is.

# %% tags=["exercise", "ex-store"]
class Store:
    def init(self, arg):
        return {}

    def handle_call(self, request, state):
        ...   # your code here: return (reply, state)

    def handle_cast(self, message, state):
        ...   # your code here: return the new state


# %% tags=["check"]
from actorlab.course.nb04 import check_store

check_store(serve, Store())

# %% [markdown] tags=["hint", "ex-store"]
# <details><summary>Hint</summary>
#
# A call's request is `("get", key)`: answer `state.get(key)`. A cast's message is
# `("put", key, value)`: return a new dict with the key set, `{**state, key: value}`.
# </details>

# %% [markdown] tags=["solution", "ex-store"]
# <details><summary>Solution</summary>
#
# ```python
# class Store:
#     def init(self, arg):
#         return {}
#
#     def handle_call(self, request, state):
#         _, key = request
#         return state.get(key), state
#
#     def handle_cast(self, message, state):
#         _, key, value = message
#         return {**state, key: value}
# ```
# </details>

# %% [markdown]
# ## Exercise 2: `handle_info`
#
# Change `serve` so that any message that is neither a call nor a cast goes to
# `callbacks.handle_info(message, state)`, which returns the new state. "Any message"
# means any:
#
# - a plain `42`, which is not a tuple and has no `message[0]`;
# - `()`, a tuple with no items;
# - `("call", "oops")`, which has a call's tag but not its shape. OTP's `gen_server`
#   takes a message for a call only when it has a call's whole shape, tag and number of
#   items together, and so must `serve`: a call is `("call", caller, ref, request)`, a
#   cast `("cast", message)`, and nothing else is either.
#
# A bug inside a callback is not a message: let it crash the server.
#
# From now on, callbacks given to `serve` need a `handle_info`: `Counter` and `Store`
# above have none, so this `serve` would crash on their first stray message. (OTP's
# `gen_server`, given a module without one, logs "Undefined handle_info" and goes on;
# Elixir's `use GenServer` gives every module one that logs.)

# %% tags=["exercise", "ex-serve"]
def serve(callbacks, arg):
    state = callbacks.init(arg)
    while True:
        message = receive()
        if message[0] == "call":        # your code here: not every message has a [0],
                                        # nor a call's shape
            _, caller, ref, request = message
            reply, state = callbacks.handle_call(request, state)
            send(caller, (ref, reply))
        elif message[0] == "cast":
            state = callbacks.handle_cast(message[1], state)
        # your code here: everything else goes to handle_info


# %% tags=["check"]
from actorlab.course.nb04 import check_serve_info

check_serve_info(serve)

# %% [markdown] tags=["hint", "ex-serve"]
# <details><summary>Hint</summary>
#
# An `else:` branch. Careful: a plain message may not be a tuple at all, may be an empty
# one, or may have a call's tag and the wrong number of items, so test the tag and the
# shape together. Python's `match` statement does both at once: a `case` with a tuple of
# names matches only a tuple (or list) of that many items.
# </details>

# %% [markdown] tags=["solution", "ex-serve"]
# <details><summary>Solution</summary>
#
# ```python
# def serve(callbacks, arg):
#     state = callbacks.init(arg)
#     while True:
#         message = receive()
#         match message:
#             case ("call", caller, ref, request):
#                 reply, state = callbacks.handle_call(request, state)
#                 send(caller, (ref, reply))
#             case ("cast", request):
#                 state = callbacks.handle_cast(request, state)
#             case _:
#                 state = callbacks.handle_info(message, state)
# ```
#
# Without `match`: `if isinstance(message, tuple) and len(message) == 4 and message[0]
# == "call":`, and the same with 2 and `"cast"`.
# </details>

# %% [markdown]
# ## Key points
#
# - Every server shares one loop: receive, dispatch, reply, carry the state.
# - Write it once (`serve`), and a server becomes *callbacks*: plain functions from a
#   message and a state to a reply and a new state.
# - Messages that are neither calls nor casts go to `handle_info`; a call or a cast is
#   known by its whole shape, not its tag alone.
# - This split, with more care for errors, timeouts and names, is OTP's GenServer: next.
#
# **Next:** [05 · GenServer](05_genserver.ipynb)
# **Previous:** [03 · The self-call deadlock](03_the_self_call_deadlock.ipynb)
