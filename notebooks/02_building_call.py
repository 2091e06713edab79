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
# # 02 · Building `call` from `send` and `receive`
#
# **Questions:** Messages are asynchronous, so how does anyone ask a question and wait for
# the answer? How do you know the answer is to *your* question?
#
# **You will:** build a synchronous `call` out of a `send` that carries your pid and a
# `receive` that waits for the reply; tag each request with a fresh ref so no other message
# is mistaken for the answer; give up after a timeout; see that `cast` is just `send`; build
# a counter server that takes both.
#
# **Time:** 25 minutes. **Previous:** [01 · Processes and mailboxes](01_processes_and_mailboxes.ipynb)

# %%
from actorlab import (ANY, ReceiveTimeout, make_ref, process_info, receive, reset, self_pid,
                      send, spawn)

node = reset()

# %% [markdown]
# ## The idea in one sentence
#
# Message passing is asynchronous, full stop. A synchronous call is a `send` that carries
# your own address, followed by a `receive` that blocks until the answer comes back. That
# is all a call ever is, in Erlang, in Elixir's GenServer, and here.
#
# Here is a server that answers questions about squares. A request says who asks:

# %%
def squares():
    while True:
        caller, number = receive()
        send(caller, number * number)


server = spawn(squares)


def call_v1(server, request):
    send(server, (self_pid(), request))
    return receive()


call_v1(server, 7)

# %% [markdown]
# ## Whose answer is it?
#
# `call_v1` takes *any* message as the answer. **Predict, then run:** a message is already
# waiting in the shell's mailbox (a notification from somewhere else). What does the call
# return now?

# %%
send(self_pid(), ("news", "lunch is ready"))
call_v1(server, 7)

# %% [markdown]
# It returned the news, not 49; the real answer is still in the mailbox, and the next call
# will get it instead of its own. A caller must recognise *its* reply. The fix is a *ref*:
# a value that is unique in the whole node. The request carries it; the server sends it
# back with the answer; the caller waits only for a message with that ref. (If you know
# Go: a process has one mailbox, not a channel per request; the ref is what a reply
# channel would be, the way to tell this reply from every other message.)

# %%
receive()     # the stray 49 is still in the mailbox: take it out first

# %%
def squares():
    while True:
        caller, ref, number = receive()
        send(caller, (ref, number * number))


server = spawn(squares)


def call_v2(server, request):
    ref = make_ref()
    send(server, (self_pid(), ref, request))
    return receive((ref, ANY))[1]      # selective receive: only my reply


send(self_pid(), ("news", "coffee too"))
call_v2(server, 7), process_info(self_pid())["messages"]

# %% [markdown]
# The news waits untouched; the call got its own answer. Here is the conversation, the
# last six events of the trace. In the diagram the new server is `squares#2`: the second
# process to run `squares` gets its label with a number, so that the two stay apart (the
# trace's text tells them apart by pid). The first server has nothing to do in these six
# events, so `processes=` leaves its lane out:

# %%
node.trace.diagram(max_rows=6, processes=["shell", "squares#2"])

# %% [markdown]
# ## Nobody answers
#
# What if the server is busy forever, or dead? `call_v2` would wait forever. A call must
# give up: a timeout on the `receive`. **Predict, then run:** `nap` never answers.

# %%
def nap():
    receive("never")


sleeper = spawn(nap)


def call_v3(server, request, timeout=5000):
    ref = make_ref()
    send(server, (self_pid(), ref, request))
    return receive((ref, ANY), timeout=timeout)[1]

# %% tags=["raises-exception"]
call_v3(sleeper, 7, timeout=1000)

# %% [markdown]
# After a second of virtual time the caller stops waiting, with an error: `ReceiveTimeout`,
# imported at the top. Elixir's `GenServer.call` gives up too, after 5 seconds by default,
# though not with an exception: the caller *exits*, as the Elixir call below does with
# `exit(:timeout)` (notebook 05 shows exits). Notice what the timeout does *not* do: it
# does not make the server answer. It turns a hang into a crash.
#
# The same call, in Elixir (`twins/hand_built_call.exs`; its request is already tagged
# `:call`, as the next section's will be):
#
# ```elixir
# def call(server, request, timeout \\ 5000) do
#   ref = make_ref()
#   send(server, {:call, self(), ref, request})
#   receive do
#     {^ref, reply} -> reply      # ^ref: only a message carrying this very ref
#   after
#     timeout -> exit(:timeout)
#   end
# end
# ```
#
# On the BEAM it behaves as here: other messages wait untouched, and a silent server, or
# a dead one, gives a timeout, since nothing tells the caller that its server is gone.
# The twin also shows a reply that comes *after* the timeout: it lands in the caller's
# mailbox, unasked for. (Notebook 05's `GenServer.call` does better on both counts.)

