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
# # 00 · Start here
#
# **Questions:** What is this course about? How do I use these notebooks?
#
# **You will:** check that your set-up works; meet the *shell*, the process that runs your
# cells; see your first sequence diagram; learn how exercises, checks, hints and solutions
# work here.
#
# **Time:** 10 minutes.
#
# This course teaches the actor model the way Erlang and Elixir programmers learned it:
# bottom-up. You will build a synchronous call out of two asynchronous operations, watch a
# server deadlock by calling itself, and only then meet GenServer, so it never surprises
# you. Everything runs on `actorlab`, a small Python library you can read in one sitting.

# %% [markdown]
# ## Is everything here?
#
# Run the next cell (click it, then press **Shift+Enter**). Every line should start with ✓.
# If one starts with ✗, it says what to do.

# %%
from actorlab.course import setup_check

setup_check()

# %% [markdown]
# ## Your cells are a process
#
# In Erlang and Elixir, everything runs in *processes*: small, isolated workers that share
# nothing and talk only by sending messages. A notebook cell here is a process too, called
# the **shell** (as in Elixir's `iex`). It has a process id, a *pid*:

# %%
from actorlab import receive, reset, self_pid, send, spawn

node = reset()      # a fresh start: pids are numbered from #PID<0.0.0>, the shell
self_pid()

# %% [markdown]
# `reset()` starts a new, empty world of processes, a *node* (what it returns, `node`),
# so every run of a notebook gives the same pids and the same pictures. Each notebook calls it at the top.
#
# Here is a second process. It waits for one message, then sends it back to whoever it
# names. **Predict, then run:** what will the shell's `receive()` return?

# %%
def echo():
    sender, message = receive()
    send(sender, message)


pid = spawn(echo)
send(pid, (self_pid(), "hello"))
receive()

# %% [markdown]
# Each key idea in the course comes with its Elixir twin. The twins live in `twins/`, and
# the course's tests run each one on the real BEAM (the virtual machine that runs Erlang
# and Elixir) and the same scenario on actorlab, and require the same outcome. In Elixir (`twins/selective_receive.exs`), the same echo is:
#
# ```elixir
# pid = spawn(fn ->
#   receive do
#     {from, message} -> send(from, message)
#   end
# end)
# send(pid, {self(), :hello})
# receive do
#   reply -> Twin.say("the echo", reply)
# end
# ```
#
# `{...}` is a tuple, and `:hello` an *atom*: a constant that is just its name, which
# Elixir uses where Python would use a short string. `Twin.say` prints a value the way the
# twins print everything; here, `the echo: hello`.

# %% [markdown]
# ## Seeing the messages
#
# Every node records what happens in a *trace*. A sequence diagram draws it: one line per
# process, time going down, an arrow for each message from the moment it was sent to the
# moment it was received. Grey bars are processes waiting in `receive`.

# %%
node.trace.diagram()

# %% [markdown]
# The diagrams of the course all use these marks:
#
# | mark | meaning |
# | --- | --- |
# | black arrow | a message (`send`) |
# | blue arrow, then a dashed blue one back | a *call* and its *reply* (built in notebook 02, drawn so from 03 on) |
# | green arrow | a *cast*: a message nobody waits on (notebook 02) |
# | dashed purple arrow, `EXIT` or `DOWN` | news of a process's end, from a link or a monitor (notebook 06) |
# | dashed red arrow, `exit signal` | an exit signal that ends the process it reaches, or that it ignores (notebook 06) |
# | dashed grey arrow | `spawn`, or the library's own bookkeeping |
# | grey bar on a line | the process is waiting in `receive`, or sleeping |
# | ✉ where an arrow stops | the message is still in the mailbox, unread |
# | ✕ where an arrow stops | the message was dropped: its receiver had ended, or no longer takes it |
# | ■ | the process ended on purpose (reason `normal` or `shutdown`) |
# | red ✖ and red words | a crash, a kill, a deadlock |
# | orange ● | a `receive` gave up: its timeout ran out |
# | dotted top of a line | the process did not exist yet |
# | thick dashed orange line, ⇄ | a race: these two steps the other way round change the outcome (notebook 08) |
# | magenta ⚡ | a fault injected on purpose: a kill, a message lost or delayed, a partition (notebook 11) |
#
# The same list, with the diagram's options, is in `help(actorlab.views.diagram)` (after
# `import actorlab.views`).

