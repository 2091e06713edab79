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
# # 03 · The self-call deadlock
#
# **Questions:** What happens when a server calls itself? Why does a timeout not fix it?
# Can two servers do the same to each other?
#
# **You will:** reproduce the classic self-call deadlock with notebook 02's `call`; read the
# `DeadlockError`, the wait-for graph, the sequence diagram and the replay; see why a
# timeout turns a hang into a crash and fixes nothing; meet the indirect A → B → A
# deadlock; see what real OTP does about each; learn the four rules that avoid them.
#
# **Time:** 30 minutes. **Previous:** [02 · Building `call` from `send` and `receive`](02_building_call.ipynb)

# %%
from actorlab import ANY, make_ref, receive, reset, self_pid, send, spawn

node = reset()


def call(server, request, timeout=None):
    """Notebook 02's call: send with my pid and a fresh ref, wait for that ref."""
    ref = make_ref()
    send(server, ("call", self_pid(), ref, request))
    return receive((ref, ANY), timeout=timeout)[1]

# %% [markdown]
# ## A server that calls itself
#
# Here is a small statistics server. It answers `"mean"`. For `"summary"` it wants the
# mean too, and the author, thinking of the server as an object with methods, reuses its
# own public API: it *calls* itself.
#
# **Predict, then run:** what happens when the shell asks for a summary?

# %%
def stats_server(numbers):
    while True:
        _, caller, ref, request = receive()
        if request == "mean":
            send(caller, (ref, sum(numbers) / len(numbers)))
        elif request == "summary":
            mean = call(self_pid(), "mean")          # ask myself for the mean...
            send(caller, (ref, ("summary", len(numbers), mean)))


stats = spawn(stats_server, [1, 2, 3, 6], label="stats")
call(stats, "mean")

# %% tags=["raises-exception"]
call(stats, "summary")

# %% [markdown]
# In Erlang or Elixir this call would hang forever. actorlab notices that nothing can ever
# happen again and says so. Read the error line by line:
#
# - the **shell** waits for the reply to its request, a reply from `stats`;
# - **stats** waits for `(ref, ANY)`, a reply *from itself*, and its mailbox holds one
#   message: its own request for the mean, which it will never read;
# - the **cycle**: stats waits for stats.
#
# The warning printed above the error came earlier, at the very moment the cycle closed.
#
# ## Why it can never work
#
# A process does one thing at a time. While `stats` runs the code for `"summary"`, it is
# not in its loop, so nobody takes messages out of its mailbox. Its request to itself
# arrives, and waits there. The `receive` inside `call` waits for the answer, which only
# the loop could send, and the loop is waiting for `call` to return. The wait-for graph
# shows it: an arrow from each process to the one whose reply it waits for.

# %%
node.trace.wait_for_graph()

# %% [markdown]
# The sequence diagram shows the request to itself ending in the mailbox (✉), never read:

# %%
node.trace.diagram(max_rows=12)

# %% [markdown]
# And the replay lets you step through it, with every mailbox at every step. Press ▶, or
# drag the slider. (Where widgets cannot run, you see the diagram above instead.)

# %%
node.trace.replay()

# %% [markdown]
# ## A timeout turns a hang into a crash
#
# Surely a timeout helps? Give the inner call 500 ms.

# %%
def stats_server_with_timeout(numbers):
    while True:
        _, caller, ref, request = receive()
        if request == "mean":
            send(caller, (ref, sum(numbers) / len(numbers)))
        elif request == "summary":
            mean = call(self_pid(), "mean", timeout=500)
            send(caller, (ref, ("summary", len(numbers), mean)))


node = reset()
stats = spawn(stats_server_with_timeout, [1, 2, 3, 6], label="stats")

# %% tags=["raises-exception"]
call(stats, "summary", timeout=5000)

