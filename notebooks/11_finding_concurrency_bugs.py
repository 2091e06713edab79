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
# # 11 · Finding concurrency bugs
#
# **Questions:** A program of a few processes can run in thousands of orders. How many of
# them must you try before you know it is right? And does it stay right when a process
# dies, a reply is lost, or the network splits?
#
# **You will:** see why far fewer interleavings need running than there are orders of
# operations, with two equivalent ones drawn together; count a lost update exactly, draw
# its shortest failing run with the race marked, and prove the fix in every interleaving;
# find, explain, fix and prove a deadlock that only some interleavings reach; kill a
# server in the middle of a call, drop a reply, cut the network, and see what each client
# sees; make a payment safe to retry; meet the tools this comes from (Concuerror,
# QuickCheck and PropEr, FoundationDB's simulation, Jepsen); prove a small design right
# in every interleaving and against every kill.
#
# **Time:** 40 minutes. **Previous:** [10 · Where next](10_where_next.ipynb)

# %%
from actorlab import (ANY, Exit, GenServer, OneOf, Ref, Supervisor, current_node,
                      demonitor, explore, faults, make_ref, monitor, receive, reset,
                      self_pid, send, sleep, spawn, whereis)
from actorlab.course.nb11 import compare

# %% [markdown]
# ## What an interleaving is
#
# A process runs its Python code without interruption until its next *visible
# operation*: a `send`, a `receive` that takes a message, a `spawn`, an exit. Those are
# the only moments another process can notice. On the BEAM, a process can be stopped
# before any of them and another run in between, on another core at the same time. An
# *interleaving* is one order of all the processes' visible operations.
#
# Here ann sends the shell her name; bob sends his either to the shell or to a logger, a
# process that takes one message and ends. They start together, from one process, as in
# notebook 08 (a cell would run each to the end before starting the next).

# %%
def first_name(bob_writes_to):
    """ann sends the shell "ann"; bob sends "bob" to `bob_writes_to` ("the shell" or
    "the logger"). What the shell takes first."""
    shell = self_pid()
    logger = spawn(receive, label="logger")
    target = shell if bob_writes_to == "the shell" else logger
    spawn(lambda: [spawn(send, shell, "ann", label="ann"),
                   spawn(send, target, "bob", label="bob")], label="start")
    return receive()


# %% [markdown]
# `explore(scenario, *args)` runs `scenario(*args)` on a fresh node once for each
# interleaving that can give a different result, and counts what it returns (or the
# name of the error it raises).
#
# **Predict, then run:** when bob writes to the logger, how many interleavings can give
# a different result? And when he writes to the shell?

# %%
explore(first_name, "the logger")

# %%
explore(first_name, "the shell")

# %% [markdown]
# One, then two. Yet the operations of the scenario's five processes (the shell, the
# logger, the starter, ann and bob) can come in hundreds of orders. `method="all"` is
# brute force: at every point where more than one process could go on, it tries each.
# Next to `explore`'s default:

# %%
for bob_writes_to in ["the logger", "the shell"]:
    every = explore(first_name, bob_writes_to, method="all", progress=False)
    needed = explore(first_name, bob_writes_to, progress=False)
    print(f"bob writes to {bob_writes_to}: brute force ran {every.runs:,} interleavings "
          f"({every.duplicates:,} equivalent to an earlier one), explore {needed.runs}; "
          f"outcomes {dict(needed.outcomes)}")

# %% [markdown]
# Two runs are *equivalent* when they differ only in the order of operations that
# **commute**: operations of different processes that touch nothing in common, so doing
# them in either order leaves every process and every mailbox in the same state. ann's
# send to the shell and bob's send to the logger commute. Here are two of the 2,160
# orders brute force ran, drawn one above the other. `reset(seed=n)` (notebook 08) picks who
# runs next at random; seed 0 lets ann go first, seed 1 bob. The shell takes 'ann' either
# way, since bob writes to the logger; the drawing shows the two orders:

# %%
runs = []
for seed in [0, 1]:
    node = reset(seed=seed, log=None)
    print(f"seed {seed}: the shell took {first_name('the logger')!r}")
    runs.append(node.trace)
compare(*runs, titles=("seed 0: ann sends first", "seed 1: bob sends first"),
        processes=["shell", "ann", "bob", "logger"], steps=(4, 13))

# %% [markdown]
# ann's send and end (steps 7 and 8 in the first) swap places with bob's (9 and 10), and
# nothing else differs: the shell still takes "ann", the logger still "bob". When bob writes to the shell instead, the two sends go
# to the **same mailbox**, and their order decides which one the shell takes first: they
# are *dependent*. Two operations are dependent when the other order could change what
# happens:
#
# | operations of two processes | dependent when |
# | --- | --- |
# | two sends | they go to the same mailbox, with different messages |
# | a send, and the end of its receiver | always: after the end, the message is lost |
# | a link or a monitor, and the end of the process it watches | always: `DOWN` with the reason, or with `noproc` |
# | `register` or `unregister`, and a `whereis` or a send by name | they use the same name |
#
# Everything else commutes: a receive and a send to another process, two replies to two
# callers, the ends of two unlinked processes. (The whole relation, with `trap_exit`,
# aliases and spawns, is in `actorlab/explore/footprints.py`.)
#
# `explore` runs one interleaving, looks for pairs of dependent operations that nothing
# else orders (a *race*), and runs again with the other order first; equivalent orders
# it never runs. The method is *source-set dynamic partial-order reduction* with sleep
# sets (Abdulla, Aronis, Jonsson and Sagonas, POPL 2014), one of the methods of
# Concuerror, the tool that does this for Erlang (the end of this notebook).

