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
# # 01 · Processes and mailboxes
#
# **Questions:** What is a process? How do two processes talk? Where does a message wait
# when nobody is asking for it?
#
# **You will:** spawn processes; send and receive messages; learn what a process must never
# do (all processes share one thread); see that sending never waits; take messages out of
# order with selective receive; stop waiting with a timeout; keep state in a loop; look
# inside actorlab's own `receive`.
#
# **Time:** 25 minutes. **Previous:** [00 · Start here](00_start_here.ipynb)

# %%
from actorlab import ANY, now, process_info, receive, reset, self_pid, send, spawn

node = reset()      # a fresh world of processes; node.trace records what happens

# %% [markdown]
# ## A process is a function with a mailbox
#
# `spawn(f, *args)` starts `f(*args)` as a new process and returns its pid at once. The
# process runs until it has to wait: here, until a message arrives.

# %%
def greeter(name):
    sender, greeting = receive()
    send(sender, f"{greeting}, {name}!")


ann = spawn(greeter, "Ann")
ann

# %% [markdown]
# `send(pid, message)` puts a message in that process's *mailbox*. The message can be any
# Python value; tuples play the part of Erlang's tuples. Including our own pid is how the
# greeter knows where to answer: a process has no other way to know who wrote to it.

# %%
send(ann, (self_pid(), "Hello"))
receive()

# %% [markdown]
# In Elixir, from `twins/async_send_order.exs`: like the greeter, a process that answers
# one message and ends (its answer is `{:echo, message}` rather than a greeting). One
# difference: its `receive` takes only a message shaped `{from, message}` and leaves any
# other in the mailbox, where the greeter's `receive()` takes whatever comes first and
# then unpacks it (another shape would crash it). Patterns that choose, as Elixir's do,
# come below, in *Selective receive*. Every
# Elixir snippet in this course is quoted from a file in `twins/` (the folder beside
# `notebooks/` in the course's repository) that runs on the real BEAM, beside a Python
# twin on actorlab that must print the same lines; `Twin.say(label, term)` is their
# print, and `Twin.name` gives a pid a name to print.
#
# ```elixir
# echo =
#   spawn(fn ->
#     receive do
#       {from, message} -> send(from, {:echo, message})
#     end
#   end)
#
# Twin.name(echo, "echo")
# Twin.say("send returned", send(echo, {self(), :hello}))
#
# receive do
#   reply -> Twin.say("the shell received", reply)
# end
# ```
#
# ## One thread runs every process
#
# actorlab runs all its processes in the kernel's one thread, one at a time: a process runs
# until it waits in `receive` or `sleep`, and then another one runs. So a process must
# never hold the thread in any other way:
#
# - not `time.sleep(...)`: use actorlab's `sleep(ms)`, which waits in virtual time and
#   lets the others run;
# - not a lock (`threading.Lock`), `input()`, or anything else that waits for another
#   thread, a file or the network: while one process waits that way, no other can run,
#   and the cell may never finish;
# - not a loop that computes without end, with no `receive` or `sleep` in it.
#
# If a cell runs for ever, interrupt it: **Kernel → Interrupt Kernel** (or press **I**
# twice): that stops the running process and leaves the others as they were. Processes that
# keep messaging each other without end are stopped for you after a few seconds with a
# `RunawayError`, which names the busiest ones; they are paused, not ended, and `reset()`
# starts afresh. (On the BEAM every process is preempted in turn, and processes run in
# parallel on every core: a busy one slows the others down but never stops them.)

# %% [markdown]
# ## Sending never waits
#
# **Predict, then run:** `bob` sleeps for a second before it even looks at its mailbox.
# How long does `send` take? And where is the message meanwhile? (`now()` is the node's
# clock, in milliseconds of virtual time; `process_info(pid)["messages"]` lists what waits
# in that process's mailbox.)

# %%
from actorlab import sleep


def sleepy(name):
    sleep(1000)                        # virtual time: no real second passes
    sender, greeting = receive()
    send(sender, f"{greeting}, {name}!")


bob = spawn(sleepy, "Bob", label="bob")   # label: its name in the trace and diagrams
send(bob, (self_pid(), "Hi"))
now(), process_info(bob)["messages"]

# %% [markdown]
# `send` returned at once, at time 0: the message waits in Bob's mailbox. Sending is
# asynchronous, always. Only `receive` waits. When the shell waits for the answer, time
# moves on to when Bob wakes up:

# %%
receive(), now()

# %%
node.trace.diagram(processes=["shell", "bob"])

# %% [markdown]
# The long arrow is the message's time in the mailbox: sent at one step, received many
# steps later, after Bob's sleep.
#
# ## Selective receive
#
# `receive(pattern)` takes the **oldest** message that matches the pattern and leaves the
# others where they are. A pattern is a shape: a tuple with values to compare and `ANY`
# where anything goes. (It can also be a plain value, like `"stop"`, which matches only
# itself; a class, like `int`; or a function that says yes or no.)

# %%
me = self_pid()
send(me, ("news", "cats"))
send(me, ("urgent", "fire!"))
send(me, ("news", "dogs"))
receive(("urgent", ANY))

# %%
process_info(me)["messages"]     # the others stayed, in order

# %% [markdown]
# Elixir's `receive` does the same with its patterns (`twins/selective_receive.exs`; it
# prints `urgent first: "fire!"`, then the two news, in order):
#
# ```elixir
# send(self(), {:news, :cats})
# send(self(), {:urgent, "fire!"})
# send(self(), {:news, :dogs})
# receive do
#   {:urgent, what} -> Twin.say("urgent first", what)
# end
# Twin.say("still in the mailbox, in order", Twin.mailbox())
# ```
#
# **Predict, then run:** the next cell asks for the oldest message of any kind, with no
# pattern. Which is it?