# %% [markdown]
# After 500 ms the inner call gave up: `stats` crashed (the crash report above), and the
# shell's own call then timed out too, because a dead server answers nobody. Nothing was
# fixed: the summary was never computed, and now the server is gone. The timeout only made
# the failure visible. The bug is the call itself.
#
# The BEAM does the same. In Elixir (`twins/hand_built_self_call.exs`), `stats` handles
# the summary with this clause:
#
# ```elixir
# {:call, caller, ref, :summary} ->
#   mean = call(self(), :mean, 500)
#   send(caller, {ref, {:summary, length(numbers), mean}})
#   loop(numbers)
# ```
#
# and the twin prints that the request for the mean sat unread in `stats`' own mailbox,
# that `stats` then exited with reason `timeout`, and that its client's call timed out
# after it. One difference of form: there the inner call *exits* (the `after` clause's
# `exit(:timeout)`), which ends `stats` without a crash report, where Python's
# `ReceiveTimeout` is an exception, which crashes it. Without a timeout, the BEAM would
# hang there for ever.
#
# ## The fix: share code, not calls
#
# The mean is a computation, not a conversation. A plain function that both requests use
# computes it, and nobody waits for anybody: you will write that fix in exercise 1, after
# two more ways to get stuck.

# %% [markdown]
# ## Two servers can do it too
#
# The cycle need not be a loop on one process. Here `a`, asked to `"work"`, calls `b` to
# `"check"` it, and `b` calls `a` back to `"confirm"`: a → b → a.

# %%
node = reset()
servers = {}


def relay(name, other):
    while True:
        _, caller, ref, request = receive()
        if request == "work":
            send(caller, (ref, call(servers[other], "check")))
        else:
            send(caller, (ref, f"{name} says ok"))


def checker(name, other):
    while True:
        _, caller, ref, request = receive()
        send(caller, (ref, call(servers[other], "confirm")))


servers["a"] = spawn(relay, "a", "b", label="a")
servers["b"] = spawn(checker, "b", "a", label="b")

# %% tags=["raises-exception"]
call(servers["a"], "work")

# %%
node.trace.wait_for_graph()

# %% [markdown]
# ## What real OTP does
#
# Elixir's `GenServer.call` has one check (since Elixir 1.3; Erlang's `gen_server:call`
# has had it too since OTP 25): calling *your own* pid exits at once with `calling_self`,
# instead of hanging for the 5-second default timeout. It cannot
# see the indirect cycle: there, each call waits its 5 seconds and crashes. actorlab's
# GenServer (notebook 05) does the same; here is a preview. Notebook 05 explains its
# callbacks and their `("reply", answer, state)` tuples; for now, watch what the calls do:

# %%
from actorlab import Exit, GenServer, now


class Counter(GenServer):
    def init(self, n):
        return ("ok", n)

    def handle_call(self, request, from_, n):
        if request == "get":
            return ("reply", n, n)
        return ("reply", 2 * GenServer.call(self_pid(), "get"), n)     # "twice"


node = reset(log=None)
_, counter = GenServer.start(Counter, 21)
try:
    GenServer.call(counter, "twice")
except Exit as exit_:
    print(exit_.reason)
print("after", now(), "ms")

# %% [markdown]
# The inner call's exit reason, `calling_self`, is wrapped in the outer call's: the
# server crashed with the first, and the shell's call exited with both. The same server
# on the BEAM (`twins/genserver_calling_self.exs`):
#
# ```elixir
# def handle_call(:get, _from, n), do: {:reply, n, n}
# # A callback calling its own server's public API: the self-call.
# def handle_call(:twice, _from, n), do: {:reply, 2 * GenServer.call(self(), :get), n}
# ```
#
# exits in the same words (the twins print pids by role, atoms without their colon):
#
# ```text
# {{calling_self, {GenServer, call, [counter, get, 5000]}},
#  {GenServer, call, [counter, twice, 5000]}}
# ```
#
# For the indirect cycle, `twins/mutual_call_deadlock.exs` starts two servers that relay
# a `:ping` to each other, with different timeouts so that which gives up first is not
# left to chance:
#
# ```elixir
# GenServer.start(Relay, {:b, 500}, name: :a)
# GenServer.start(Relay, {:a, 100}, name: :b)
# Twin.say("the shell's call", Twin.attempt(fn -> GenServer.call(:a, :ping, 1000) end))
# ```
#
# Nothing refuses these calls. After 100 ms b's call to a times out, so b crashes; a's call
# to b exits with b's reason, so a crashes; the shell's call exits with all of it. The
# exit reason the twin prints:
#
# ```text
# {{{timeout, {GenServer, call, [a, ping, 100]}},
#   {GenServer, call, [b, ping, 500]}},
#  {GenServer, call, [a, ping, 1000]}}
# ```
#
# Read it from the inside out: b's call to a timed out; so a's call to b failed; so the
# shell's call to a failed.
#
# ## The rules
#
# 1. **Never call your own public API** from inside a server: not from a handler, not from
#    a helper the handler uses.
# 2. **Share code with plain functions** that every handler can use.
# 3. **Talk to yourself only asynchronously:** `send` (a cast) to yourself is fine; it is
#    read when the current message is done.
# 4. **Think hard before any synchronous call between servers.** A cycle of calls
#    deadlocks, and even without a cycle, each call makes the caller wait: it serialises
#    work (notebook 08).