# %% [markdown]
# ## The lost update, counted exactly
#
# Notebook 08's counter, and clients that bump it with a `get` and then a `set`. Each
# client is a process; `count_after(n)` starts n of them together, waits for them all,
# and returns the count.

# %%
class Counter(GenServer):
    def init(self, n):
        return ("ok", n)

    def handle_call(self, request, from_, n):
        if request == "get":
            return ("reply", n, n)
        if request == "increment":
            return ("reply", n + 1, n + 1)
        _, value = request                                 # ("set", value)
        return ("reply", "ok", value)


def get_then_set(counter):
    n = GenServer.call(counter, "get")
    GenServer.call(counter, ("set", n + 1))


def increment(counter):
    GenServer.call(counter, "increment")


CLIENTS = ["ann", "bob", "cat", "dan"]
BUMPS = {"get then set": get_then_set, "increment": increment}


def count_after(clients, bump="get then set"):
    """`clients` clients, started together, each bump the counter once: the count after."""
    GenServer.start(Counter, 0, name="counter")
    shell, bump_once = self_pid(), BUMPS[bump]

    def client():
        bump_once("counter")
        send(shell, "done")

    spawn(lambda: [spawn(client, label=name) for name in CLIENTS[:clients]], label="start")
    for _ in range(clients):
        receive("done")
    return GenServer.call("counter", "get")


# %% [markdown]
# **Predict, then run:** with two clients, in how many interleavings is an update lost?

# %%
lost = explore(count_after, 2)
lost

# %% [markdown]
# Six interleavings, and four lose an update. Why six? The only operations that do not
# commute are the four calls reaching the counter's mailbox: everything else (a reply
# reaching its client, a client ending) touches nothing another process uses. So the
# interleavings are the orders in which the counter can take ann's `get`, ann's `set`,
# bob's `get` and bob's `set`, each client's `get` before its `set`: 4! / (2 × 2) = 6.
# Only the two orders that keep each client's pair together count to 2. With three
# clients it is 6! / 2³ = 90 orders, and 3! = 6 of them right:

# %%
explore(count_after, 3)

# %% [markdown]
# (Four clients: 8! / 2⁴ = 2,520 interleavings and 4! = 24 right ones. `explore` counts
# them in 10 to 45 seconds on the course's 2-core test machine; try it after the
# notebook.)
#
# What would brute force have cost for two clients? Given 1,000 runs:

# %%
explore(count_after, 2, method="all", max_runs=1000)

# %% [markdown]
# 999 of the 1,000 runs were equivalent to an earlier one: brute force met one
# interleaving a thousand times, one that loses an update (the count is 1), and never
# saw the count of 2, nor learned how many of the orders lose. It walks the orders depth
# first, so its first thousand differ only near their ends, in operations that commute.
# `explore`'s counts are exact, and the same every time you run it.
#
# `lost.replay(1)` runs the shortest interleaving that gave 1 again, on a node of its
# own, and marks the race that decided it: the thick dashed orange line joins two
# operations that, in the other order, give another outcome.

# %%
lost.replay(1).trace.diagram(hide_system=True, processes=["ann", "counter", "bob"])

# %% [markdown]
# Both `get`s reach the counter before either `set`, both answer 0, and both clients set
# 1. The race marked is between ann's `get` and bob's `set`: had bob's `set` come first,
# ann would have read 1 and counted to 2.
#
# On the BEAM (`twins/interleaving_lost_update.exs`, which forces this order with a
# message before each call), a client that bumps in two calls:
#
# ```elixir
# bump_in_two_steps = fn counter, shell ->
#   receive do: (:get -> :ok)
#   value = GenServer.call(counter, :get)
#   send(shell, {:got, self(), value})
#   receive do: (:set -> :ok)
#   GenServer.call(counter, {:set, value + 1})
#   send(shell, {:done, self()})
# end
# ```
#
# and the fix, one message that reads and writes inside the server:
#
# ```elixir
# def handle_call(:increment, _from, n), do: {:reply, n + 1, n + 1}
# ```
#
# Both the BEAM and actorlab print:
#
# ```text
# the count after two bumps: 1
# the count after two increments: 2
# ```
#
# One run of the fix shows nothing; *every* run of it is a proof, for this program. Here
# is every interleaving of three clients that increment:

# %%
fixed = explore(count_after, 3, "increment")
print(f"{fixed.runs} interleavings, complete: {fixed.complete}, "
      f"outcomes: {dict(fixed.outcomes)}")