# %% [markdown]
# The numbers on the left are *steps*. `print(trace)` lists the same steps as text; its
# `ms` column is the node's virtual clock, which moves only when processes wait for time
# (a timeout, a `sleep`), so here it stays at 0:

# %%
print(node.trace)

# %% [markdown]
# ## How the exercises work
#
# Each notebook has exercises. An exercise cell holds a function for you to complete;
# the cell after it *checks* your function and says what is right (✓) and what is not yet
# (✗), and why. Below each exercise, **Hint** and **Solution** stay folded until you click
# them. Try first: the deadlock in notebook 03 is much more fun to find than to read.
#
# A check runs your code on a fresh world of processes of its own (it calls `reset()`), so
# the processes made above it are gone once it has run: if you go back to an earlier cell,
# run the cells from the top of the notebook again.
#
# Here is a warm-up. Complete `shout` so that it sends back its message in capitals
# (`"hi"` becomes `"HI"`); then run the check.

# %% tags=["exercise", "ex-shout"]
def shout():
    sender, message = receive()
    ...   # your code here: send message.upper() back to sender


# %% tags=["check"]
from actorlab.course.nb00 import check_shout

check_shout(shout)

# %% [markdown] tags=["hint", "ex-shout"]
# <details><summary>Hint</summary>
#
# `send(destination, message)` sends; `message.upper()` is the message in capitals.
# </details>

# %% [markdown] tags=["solution", "ex-shout"]
# <details><summary>Solution</summary>
#
# ```python
# def shout():
#     sender, message = receive()
#     send(sender, message.upper())
# ```
# </details>

# %% [markdown]
# One more: the shell is a process like any other, so it can send a message *to itself*.
# Write `note_to_self(text)`: it sends `text` to the shell's own pid, then receives it and
# returns it.

# %% tags=["exercise", "ex-self"]
def note_to_self(text):
    ...   # your code here: send to self_pid(), then receive


# %% tags=["check"]
from actorlab.course.nb00 import check_note_to_self

check_note_to_self(note_to_self)

# %% [markdown] tags=["hint", "ex-self"]
# <details><summary>Hint</summary>
#
# `send(self_pid(), text)`, then `return receive()`.
# </details>

# %% [markdown] tags=["solution", "ex-self"]
# <details><summary>Solution</summary>
#
# ```python
# def note_to_self(text):
#     send(self_pid(), text)
#     return receive()
# ```
# </details>

# %% [markdown]
# ## The map
#
# One idea per notebook, with the time each takes:
#
# <!-- map -->
# 0. **Start here** (this notebook)
# 1. [Processes and mailboxes](01_processes_and_mailboxes.ipynb) (25 min)
# 2. [Building `call` from `send` and `receive`](02_building_call.ipynb) (25 min)
# 3. [The self-call deadlock](03_the_self_call_deadlock.ipynb) (30 min)
# 4. [A generic server](04_a_generic_server.ipynb) (20 min)
# 5. [GenServer](05_genserver.ipynb) (30 min)
# 6. [Finding processes](06_finding_processes.ipynb) (45 min)
# 7. [Supervisors](07_supervisors.ipynb) (45 min)
# 8. [Bottlenecks and interleavings](08_bottlenecks_and_interleavings.ipynb) (35 min)
# 9. [Capstone](09_capstone.ipynb) (45 min)
# 10. [Where next](10_where_next.ipynb) (25 min)
# 11. [Finding concurrency bugs](11_finding_concurrency_bugs.ipynb) (40 min)
# <!-- /map -->
#
# ## Key points
#
# - Each cell runs in the *shell*, a process with its own pid and mailbox.
# - `reset()` at the top of a notebook makes every run give the same pids and pictures.
# - `node.trace.diagram()` draws every message of the run (`node` is what `reset()` returns).
# - Checks say what is wrong; hints and solutions are folded below each exercise.
#
# **Next:** [01 · Processes and mailboxes](01_processes_and_mailboxes.ipynb)