# %% [markdown]
# ## `cast` is just `send`
#
# When you do not need an answer, send and move on: Elixir calls that a *cast*. A server
# that takes both tags its messages so it can tell them apart. From here on we use this
# protocol:
#
# - a call: `("call", caller_pid, ref, request)`, answered with `(ref, reply)`;
# - a cast: `("cast", message)`, never answered.
#
# Here is a server that speaks it: `echo` answers every call with the request itself, and
# takes casts without a word.

# %%
def echo_server():
    while True:
        message = receive()
        if message[0] == "call":
            _, caller, ref, request = message
            send(caller, (ref, request))


echo = spawn(echo_server)

# %% [markdown]
# ## Exercise 1: `call`
#
# Write `call(server, request, timeout=1000)` for this protocol: it returns the reply, or,
# when none comes within `timeout` ms, raises `ReceiveTimeout`, as `call_v3` does. To try
# it by hand, run `call(echo, "hi")` in a new cell: it should give `'hi'`. The check calls
# a server while unrelated messages (one carrying someone else's ref) sit in your mailbox,
# then calls a server that never answers.

# %% tags=["exercise", "ex-call"]
def call(server, request, timeout=1000):
    ...   # your code here: send ("call", ...) with a fresh ref, wait for (ref, reply)


# %% tags=["check"]
from actorlab.course.nb02 import check_call

check_call(call)

# %% [markdown] tags=["hint", "ex-call"]
# <details><summary>Hint</summary>
#
# `call_v3` above is nearly it: change the message sent to `("call", self_pid(), ref,
# request)`, and pass `timeout` on to `receive`.
# </details>

# %% [markdown] tags=["solution", "ex-call"]
# <details><summary>Solution</summary>
#
# ```python
# def call(server, request, timeout=1000):
#     ref = make_ref()
#     send(server, ("call", self_pid(), ref, request))
#     return receive((ref, ANY), timeout=timeout)[1]
# ```
# </details>

# %% [markdown]
# ## Exercise 2: a counter server
#
# Write `counter_server(n)`: a cast of `("add", k)`, which arrives as
# `("cast", ("add", k))`, adds `k`; a call with request `"get"`, which arrives as
# `("call", caller, ref, "get")`, answers with the count itself: `(ref, n)`. (It is notebook 01's counter,
# speaking the call/cast protocol.)

# %% tags=["exercise", "ex-counter-server"]
def counter_server(n):
    while True:
        message = receive()
        ...   # your code here: handle ("cast", ("add", k)) and ("call", caller, ref, "get")


# %% tags=["check"]
from actorlab.course.nb02 import check_counter_server

check_counter_server(counter_server)

# %% [markdown] tags=["hint", "ex-counter-server"]
# <details><summary>Hint</summary>
#
# Look at `message[0]`: for `"cast"`, add `message[1][1]`; for `"call"`, unpack
# `_, caller, ref, request = message` and `send(caller, (ref, n))`.
# </details>

# %% [markdown] tags=["solution", "ex-counter-server"]
# <details><summary>Solution</summary>
#
# ```python
# def counter_server(n):
#     while True:
#         message = receive()
#         if message[0] == "cast":
#             n += message[1][1]
#         elif message[0] == "call":
#             _, caller, ref, request = message
#             send(caller, (ref, n))
# ```
# </details>

# %% [markdown]
# ## Key points
#
# - A call is a `send` carrying your pid and a fresh ref, then a `receive` for that ref.
# - The ref makes the reply yours: other messages stay in the mailbox, untouched.
# - A timeout turns "wait forever" into an error; it does not make anyone answer.
# - A cast is a plain `send`: nobody waits.
#
# **Next:** [03 · The self-call deadlock](03_the_self_call_deadlock.ipynb): what happens
# when a server calls itself with exactly this `call`.
# **Previous:** [01 · Processes and mailboxes](01_processes_and_mailboxes.ipynb)