# %% [markdown]
# Six interleavings (the 3! orders of the three `increment`s at the counter), every one
# counting to 3. `complete: True` means no interleaving was left out, so no order of
# these three clients can lose an update. That is a proof about this program, with
# three clients: `explore` cannot say what happens with a thousand, only that the
# argument (one message is handled whole) did not fail where it could have.

# %% [markdown]
# ## Exercise 1: check, then act, in one message
#
# A bank with a balance of 100. A withdrawal must never take more than the balance. This
# client checks first, and then withdraws by setting the new balance:

# %%
class Bank(GenServer):
    def init(self, balance):
        return ("ok", balance)

    def handle_call(self, request, from_, balance):
        if request == "balance":
            return ("reply", balance, balance)
        _, value = request                                 # ("set", value)
        return ("reply", "ok", value)


def withdraw(bank, amount):
    balance = GenServer.call(bank, "balance")
    if amount > balance:
        return "refused"
    GenServer.call(bank, ("set", balance - amount))
    return "ok"


def withdrawals(bank_class, withdraw):
    """ann withdraws 70 and bob 50, together: (ann's answer, bob's answer, the balance)."""
    GenServer.start(bank_class, 100, name="bank")
    shell = self_pid()
    ask = lambda amount: send(shell, (amount, withdraw("bank", amount)))
    spawn(lambda: [spawn(ask, 70, label="ann"), spawn(ask, 50, label="bob")], label="start")
    answers = dict(receive((ANY, ANY)) for _ in range(2))
    return answers[70], answers[50], GenServer.call("bank", "balance")


explore(withdrawals, Bank, withdraw).outcomes

# %% [markdown]
# In 8 of the 12 interleavings both withdrawals pass the check, and the bank pays out
# 120 from 100 (and says 30 or 50 are left). Checking first does not help, because the
# balance can change between the check and the act. (A bank that checks and withdraws in
# one message has fewer visible steps, so fewer interleavings: its check reports 4.)
#
# Write `SafeBank`, whose `("withdraw", amount)` call checks and subtracts in one message,
# answering `"ok"` (and taking the amount) or `"refused"` (and leaving the balance), and
# `safe_withdraw(bank, amount)`, which asks it. The check tries your bank alone, then
# explores ann and bob in every interleaving: one of them must be refused, every time.

# %% tags=["exercise", "ex-withdraw"]
class SafeBank(GenServer):
    def init(self, balance):
        return ("ok", balance)

    def handle_call(self, request, from_, balance):
        if request == "balance":
            return ("reply", balance, balance)
        ...   # your code here: answer ("withdraw", amount)


def safe_withdraw(bank, amount):
    ...   # your code here


# %% tags=["check"]
from actorlab.course.nb11 import check_withdraw

check_withdraw(SafeBank, safe_withdraw)

# %% [markdown] tags=["hint", "ex-withdraw"]
# <details><summary>Hint</summary>
#
# `withdraw` goes wrong between its two messages: the balance it checked can change before
# its `set` arrives. Do what `"increment"` did for the counter: check and act inside
# `handle_call`, which handles one message whole. For `("withdraw", amount)`, what is the
# answer, and what is the new balance, when the amount is more than the balance? And when
# it is not? `safe_withdraw` is then one call, and returns its answer.
# </details>

# %% [markdown] tags=["solution", "ex-withdraw"]
# <details><summary>Solution</summary>
#
# ```python
# class SafeBank(GenServer):
#     def init(self, balance):
#         return ("ok", balance)
#
#     def handle_call(self, request, from_, balance):
#         if request == "balance":
#             return ("reply", balance, balance)
#         _, amount = request                          # ("withdraw", amount)
#         if amount > balance:
#             return ("reply", "refused", balance)
#         return ("reply", "ok", balance - amount)
#
#
# def safe_withdraw(bank, amount):
#     return GenServer.call(bank, ("withdraw", amount))
# ```
# </details>

# %% [markdown]
# ## A deadlock that only some interleavings reach
#
# Two warehouses each hold some stock. Asked for the `"total"`, a warehouse calls the
# other for its `"stock"` and adds its own. Ann asks north for the total while bob asks
# south.

# %%
class Warehouse(GenServer):
    def init(self, state):
        return ("ok", state)                               # (stock, the other warehouse)

    def handle_call(self, request, from_, state):
        stock, other = state
        if request == "stock":
            return ("reply", stock, state)
        theirs = GenServer.call(other, "stock", "infinity")   # "total"
        return ("reply", stock + theirs, state)


def totals(ask="total"):
    """ann asks north, bob asks south, together: (ann's total, bob's total)."""
    GenServer.start(Warehouse, (10, "south"), name="north")
    GenServer.start(Warehouse, (20, "north"), name="south")
    shell = self_pid()

    def client(warehouse):
        if ask == "total":
            send(shell, (warehouse, GenServer.call(warehouse, "total", "infinity")))
        else:                                              # "each stock": add them up here
            send(shell, (warehouse, GenServer.call("north", "stock") +
                         GenServer.call("south", "stock")))

    spawn(lambda: [spawn(client, "north", label="ann"),
                   spawn(client, "south", label="bob")], label="start")
    return receive(("north", ANY))[1], receive(("south", ANY))[1]