# %% [markdown]
# ## Exercise 1: fix the server
#
# This is the deadlocking `stats_server` from the top. Fix it: same requests, same
# answers, no call to itself (and no other process to ask: the rules above say how).

# %% tags=["exercise", "ex-stats"]
def stats_server(numbers):
    while True:
        _, caller, ref, request = receive()
        if request == "mean":
            send(caller, (ref, sum(numbers) / len(numbers)))
        elif request == "summary":
            mean = call(self_pid(), "mean")
            send(caller, (ref, ("summary", len(numbers), mean)))


# %% tags=["check"]
from actorlab.course.nb03 import check_stats

check_stats(stats_server)

# %% [markdown] tags=["hint", "ex-stats"]
# <details><summary>Hint</summary>
#
# Rule 2: write a plain function `mean_of(numbers)` and use it in both branches.
# </details>

# %% [markdown] tags=["solution", "ex-stats"]
# <details><summary>Solution</summary>
#
# ```python
# def mean_of(numbers):
#     return sum(numbers) / len(numbers)
#
#
# def stats_server(numbers):
#     while True:
#         _, caller, ref, request = receive()
#         if request == "mean":
#             send(caller, (ref, mean_of(numbers)))
#         elif request == "summary":
#             send(caller, (ref, ("summary", len(numbers), mean_of(numbers))))
# ```
# </details>

# %% [markdown]
# ## Exercise 2: which of these deadlock?
#
# Decide, for each program, without running it: does the shell's call deadlock?
#
# - **A.** While handling a call, a server sends itself a cast `("cast", "note it down")`,
#   then replies.
# - **B.** The shell calls server X; X calls server Y; Y replies at once; X replies.
# - **C.** The shell calls server X; X calls server Y; Y calls X back before replying.
#
# Put `True` (deadlocks) or `False` for each. The check runs each program on a fresh node,
# and says what happened and why.

# %% tags=["exercise", "ex-quiz"]
deadlocks = {"A": None, "B": None, "C": None}

# %% tags=["check"]
from actorlab.course.nb03 import check_deadlock_quiz

check_deadlock_quiz(deadlocks)

# %% [markdown] tags=["hint", "ex-quiz"]
# <details><summary>Hint</summary>
#
# Draw an arrow from each waiting process to the one it waits for. A `send` draws no arrow.
# A deadlock needs the arrows to come back round.
# </details>

# %% [markdown] tags=["solution", "ex-quiz"]
# <details><summary>Solution</summary>
#
# ```python
# deadlocks = {"A": False, "B": False, "C": True}
# ```
# </details>

# %% [markdown]
# ## Key points
#
# - A process does one thing at a time: while it handles a message, nobody reads its
#   mailbox. So a server that calls itself waits for a reply only it could send.
# - actorlab reports the deadlock (`DeadlockError`, the cycle, the wait-for graph) where
#   Erlang would hang; the trace shows the unread request in the mailbox.
# - A timeout turns the hang into a crash; it fixes nothing.
# - Cycles through several servers deadlock the same way, and OTP cannot refuse them.
# - Share code with functions; cast to yourself; be wary of calls between servers.
#
# **Next:** [04 · A generic server](04_a_generic_server.ipynb)
# **Previous:** [02 · Building `call` from `send` and `receive`](02_building_call.ipynb)