# %%
receive()

# %%
receive()     # the last one

# %% [markdown]
# ## Timeouts
#
# A `receive` can give up after some milliseconds of (virtual) time. Nothing matching
# arrived, so it raises `ReceiveTimeout` (to catch it in a `try`, import it first: `from
# actorlab import ReceiveTimeout`):

# %% tags=["raises-exception"]
receive(("urgent", ANY), timeout=100)

# %% [markdown]
# `timeout=0` only looks in the mailbox and never waits: it takes a matching message that
# is already there, or raises at once. In Elixir the timeout is the `after` clause
# (`twins/receive_timeout.exs`, which also tries `after 0` on an empty mailbox, on one
# with a message waiting, and on one with only a message that does not match):
#
# ```elixir
# receive do
#   :never -> :ok
# after
#   100 -> Twin.say("nothing in 100 ms")
# end
# ```
#
# ## State lives in a loop
#
# A process has no fields, no attributes, nothing shared. It keeps state by passing it
# along to the next round of its loop. Here is a bank account:

# %%
def account(balance):
    while True:
        message = receive()
        if message[0] == "deposit":
            balance += message[1]
        elif message[0] == "balance":
            send(message[1], ("balance", balance))


acct = spawn(account, 100)
send(acct, ("deposit", 50))
send(acct, ("balance", self_pid()))
receive(("balance", ANY))

# %% [markdown]
# ## Exercise 1: echo forever
#
# The greeter above answers once, then ends. Write `echo` so that, for every
# `(sender, message)` it receives, it sends `message` back to `sender`, forever: every
# message, whatever it is.

# %% tags=["exercise", "ex-echo"]
def echo():
    sender, message = receive()
    # your code here: answer, then do it again for the next message


# %% tags=["check"]
from actorlab.course.nb01 import check_echo

check_echo(echo)

# %% [markdown] tags=["hint", "ex-echo"]
# <details><summary>Hint</summary>
#
# Wrap the receive and the send in `while True:`; the process then waits for the next
# message each time round.
# </details>

# %% [markdown] tags=["solution", "ex-echo"]
# <details><summary>Solution</summary>
#
# ```python
# def echo():
#     while True:
#         sender, message = receive()
#         send(sender, message)
# ```
# </details>

# %% [markdown]
# ## Exercise 2: a counter
#
# Write `counter(n)`: it starts at `n`; the message `("add", k)` adds `k`; the message
# `("get", pid)` sends `("count", n)` to `pid`, with the count `n` as a number (`15`, not
# `"15"`). The check starts it at 10, adds 2 and 3, and asks twice. It also starts a
# second counter at 100, to see that each counter keeps a count of its own. Then it sends
# the first one 1,100 more adds, and asks again after a long quiet spell: like echo, a
# counter waits for its next message forever.

# %% tags=["exercise", "ex-counter"]
def counter(n):
    ...   # your code here


# %% tags=["check"]
from actorlab.course.nb01 import check_counter

check_counter(counter)

# %% [markdown] tags=["hint", "ex-counter"]
# <details><summary>Hint</summary>
#
# Copy the shape of `account`: a `while True:` loop, one `receive()`, and an `if` on the
# first element of the message. The count is a local variable that each round updates.
# </details>

# %% [markdown] tags=["solution", "ex-counter"]
# <details><summary>Solution</summary>
#
# ```python
# def counter(n):
#     while True:
#         message = receive()
#         if message[0] == "add":
#             n += message[1]
#         elif message[0] == "get":
#             send(message[1], ("count", n))
# ```
# </details>

# %% [markdown]
# In Elixir the loop is a recursive function, and the state is its argument
# (`twins/selective_receive.exs`):
#
# ```elixir
# def loop(count) do
#   receive do
#     {:add, n} -> loop(count + n)
#     {:get, from} ->
#       send(from, {:count, count})
#       loop(count)
#   end
# end
# ```
#
# The BEAM reuses a function's frame for a call that is the last thing it does, so such a
# loop runs for ever. Python keeps every call's frame, and gives up after about a thousand
# (`RecursionError`): in Python, loop with `while True:`. (The check sends your counter
# 1,100 messages to make sure.)

# %% [markdown]
# ## Open the box
#
# There is no magic in `receive`. Here is actorlab's own code that takes a message out of
# a mailbox (from `actorlab/runtime/node.py`): the oldest match wins, the rest stay put.

# %%
import inspect

from actorlab import Node

print(inspect.getsource(Node._take))

# %% [markdown]
# And here is where every message arrives: it is appended to the mailbox, and if its owner
# is waiting for exactly such a message, the owner is woken: back on the run queue, at
# the end, behind the processes already waiting for their turn.

# %%
print(inspect.getsource(Node.deliver))

# %% [markdown]
# ## Key points
#
# - `spawn` starts a process; a pid is its address; `self_pid()` is your own.
# - `send` never waits: the message goes into the receiver's mailbox.
# - `receive(pattern)` takes the oldest matching message and leaves the rest in order;
#   `timeout=` bounds the wait.
# - A process keeps state by looping with it; nothing is shared.
# - Every process runs in one thread: wait only in `receive` or `sleep`, never in
#   `time.sleep`, a lock or `input()`.
#
# **Next:** [02 · Building `call` from `send` and `receive`](02_building_call.ipynb)
# **Previous:** [00 · Start here](00_start_here.ipynb)