# %% [markdown]
# **Predict, then run:** one at a time, each call answers 30. Together?

# %%
crossed = explore(totals)
crossed

# %% [markdown]
# 1 of the 5 interleavings never ends: the shell waits for an answer that no process
# will ever send (`DeadlockError`). Replay it: the warning comes the moment the cycle
# closes.

# %%
deadlock = crossed.replay("DeadlockError")

# %% [markdown]
# The wait-for graph says who waits for whom: each warehouse waits for a reply from the
# other, and each client for its warehouse.

# %%
deadlock.trace.wait_for_graph()

# %% [markdown]
# And the diagram, how it got there. North took ann's `total` and called south for its
# stock (step 27); but bob's `total` was already in south's mailbox (sent at step 23),
# so south took it first, and called north (step 31). Each `stock` request sits unread
# (✉) in the mailbox of a warehouse busy waiting. The race marked is between ann's
# `total` and south's `stock` request, two messages to north: had south's request come
# first, north, not yet busy, would have answered it, and both totals would be 30.

# %%
deadlock.trace.diagram(hide_system=True, processes=["ann", "north", "south", "bob"])

# %% [markdown]
# On the BEAM (`twins/interleaving_warehouse_totals.exs`), the same handler, with 100 ms
# of work before the call so that the two requests always cross there, and a timeout:
#
# ```elixir
# def handle_call(:total, _from, {stock, other, timeout} = state) do
#   Process.sleep(100)
#   theirs = GenServer.call(other, :stock, timeout)
#   {:reply, stock + theirs, state}
# end
# ```
#
# Asked one at a time, both answer 30; asked together, the timeouts end the wait, as
# crashes that reach both clients:
#
# ```text
# one at a time, north's total: 30
# one at a time, south's total: 30
# at the same time, ann: {exit, {{timeout, {GenServer, call, [south, stock, 300]}}, {GenServer, call, [north, total, 5000]}}}
# ```
#
# The fix: calls must go one way. Nothing that a warehouse does while handling a call
# may wait for a process that could be waiting for it. Here the warehouses stop calling
# each other, and the clients add up (notebook 08's remedy, the work in the caller):
# `totals("each stock")`. Prove it:

# %%
explore(totals, "each stock")

# %% [markdown]
# Every interleaving answers 30 and 30. The twin runs this fix on the BEAM too ("added
# up by ann: 30").

# %% [markdown]
# ## Failure on purpose
#
# So far every process lived and every message arrived. `actorlab.faults` injects what
# real systems suffer, on purpose and reproducibly:
#
# | fault | what it does |
# | --- | --- |
# | `faults.kill("accounts", after=1)` | ends the process named (or labelled) `accounts` right after its first `receive`, with the message in hand; `on=pattern` or `at=ms` instead |
# | `faults.drop(pattern)` | loses the messages that match (`nth=2`: only the second) |
# | `faults.delay(pattern, ms)` | delivers them `ms` later |
# | `faults.partition(["a"], ["b"], start=, end=)` | cuts the groups off from each other |
#
# `reset(faults=[...])` injects them into a node; `explore(scenario, faults=[...])`
# explores the scenario with each fault at every point where it could happen. Each fault
# is drawn as a magenta ⚡ and named in deadlock reports.
#
# Only the first is something a single BEAM node does: a process can be killed at any
# moment (`Process.exit(pid, :kill)`, a crash, a heap grown past its `max_heap_size`;
# running out of memory ends the whole node). The BEAM never loses or reorders a message
# between two live processes on one node. Lost and late messages come with distribution,
# between nodes, over a network.
#
# ### A server killed in the middle of a call
#
# Notebook 02's call, built from `send` and `receive`, to a server that is killed right
# after it takes the request:

# %%
def call(server, request):
    """Notebook 02's call: a request with our pid and a ref, then a wait for that ref."""
    ref = make_ref()
    send(server, ("call", self_pid(), ref, request))
    return receive((ref, ANY))[1]


def accounts(balance, work_ms=0):
    while True:
        _, caller, ref, (_, amount) = receive()    # ("call", caller, ref, ("pay", n))
        sleep(work_ms)                                     # the work, if any
        balance -= amount
        send(caller, (ref, "paid"))


# %% [markdown]
# **Predict, then run:** what does the shell's call do?

# %% tags=["raises-exception"]
reset(faults=[faults.kill("accounts", after=1)])
server = spawn(accounts, 100, label="accounts")
call(server, ("pay", 30))

# %% [markdown]
# It waits for a reply that will never come. actorlab can tell (nothing can run, no timer
# is pending) and names the fault that may be why; the BEAM cannot, and this call would
# wait forever, or until a timeout. A caller that **monitors** the server first hears of
# its death: the `DOWN` message carries the server's exit reason. Its `receive` waits for
# whichever comes first, the reply or the `DOWN`: `OneOf(pattern, pattern)` is a pattern
# that matches a message that matches any of its patterns.

# %%
def monitored_call(server, request):
    ref = monitor(server)
    send(server, ("call", self_pid(), ref, request))
    reply = receive(OneOf((ref, ANY), ("DOWN", ref, "process", ANY, ANY)))
    if reply[0] == "DOWN":
        raise Exit(reply[4])                               # exit with the server's reason
    demonitor(ref, flush=True)
    return reply[1]


reset(faults=[faults.kill("accounts", after=1)])
server = spawn(accounts, 100, label="accounts")
try:
    monitored_call(server, ("pay", 30))
except Exit as exit_:
    print("the call exited:", exit_.reason)
current_node().trace.diagram(processes=["shell", "accounts"])

# %% [markdown]
# `GenServer.call` does exactly this (notebook 05): it monitors the server, and exits
# with the server's reason. `twins/fault_kill_without_monitor.exs` stages the same kill
# by hand on the BEAM:
#
# ```elixir
# def monitored_call(server, request) do
#   ref = Process.monitor(server)
#   send(server, {:call, self(), ref, request})
#
#   receive do
#     {^ref, reply} ->
#       Process.demonitor(ref, [:flush])
#       reply
#
#     {:DOWN, ^ref, :process, _pid, reason} ->
#       exit(reason)
#   end
# end
# ```
#
# ```text
# call: the client got: {exit, timeout}
# monitored_call: the client got: {exit, killed}
# ```
#
# (The twin's unmonitored call waits 500 ms, then exits with `timeout`.)

# %% [markdown]
# ### A supervisor restarts it, under a new pid
#
# Now `accounts` is a GenServer under a supervisor, registered by name. Ann makes two
# payments. The stale pid of notebooks 06 and 07 is back if she looks the server up once,
# at the start, and keeps the pid; `explore` with `faults=[faults.kill("accounts")]` tries
# the kill after each `receive` that `accounts` makes, in every interleaving.

# %%
class Accounts(GenServer):
    def init(self, balance):
        return ("ok", balance)

    def handle_call(self, request, from_, balance):
        if request == "balance":
            return ("reply", balance, balance)
        _, amount = request                                # ("pay", amount)
        return ("reply", "paid", balance - amount)


def two_payments(ann_keeps):
    """A supervised "accounts"; ann pays 30 then 20, through `ann_keeps` ("the pid" she
    looked up at the start, or "the name"): what each payment answered."""
    child = {"id": "accounts",
             "start": (GenServer.start_link, (Accounts, 100), {"name": "accounts"})}
    Supervisor.start_link([child], strategy="one_for_one")
    shell = self_pid()
    server = whereis("accounts") if ann_keeps == "the pid" else "accounts"

    def ann():
        answers = []
        for amount in [30, 20]:
            try:
                answers.append(GenServer.call(server, ("pay", amount)))
            except Exit as exit_:
                answers.append(exit_.reason[0])            # the server's reason
        send(shell, tuple(answers))

    spawn(lambda: spawn(ann, label="ann"), label="start")
    return receive()


explore(two_payments, "the pid", faults=[faults.kill("accounts")])

# %% [markdown]
# Without a fault, both payments go through. Killed holding ann's first payment, the
# server takes the call down with it (`killed`), and the supervisor starts a new
# `accounts`, under a new pid; ann's second payment goes to the old pid (`noproc`).
# Killed holding the second payment, only that one fails. With the name:

# %%
by_name = explore(two_payments, "the name", faults=[faults.kill("accounts")])
by_name

# %% [markdown]
# Better, but not right: in one interleaving of the first kill, ann's second payment
# still finds no process. The name belongs to nobody between the kill and the restart,
# and ann can get there first:

# %%
by_name.replay("kill 'accounts' after its receive #1", ("killed", "noproc")).trace.diagram(
    hide_system=True, processes=["shell", "ann", "accounts", "Supervisor", "accounts#2"])

# %% [markdown]
# Ann hears of the kill (`DOWN`, step 29) and makes her second payment at once, before
# the supervisor has restarted `accounts` (its new process registers the name at step
# 32). Nobody has the name, so `GenServer.call` exits with `noproc` without sending
# anything: the diagram shows only her answers, at step 30.

# %% [markdown]
# On the BEAM the same gap exists; `twins/fault_kill_mid_call.exs` kills a supervised
# server while it handles a call, then waits before calling it by name again:
#
# ```elixir
# receive do: ({:handling, ^first} -> Process.exit(first, :kill))
# receive do: ({:client, answer} -> Twin.say("the client's call", answer))
# Process.sleep(100)
# now = Process.whereis(:accounts)
# ```
#
# ```text
# the client's call: {exit, {killed, {GenServer, call, [accounts, {pay, 5}, 5000]}}}
# accounts runs again, under a new pid: true
# a call by name reaches it: pong
# ```
#
# A supervisor does not make a crash invisible: callers see it, and for a moment the
# name leads nowhere. The last exercise makes clients that cope.

# %% [markdown]
# ### A lost reply, a timeout, and a retry
#
# Between nodes, a reply can be lost. Drop every reply `"paid"` (a reply is
# `(ref, answer)`, so the pattern is `(Ref, "paid")`):

# %%
reset(faults=[faults.drop((Ref, "paid"))])
_, bank = GenServer.start(Accounts, 100, name="bank")
try:
    GenServer.call(bank, ("pay", 10))
except Exit as exit_:
    print(exit_.reason)
print("the balance:", GenServer.call(bank, "balance"))

# %% [markdown]
# The call gave up after its 5 seconds (virtual: the cell took no time). Did the payment
# happen? The caller cannot tell: a lost request and a lost reply look the same from
# where it stands. Here it did (the balance is 90). So a client that tries again pays
# twice, unless the server recognises the second request as the first one again: unless
# it is **idempotent**. Each payment carries an id:

# %%
class PlainBank(GenServer):
    def init(self, balance):
        return ("ok", balance)

    def handle_call(self, request, from_, balance):
        if request == "balance":
            return ("reply", balance, balance)
        _, payment, amount = request                       # ("pay", payment id, amount)
        return ("reply", "paid", balance - amount)


def pay_with_a_retry(bank_class):
    """A client pays 10 (payment 1), waiting 100 ms for the answer, and once more if none
    comes; the balance after."""
    GenServer.start(bank_class, 100, name="bank")
    shell = self_pid()

    def client():
        try:
            GenServer.call("bank", ("pay", "payment 1", 10), 100)
        except Exit:
            GenServer.call("bank", ("pay", "payment 1", 10), 500)
        send(shell, "done")

    spawn(lambda: spawn(client, label="client"), label="start")
    receive("done")
    return GenServer.call("bank", "balance")


explore(pay_with_a_retry, PlainBank, faults=[faults.drop((Ref, "paid"))])

# %% [markdown]
# Without a fault, 90. With the first reply dropped, the retry charges again: 80. No
# fault injection is needed for this on the BEAM: a server slower than the caller's
# timeout is enough. `twins/fault_retry_payment.exs` gives each payment 200 ms of work
# and the caller 100 ms; the late reply is dropped (the caller stopped waiting), and the
# retry charges again, unless the bank remembers the ids it has paid:
#
# ```elixir
# def handle_call({:pay, id, amount}, _from, {balance, paid}) do
#   Process.sleep(200)
#
#   if MapSet.member?(paid, id) do
#     {:reply, :paid, {balance, paid}}
#   else
#     {:reply, :paid, {balance - amount, MapSet.put(paid, id)}}
#   end
# end
# ```
#
# ```text
# the first try: {exit, {timeout, {GenServer, call, [bank, {pay, "payment 1", 10}, 100]}}}
# PlainBank: the retry: paid
# PlainBank: the balance after paying 10: 80
# PlainBank: the shell's mailbox: []
# the first try: {exit, {timeout, {GenServer, call, [bank, {pay, "payment 1", 10}, 100]}}}
# IdempotentBank: the retry: paid
# IdempotentBank: the balance after paying 10: 90
# IdempotentBank: the shell's mailbox: []
# ```

# %% [markdown]
# ## Exercise 2: pay once, however often asked
#
# Finish `IdempotentBank`: its state is the balance and the set of payment ids already
# charged. A new id is charged and remembered; an id seen before is answered `"paid"`
# again, and charged nothing. The check has ann and bob pay 10 each at the same time
# (two ids, the same amount), each trying again when a reply does not come, in every
# interleaving, with each reply `"paid"` dropped in turn.

# %% tags=["exercise", "ex-idempotent"]
class IdempotentBank(GenServer):
    def init(self, balance):
        return ("ok", (balance, frozenset()))              # the balance, the ids paid

    def handle_call(self, request, from_, state):
        balance, paid = state
        if request == "balance":
            return ("reply", balance, state)
        _, payment, amount = request                       # ("pay", payment id, amount)
        ...   # your code here


# %% tags=["check"]
from actorlab.course.nb11 import check_idempotent

check_idempotent(IdempotentBank)

# %% [markdown] tags=["hint", "ex-idempotent"]
# <details><summary>Hint</summary>
#
# ann's and bob's payments differ only in their ids, and a retry carries the same id as
# its first try. So look the id up in `paid` before charging. Seen before: what is the
# answer, and which state do you return? New: both parts of the state change, the balance
# and the ids paid. A `frozenset` cannot change in place: which new set holds the old ids
# and this one?
# </details>

# %% [markdown] tags=["solution", "ex-idempotent"]
# <details><summary>Solution</summary>
#
# ```python
# class IdempotentBank(GenServer):
#     def init(self, balance):
#         return ("ok", (balance, frozenset()))
#
#     def handle_call(self, request, from_, state):
#         balance, paid = state
#         if request == "balance":
#             return ("reply", balance, state)
#         _, payment, amount = request
#         if payment in paid:
#             return ("reply", "paid", state)
#         return ("reply", "paid", (balance - amount, paid | {payment}))
# ```
# </details>

# %% [markdown]
# ### A partition
#
# Between nodes, the connection itself can go. `faults.partition(["client"],
# ["accounts"], start=50)` cuts the client off from the server 50 ms in: messages across
# the cut are lost, and every link and monitor across it fires with the reason
# `noconnection`. The server takes 100 ms to handle a payment; the client makes a
# monitored call:

# %%
reset(faults=[faults.partition(["client"], ["accounts"], start=50)])
server = spawn(accounts, 100, 100, label="accounts")
shell = self_pid()


def client():
    try:
        send(shell, monitored_call(server, ("pay", 30)))
    except Exit as exit_:
        send(shell, ("exit", exit_.reason))
    receive()                                              # then waits for more work


spawn(client, label="client")
print(receive())
sleep(100)                                                 # and the server's reply?
current_node().trace.diagram(processes=["shell", "client", "accounts"])

# %% [markdown]
# The `DOWN` came at 50 ms, with `noconnection`, while the server was still working; at
# 100 ms it paid, and its reply was lost at the cut (⚡). The client cannot know whether
# the payment happened. Only an idempotent retry, once the network is back, makes it
# safe.
#
# On the BEAM, a monitor of a process on another node fires in the same way when the
# connection to that node is lost, with the same reason, `noconnection` (checked by hand
# with two nodes on one machine, Elixir 1.14 and OTP 25). `GenServer.call` turns that
# `DOWN` into an exit with `{:nodedown, node}`, and so does actorlab's, with
# `("nodedown", "nonode@nohost")`: `twins/genserver_noconnection.exs` shows it on one node.

# %% [markdown]
# ## Where this comes from
#
# - **Concuerror** ([github.com/parapluu/Concuerror](https://github.com/parapluu/Concuerror))
#   does for Erlang what `explore` does here. It is a *stateless model checker*: it runs
#   a test function on the real BEAM over and over, each time in another interleaving of
#   its processes, skips the equivalent ones with the same partial-order reduction (its
#   default is the *optimal* variant, from the same paper; `--dpor source` is the one
#   `explore` implements), and reports every process that crashed and every deadlock,
#   with the interleaving that led there. This notebook's lost update for two clients,
#   written in Erlang with an assertion (`lost2_assert() -> 2 = lost(2).`), and run as
#
#   ```bash
#   concuerror -f lost_update.erl -t lost2_assert -k --show_races true -o lost2_assert_races.txt
#   ```
#
#   reports 8 errors in 12 interleavings. Its report begins (steps left out as `...`;
#   `<P>` is the test process, `<P.2.1>` and `<P.2.2>` the two clients):
#
#   ```text
#   Interleaving #1
#   --------------------------------------------------------------------------------
#   Errors found:
#   * At step 73 process <P> exited abnormally
#       Reason:
#         {{badmatch,1},
#          [{lost_update,lost2_assert,0,[{file,"lost_update.erl"},{line,57}]}]}
#   ...
#   --------------------------------------------------------------------------------
#   New races found:
#   *   14: <P.2.1>: {'$gen_call',{<P.2.1>,#Ref<0.2580332209.1913126913.104924>},get} = <P.1/counter> ! {'$gen_call',{<P.2.1>,#Ref<0.2580332209.1913126913.104924>},get}
#       17: <P.2.2>: {'$gen_call',{<P.2.2>,#Ref<0.2580332209.1913126913.104929>},get} = <P.1/counter> ! {'$gen_call',{<P.2.2>,#Ref<0.2580332209.1913126913.104929>},get}
#   ```
#
#   The assertion failed (a `badmatch`: the count was 1), and the races found are the
#   ones `explore` reverses, pairs of calls reaching the counter. 12 and 8 are twice `explore`'s 6 and 4 because the two
#   clients both end by sending the test process the same message, `done`: Concuerror
#   also tries both orders of those, where `explore` counts two equal messages as
#   commuting. `docs/concuerror.md`, in the course's repository, compares the two tools on
#   the same programs: how Concuerror was built and run on OTP 25, every count (4
#   clients: 60,480 interleavings for Concuerror, 24 × `explore`'s 2,520), the times,
#   and where `explore`'s model misses outcomes that Concuerror finds (the shell never
#   races with the processes it starts; a timeout fires only when nothing else can run).
# - **QuickCheck** (Claessen and Hughes, for Haskell; Quviq's for Erlang) and **PropEr**
#   (its open-source Erlang cousin) generate random tests from a property and shrink a
#   failure to a small one. Their state-machine tests run commands in parallel and check
#   that the results could come from some order of them (linearizability); Quviq's
#   **PULSE** scheduler chooses interleavings at random, reproducibly.
# - **FoundationDB** runs its whole database in one thread, on simulated machines, disks
#   and networks, deterministically from a seed, and injects faults on purpose
#   ("buggify"): a failure found in a night of simulation replays exactly from its seed.
#   actorlab's virtual time, seeds, schedules and faults are that idea, small.
# - **Jepsen** (Kyle Kingsbury) tests real distributed databases from outside: it
#   partitions networks, kills nodes and skews clocks while clients work, then checks the
#   history of their operations against the consistency the database promises.
#
# They differ in what they give up. Systematic exploration (Concuerror, `explore`) is
# exhaustive but only for small scenarios; random and simulation testing reach big ones,
# and find what is likely, not everything; Jepsen tests the real thing, and can only
# sample.

# %% [markdown]
# ## Exercise 3: prove your design
#
# A price list runs as `"prices"`, under a supervisor. Customers ask it for the price of
# each item in their basket. Ann and bob shop at the same time. This customer looks the
# server up once, then asks:

# %%
PRICES = {"tea": 3, "cake": 5}


class Prices(GenServer):
    def init(self, table):
        return ("ok", table)

    def handle_call(self, request, from_, table):
        _, item = request                                  # ("price", item)
        return ("reply", table[item], table)


def shop(customer):
    """ann (tea and cake) and bob (cake) shop together: what each customer returned."""
    child = {"id": "prices",
             "start": (GenServer.start_link, (Prices, PRICES), {"name": "prices"})}
    Supervisor.start_link([child], strategy="one_for_one")
    shell = self_pid()
    visit = lambda name, basket: send(shell, (name, customer(basket)))
    spawn(lambda: [spawn(visit, "ann", ["tea", "cake"], label="ann"),
                   spawn(visit, "bob", ["cake"], label="bob")], label="start")
    return receive(("ann", ANY))[1], receive(("bob", ANY))[1]


def naive_customer(items):
    prices = whereis("prices")                             # the pid, once
    return tuple(GenServer.call(prices, ("price", item)) for item in items)


def naive_shop():
    return shop(naive_customer)


explore(naive_shop, faults=[faults.kill("prices")])

# %% [markdown]
# Without a fault, all is well; with any kill, a customer crashes (a crashed customer
# sends nothing, so the shell waits forever: `DeadlockError`). Write `customer(items)`,
# returning the price of each item as a tuple, so that **every interleaving and every
# single kill of `"prices"`** ends with ann getting `(3, 5)` and bob `(5,)`. Change only
# the customer: the server and the supervisor stay as they are. The check explores your
# customer, as above, and shows the shortest run that goes wrong. It tries the orders in
# which a customer asks again before the supervisor has restarted `"prices"`, too.

# %% tags=["exercise", "ex-prove"]
def customer(items):
    ...   # your code here: the price of each item, asked of "prices", as a tuple


# %% tags=["check"]
from actorlab.course.nb11 import check_design

check_design(customer)

# %% [markdown] tags=["hint", "ex-prove"]
# <details><summary>Hint</summary>
#
# Three things go wrong, in this order: a pid kept from before the kill is stale (ask for
# `"prices"` by name at each call); a call to a server that is killed holding it exits
# (catch the `Exit` and ask again: asking a price twice is harmless); and a call made
# before the supervisor has restarted the server finds no process (pause before asking
# again: `sleep(10)` lets the supervisor go first). Try a few times: a customer that
# tries forever waits forever if the server never comes back.
# </details>

# %% [markdown] tags=["solution", "ex-prove"]
# <details><summary>Solution</summary>
#
# ```python
# def price(item):
#     for attempt in range(3):
#         try:
#             return GenServer.call("prices", ("price", item))
#         except Exit:
#             sleep(10)                # let the supervisor restart it
#     return GenServer.call("prices", ("price", item))
#
#
# def customer(items):
#     return tuple(price(item) for item in items)
# ```
# </details>

# %% [markdown]
# A retry is safe here because asking a price changes nothing; a retried payment is safe
# only against an idempotent bank (Exercise 2). And the proof is about this design:
# two customers, one kill at a time. `explore(..., max_faults=2)` tries every pair of
# kills, at a cost.

# %% [markdown]
# ## Key points
#
# - An interleaving is one order of the processes' visible operations. Operations that
#   touch nothing in common commute, so most orders are equivalent: `explore` runs one
#   of each kind (for bob writing to the shell, 2 runs where brute force makes 224),
#   and counts outcomes exactly.
# - Count, then look: `result.replay(outcome)` draws the shortest run that gave an
#   outcome, with the race that decided it marked.
# - A fix is proven, for a scenario, when every interleaving gives the right outcome
#   (`complete: True`). One message is atomic; a check and an act in two messages are
#   not.
# - Deadlocks can hide in rare interleavings. The wait-for graph names the cycle; calls
#   that go one way cannot form one.
# - Processes die, and between nodes messages are lost and connections cut. A monitor
#   turns a death into a message; a supervisor restarts, under a new pid, after a gap; a
#   timeout cannot tell a lost request from a lost reply, so retries need idempotent
#   servers.
# - Concuerror explores Erlang programs this way; QuickCheck/PropEr, FoundationDB and
#   Jepsen sample bigger systems, with random tests, simulation and real faults.
#
# **Back to the start:** [00 · Start here](00_start_here.ipynb)
# **Previous:** [10 · Where next](10_where_next.ipynb)
