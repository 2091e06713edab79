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
# # 08 · Bottlenecks and interleavings
#
# **Questions:** Why does one busy server make every client wait, and what can you do about
# it? If every run is deterministic, how do you find the order of events that breaks your
# program?
#
# **You will:** measure the latency and throughput of one server in virtual time as its
# clients grow; compare remedies with the same harness (the work done in the caller, a
# deferred reply with a Task, a pool of servers); watch two clients lose an update with
# get-then-set; replay one interleaving from a seed or a schedule; count every distinct
# interleaving with `explore`, and draw the shortest one that breaks; find a deadlock
# between two servers that only some interleavings reach.
#
# **Time:** 35 minutes. **Previous:** [07 · Supervisors](07_supervisors.ipynb)

# %%
from actorlab import (ANY, GenServer, Task, current_node, demonitor, explore, now, receive,
                      reset, self_pid, send, sleep, spawn)
from actorlab.course.nb08 import chart, measure

node = reset()

# %% [markdown]
# ## One server, everyone waits
#
# A currency converter keeps today's exchange rate in its state. Converting an amount takes
# 10 ms of computing, which `sleep(10)` stands for: virtual time, so it costs no real time.

# %%
WORK_MS = 10
RATE = 3


def convert(rate, amount):
    """The work: 10 ms of (virtual) computing, then the converted amount."""
    sleep(WORK_MS)
    return amount * rate


class Converter(GenServer):
    def init(self, rate):
        return ("ok", rate)

    def handle_call(self, request, from_, rate):
        if request == "rate":
            return ("reply", rate, rate)
        _, amount = request                            # ("convert", amount)
        return ("reply", convert(rate, amount), rate)


# %% [markdown]
# Three clients each ask for one conversion, all at 0 ms, and measure how long they waited
# for the answer: `now()` before the call, `now()` after.
#
# **Predict, then run:** each conversion takes 10 ms. What latency does each client see?

# %%
_, converter = GenServer.start(Converter, RATE)


def client(amount, shell):
    asked = now()
    answer = GenServer.call(converter, ("convert", amount))
    send(shell, (amount, answer, now() - asked))


for amount in [1, 2, 3]:
    spawn(client, amount, self_pid(), label=f"client {amount}")
for _ in range(3):
    amount, answer, latency = receive()
    print(f"client {amount}: got {answer} after {latency} ms")

# %% [markdown]
# 10, 20 and 30 ms. The converter handles one message at a time: while it converts for
# client 1, the other two requests wait in its mailbox. In the diagram, a request's arrow
# runs from the step it was sent to the step it was taken, so the longer the arrow, the
# longer it queued:

# %%
node.trace.diagram(hide_system=True, processes=["Converter", "client 1", "client 2", "client 3"])

# %% [markdown]
# ## Latency and throughput, measured
#
# Two numbers describe a server under load:
#
# - **latency**: how long one request takes, from asking to answer (what a user feels);
# - **throughput**: how many requests are answered per second (what the system delivers).
#
# `measure(setup, clients)` (from `actorlab.course.nb08`) does what the cell above did, at
# any size: on a fresh node it calls `setup()`, which starts the servers and returns
# `ask(amount)`, the function that makes one request; then it starts `clients` processes
# that each call `ask` 5 times in a row, all from 0 ms, and records every latency.
# `chart(runs)` prints the runs with a bar for each number.

# %%
def one_converter():
    _, converter = GenServer.start(Converter, RATE)
    return lambda amount: GenServer.call(converter, ("convert", amount))


measure(one_converter, clients=4)

# %% [markdown]
# **Predict, then run:** with twice the clients, what happens to the mean latency? To the
# throughput?

# %%
single = [measure(one_converter, clients) for clients in [1, 2, 4, 8, 16]]
chart(single)

# %% [markdown]
# The throughput is 100 requests a second however many clients ask: one process doing
# 10 ms of work per request can finish at most 1000 / 10 of them a second. Each new client
# adds only waiting: the latency grows in step with the number of clients, because every
# request queues behind one request from each of the others.
#
# This is the other side of what keeps a server's state safe: everything sent to one
# process is serialised, so a server is a bottleneck whenever its requests carry real work.

# %% [markdown]
# ## Remedies
#
# ### Do the work in the caller
#
# The converter's only unique job is to know the rate; the multiplication could happen
# anywhere. So clients ask for the rate (no work, an instant answer) and convert
# themselves, in parallel:

# %%
def convert_in_caller():
    _, converter = GenServer.start(Converter, RATE)

    def ask(amount):
        rate = GenServer.call(converter, "rate")       # quick: the server does no work
        return convert(rate, amount)                   # the 10 ms happen in the client
    return ask


measure(convert_in_caller, clients=8)

# %% [markdown]
# ### Reply later: hand the work to a Task
#
# Sometimes the work must start in the server (it needs the state, or the server decides
# what to do). Notebook 05's deferred reply helps: `handle_call` starts a `Task` to do the
# work, remembers who asked, and returns `("noreply", ...)` at once, so the server is free
# for the next request.
#
# What the pieces do, in the order they happen:
#
# 1. `Task.async_(f, *args)` runs `f(*args)` in a new process, linked to the server and
#    monitored by it (monitors: notebook 06). It is Elixir's `Task.async`; `async` is a
#    word Python keeps for itself, hence the `_`.
# 2. `task.ref` is that monitor's ref. `handle_call` keeps it, with `from_`, the caller
#    to answer.
# 3. The task's result comes back to the server as a plain message, `(ref, result)`, so
#    `handle_info` gets it, and answers the caller with `GenServer.reply`.
# 4. The task then ends, and its monitor would send the server a `DOWN` too.
#    `demonitor(ref, flush=True)` stops the monitor and removes that `DOWN` from the
#    mailbox if it is already there.
#
# The process that started a task can also just wait for its result:
# `Task.await_(task, timeout)` (Elixir's `Task.await`) returns it, or exits if the task
# crashes or the timeout (5000 ms by default) passes first. It waits as a call does, so a
# server that awaits its task is as busy as one that does the work itself. That is why
# the result comes here as a message instead.

# %%
class TaskConverter(GenServer):
    def init(self, rate):
        return ("ok", {"rate": rate, "waiting": {}})

    def handle_call(self, request, from_, state):
        _, amount = request                            # ("convert", amount)
        task = Task.async_(convert, state["rate"], amount)
        return ("noreply", {**state, "waiting": {**state["waiting"], task.ref: from_}})

    def handle_info(self, message, state):
        ref, result = message                          # a task's result
        demonitor(ref, flush=True)                     # and forget that task's DOWN
        waiting = dict(state["waiting"])
        GenServer.reply(waiting.pop(ref), result)
        return ("noreply", {**state, "waiting": waiting})


def task_converter():
    _, converter = GenServer.start(TaskConverter, RATE)
    return lambda amount: GenServer.call(converter, ("convert", amount))


measure(task_converter, clients=8)

# %% [markdown]
# In Elixir (`twins/interleaving_task_deferred.exs`):
#
# ```elixir
# def handle_call(:slow, from, waiting) do
#   task = Task.async(fn -> Process.sleep(500); :done end)
#   {:noreply, Map.put(waiting, task.ref, from)}
# end
#
# def handle_call(:ping, _from, waiting), do: {:reply, :pong, waiting}
#
# def handle_info({ref, result}, waiting) do
#   Process.demonitor(ref, [:flush])
#   {from, waiting} = Map.pop(waiting, ref)
#   GenServer.reply(from, result)
#   {:noreply, waiting}
# end
# ```
#
# That twin asks a server for 500 ms of slow work, and 100 ms later sends it a `:ping`
# with a 200 ms timeout. The server that works inside `handle_call` lets the ping time
# out; this one answers `:pong` at once. The BEAM and actorlab both print:
#
# ```text
# blocking: a ping while the slow call works: {exit, {timeout, {GenServer, call, [blocking, ping, 200]}}}
# blocking: the slow call: done
# blocking: messages left in the shell's mailbox: []
# deferred: a ping while the slow call works: pong
# deferred: the slow call: done
# deferred: messages left in the shell's mailbox: []
# ```
#
# ### Compare
#
# The same harness, 8 clients, every setup:

# %%
chart([measure(one_converter, 8, name="one converter"),
       measure(convert_in_caller, 8, name="work in the caller"),
       measure(task_converter, 8, name="Task, reply later")], by="name")

# %% [markdown]
# Both remedies give 8 times the throughput, because 8 conversions now run at once
# instead of one. Neither is free:
#
# - **Work in the caller** copies the server's state out. Fine for a rate that changes
#   rarely; wrong if the work must change the state, or if the copy may go stale.
# - **A Task per request** keeps the state in the server but starts as many tasks as there
#   are requests: a thousand clients mean a thousand conversions at once, with nothing to
#   push back. And `Task.async` links each task to the server: a crash in either end
#   takes down the other.
#
# A **pool** sits in between: a fixed number of servers share the work, so at most that
# many conversions run at once. The simplest way to share it is to partition the requests
# by a key, here the amount: the request for `amount` goes to server `amount % 4`.
# (Elixir 1.14's `PartitionSupervisor` starts such partitions for you; pool libraries
# such as poolboy lend each request whichever worker is idle.)

# %% [markdown]
# ## Exercise 1: a pool of four
#
# Write `pool()`: start 4 `Converter`s, and return `ask(amount)`, which sends the request
# for `amount` to one of them (pick it by `amount % 4`). The check measures your pool with
# 8 clients and compares it with one converter.

# %% tags=["exercise", "ex-pool"]
def pool():
    converters = ...   # your code here: start 4 Converters, keep their pids

    def ask(amount):
        ...   # your code here: call one of them with ("convert", amount)
    return ask


# %% tags=["check"]
from actorlab.course.nb08 import check_pool

check_pool(pool)

# %% [markdown] tags=["hint", "ex-pool"]
# <details><summary>Hint</summary>
#
# Start the four converters once, in `pool()`, before defining `ask`, and keep their pids
# (`GenServer.start` answers `("ok", pid)`). Then `ask` picks one from what it is given,
# not from a counter it keeps (eight clients call it at once): with four converters, what
# could the amount say about which one to use? Return what the converter answers.
# </details>

# %% [markdown] tags=["solution", "ex-pool"]
# <details><summary>Solution</summary>
#
# ```python
# def pool():
#     converters = [GenServer.start(Converter, RATE)[1] for _ in range(4)]
#
#     def ask(amount):
#         return GenServer.call(converters[amount % 4], ("convert", amount))
#     return ask
# ```
# </details>

# %% [markdown]
# ## Races between calls
#
# A server serialises its messages, but not your *conversations* with it. Here is a
# counter with `get` and `set`, and a `bump` that reads the count and writes it back one
# higher: two calls.

# %%
class Counter(GenServer):
    def init(self, n):
        return ("ok", n)

    def handle_call(self, request, from_, n):
        if request == "get":
            return ("reply", n, n)
        _, value = request                             # ("set", value)
        return ("reply", "ok", value)


def bump(counter):
    count = GenServer.call(counter, "get")
    GenServer.call(counter, ("set", count + 1))


def ann(counter):
    bump(counter)


def bob(counter):
    GenServer.call(counter, "get")                     # bob looks at the count first
    bump(counter)


def launcher(counter):
    spawn(ann, counter)
    spawn(bob, counter)


# %% [markdown]
# Why a launcher? From a cell, each `spawn` runs the new process, and all it sets off,
# until everything waits; only then does the next line run. A process that spawns two
# others only puts them in the run queue, so ann and bob start together, and their
# messages interleave.
#
# **Predict, then run:** ann bumps once, bob bumps once. What is the count?

# %%
def race():
    """Start a counter at 0, run ann and bob together; the count once both are done."""
    _, counter = GenServer.start(Counter, 0)
    spawn(launcher, counter)                           # runs ann and bob to the end
    return GenServer.call(counter, "get")


reset()
race()

# %% [markdown]
# Two bumps, count 2: it works. Or did this run just happen to pick a good order?
#
# ## One interleaving: a seed, a schedule
#
# actorlab's scheduler is deterministic: its run queue is first in, first out, so a
# program runs the same way every time. `reset(seed=n)` changes one thing: whenever
# several processes are runnable, the scheduler picks the next one at random, from a
# random generator seeded with `n`. Same seed, same order; another seed, maybe another
# order. (`seed=None`, the default, keeps first come, first served.) Messages between two
# processes still arrive in the order they were sent, and time still moves the same way.

# %%
def say(word, heard):
    heard.append(word)


def three(heard):
    for word in ["one", "two", "three"]:
        spawn(say, word, heard)


for seed in [None, 1, 4, 5, 7, 1]:
    reset(seed=seed)
    heard = []
    spawn(three, heard)
    print(f"seed {seed}:", *heard)

# %% [markdown]
# A node writes down each choice its scheduler makes, as `node.schedule` (the number of
# the pid it chose each time, `*n` for n times in a row), and `reset(schedule=...)` makes
# the same choices again: one interleaving, replayed exactly, however it was first found.
# Seed 2 happens to lose an update:

# %%
node = reset(seed=2)
print("count", race(), "with the schedule", node.schedule)

# %%
reset(schedule=node.schedule)
race()

# %% [markdown]
# Same choices, same interleaving, the same lost update, every time: a bug found this way
# can be replayed until it is fixed. On the BEAM, processes run in parallel on every core
# and the order changes from run to run, but you cannot ask for the bad one again.
#
# ## Every interleaving: `explore`
#
# A loop over seeds samples interleavings at random: many seeds give the same one, and a
# rare one may take thousands of seeds to turn up, or never. `explore(scenario)` runs
# `scenario()` once for each *distinct interleaving* and counts what it returns (or the
# error it raises), as Concuerror does for Erlang. Two runs are the same interleaving
# when they differ only in the order of operations that commute: operations of different
# processes that touch nothing in common, such as ann's `get` reaching the counter and a
# reply reaching bob, lead to the same state in either order, so `explore` runs one
# order of them. It reorders only operations that *depend* on each other, such as two
# messages to the same mailbox: those are the choices that can change the result.
#
# Each run starts on a fresh node, so the scenario starts its own servers, as `race` does,
# and its processes must start together from a process, as the launcher does.
#
# **Predict, then run:** how many distinct interleavings do ann and bob have, and in how
# many is an update lost?

# %%
result = explore(race)
result

# %% [markdown]
# 6 of the 10 distinct interleavings lose an update; the default order is one of the 4
# that do not. Every count is exact, and the same each time you run it. (The table's last
# column, a schedule that starts with `p:`, is explained below.)
#
# How much does counting only distinct interleavings save? `method="all"` is brute force:
# at every choice it tries every process that could run, equivalent orders included.
# Stopped after 1,000 runs:

# %%
explore(race, method="all", max_runs=1000)

# %% [markdown]
# A thousand runs, each an interleaving in the table's words, and no lost update yet: 998
# of them were equivalent to an earlier one (the same interleaving, with operations that
# commute in another order), so brute force met only 2 of the 10 *distinct* interleavings,
# both counting 2. Given 5,000 runs (about a
# minute on the course's 2-core test machine), it meets 4 of them, and still no lost
# update. `explore`'s default, dynamic partial-order reduction, needed 10 runs for all of
# them, each once.
#
# For each outcome, the table gives the schedule of its shortest interleaving (with `p:`
# in front, because explore stops processes before every send and receive; such a
# schedule replays with `reset(schedule=...)` too), and `result.replay(outcome)` runs that
# one again, on a node of its own, to draw:

# %%
result.replay(1).trace.diagram(hide_system=True, processes=["ann", "Counter", "bob"])

# %% [markdown]
# Follow the replies: bob looks (0 at step 16); then his `get` (step 21) and ann's
# (step 23) both reach the counter before either `set`, and both answer 0 (steps 26
# and 28). Both set 1. Each message was handled alone, and still the conversation broke:
# between ann's `get` and her `set`, bob got in. The dashed orange line marks the race
# that decides it: bob's `get` (step 21) and ann's `set` (step 36), two messages to the
# counter. Whichever it takes first decides whether bob reads 0 or 1.
#
# The BEAM does the same. `twins/interleaving_lost_update.exs` forces that order with
# explicit messages (each client waits for the shell's go-ahead before its get, and again
# before its set), so the run is the same every time:
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
# and both the BEAM and actorlab print:
#
# ```text
# ann got: 0
# bob got: 0
# ann set: done
# bob set: done
# the count after two bumps: 1
# the count after two increments: 2
# ```
#
# The last line is the fix. One message, `increment`, does the read and the write inside
# the server. No other message can come between them, because the server handles one
# message at a time: the same property that made it a bottleneck makes it **atomic**.

# %% [markdown]
# ## Exercise 2: a counter that loses nothing
#
# Give `SafeCounter` an `"increment"` call that adds 1 and answers the new count, and write
# `safe_bump` as that one call, nothing else. The check runs the race above with your
# counter and `safe_bump`
# (ann bumps; bob looks, then bumps) in every distinct interleaving: each must end at 2.

# %% tags=["exercise", "ex-atomic"]
class SafeCounter(GenServer):
    def init(self, n):
        return ("ok", n)

    def handle_call(self, request, from_, n):
        if request == "get":
            return ("reply", n, n)
        ...   # your code here: answer "increment"


def safe_bump(counter):
    ...   # your code here


# %% tags=["check"]
from actorlab.course.nb08 import check_atomic

check_atomic(SafeCounter, safe_bump)

# %% [markdown] tags=["hint", "ex-atomic"]
# <details><summary>Hint</summary>
#
# The lost update happens between two messages: a `get`, then a `set`, with another
# client's messages in between. Make the read and the write one message, handled whole in
# `handle_call`: for `"increment"`, what is the answer, and what is the new state? Then
# `safe_bump` needs one call.
# </details>

# %% [markdown] tags=["solution", "ex-atomic"]
# <details><summary>Solution</summary>
#
# ```python
# class SafeCounter(GenServer):
#     def init(self, n):
#         return ("ok", n)
#
#     def handle_call(self, request, from_, n):
#         if request == "get":
#             return ("reply", n, n)
#         if request == "increment":
#             return ("reply", n + 1, n + 1)
#
#
# def safe_bump(counter):
#     GenServer.call(counter, "increment")
# ```
# </details>

# %% [markdown]
# ## A deadlock that only some interleavings reach
#
# Two servers. `accounts` holds a balance; to take a payment, it calls `ledger` to record
# it. `ledger` holds the recorded payments; for a report, it calls `accounts` for the
# balance. Each calls the other, but never in the same request, and the servers wait as
# long as it takes (`timeout=None`, OTP's `:infinity`).

# %%
class Accounts(GenServer):
    def init(self, balance):
        return ("ok", balance)

    def handle_call(self, request, from_, balance):
        if request == "balance":
            return ("reply", balance, balance)
        _, amount = request                            # ("pay", amount)
        GenServer.call("ledger", ("record", amount), timeout=None)
        return ("reply", "paid", balance - amount)


class Ledger(GenServer):
    def init(self, entries):
        return ("ok", entries)

    def handle_call(self, request, from_, entries):
        if request == "report":
            balance = GenServer.call("accounts", "balance", timeout=None)
            return ("reply", (balance, entries), entries)
        _, amount = request                            # ("record", amount)
        return ("reply", "ok", entries + [amount])


# %% [markdown]
# Ann pays 30; Bob looks at the balance, then asks for a report. Both start together.

# %%
def ann_pays(shell):
    send(shell, ("ann", GenServer.call("accounts", ("pay", 30))))


def bob_reports(shell, report_from):
    GenServer.call("accounts", "balance")
    send(shell, ("bob", GenServer.call(report_from, "report")))


def start_clients(shell, report_from):
    spawn(ann_pays, shell, label="ann")
    spawn(bob_reports, shell, report_from, label="bob")


def payday(servers=(Accounts, Ledger), report_from="ledger"):
    accounts, ledger = servers
    GenServer.start(accounts, 100, name="accounts")
    GenServer.start(ledger, [], name="ledger")
    spawn(start_clients, self_pid(), report_from)
    receive(("ann", ANY))
    _, (balance, entries) = receive(("bob", ANY))
    return f"report: balance {balance}, entries {entries}"


reset()
payday()

# %% [markdown]
# It works. **Predict, then run:** in how many of its distinct interleavings does it
# still work?

# %%
paydays = explore(payday)
paydays

# %% [markdown]
# 8 of the 9 distinct interleavings give a report: 2 from before the payment, 6 from
# after it. One never finishes: `DeadlockError`. The table's schedule replays it, with
# the warnings on:

# %% tags=["raises-exception"]
reset(schedule=paydays.example("DeadlockError"))
payday()

# %% [markdown]
# The cycle warning came the moment `ledger` started waiting for `accounts`, which was
# already waiting for `ledger`. Ann and Bob gave up after their calls' 5 s timeout; the
# two servers wait for each other for good:

# %%
current_node().trace.wait_for_graph()

# %% [markdown]
# The diagram, drawn from `paydays.replay` (which runs the interleaving again, so the
# warning comes again), shows how it got there. `accounts` answered Bob's balance, then
# took Ann's payment and called `ledger` (step 34); but Bob's report, sent at step 32,
# had reached `ledger` first, so `ledger` took it and called `accounts` (step 38). Each request sits unread (✉) in a mailbox whose
# owner is busy waiting. The dashed orange line marks the race that decides it: Ann's
# payment (step 23) and the ledger's call for the balance (step 38), two messages to
# `accounts`. Had the ledger's come first, `accounts` would have answered it at once, and
# the report would have said 100.

# %%
paydays.replay("DeadlockError").trace.diagram(
    hide_system=True, max_rows=30, processes=["shell", "accounts", "ledger", "ann", "bob"])

# %% [markdown]
# On the BEAM, `twins/interleaving_mutual_call.exs` gives each handler 100 ms of work, so
# that a payment and a report always cross:
#
# ```elixir
# def handle_call({:pay, amount}, _from, balance) do
#   Process.sleep(100)
#   :ok = GenServer.call(:ledger, {:record, amount}, 200)
#   {:reply, :paid, balance - amount}
# end
# ```
#
# ```elixir
# def handle_call(:report, _from, entries) do
#   Process.sleep(100)
#   balance = GenServer.call(:accounts, :balance, 1000)
#   {:reply, {balance, entries}, entries}
# end
# ```
#
# With timeouts there, the wait ends, but as a crash that spreads: `accounts` exits when
# its call times out, `ledger`'s call then fails because `accounts` is gone, and both
# clients get the exits. Both systems print:
#
# ```text
# at the same time, pay: {exit, {{timeout, {GenServer, call, [ledger, {record, 30}, 200]}}, {GenServer, call, [accounts, {pay, 30}, 5000]}}}
# at the same time, report: {exit, {{{timeout, {GenServer, call, [ledger, {record, 30}, 200]}}, {GenServer, call, [accounts, balance, 1000]}}, {GenServer, call, [ledger, report, 5000]}}}
# ```
#
# ### Breaking the cycle
#
# A tempting fix: `accounts` *casts* the record to `ledger` instead of calling, so it never
# waits. Explore it:

# %%
class CastingAccounts(Accounts):
    def handle_call(self, request, from_, balance):
        if request == "balance":
            return ("reply", balance, balance)
        _, amount = request
        GenServer.cast("ledger", ("record", amount))    # no waiting
        return ("reply", "paid", balance - amount)


class CastLedger(Ledger):
    def handle_cast(self, message, entries):           # ("record", amount)
        return ("noreply", entries + [message[1]])


def casting_payday():
    return payday(servers=(CastingAccounts, CastLedger))


explore(casting_payday)

# %% [markdown]
# No deadlock, and a new bug: in 2 of the 8 distinct interleavings the report says the
# balance is 70 with no payment recorded. The money left the account while the record was
# still in the ledger's mailbox. Exploring found it at once.
#
# The sound fix keeps the calls but makes them go **one way**. Only `accounts` calls
# `ledger`; `ledger` calls nobody. The report, which needs both, moves to `accounts` (Bob
# now asks `accounts` for it): while it asks the ledger for the entries, no payment can
# come between.

# %%
class OneWayAccounts(GenServer):
    def init(self, balance):
        return ("ok", balance)

    def handle_call(self, request, from_, balance):
        if request == "balance":
            return ("reply", balance, balance)
        if request == "report":
            entries = GenServer.call("ledger", "entries", timeout=None)
            return ("reply", (balance, entries), balance)
        _, amount = request                            # ("pay", amount)
        GenServer.call("ledger", ("record", amount), timeout=None)
        return ("reply", "paid", balance - amount)


class OneWayLedger(GenServer):
    def init(self, entries):
        return ("ok", entries)

    def handle_call(self, request, from_, entries):
        if request == "entries":
            return ("reply", entries, entries)
        _, amount = request                            # ("record", amount)
        return ("reply", "ok", entries + [amount])


def one_way_payday():
    return payday(servers=(OneWayAccounts, OneWayLedger), report_from="accounts")


explore(one_way_payday)

# %% [markdown]
# Only the two consistent reports, in all 12 distinct interleavings. Calls that go one way, like the
# layers of a program, can never form a cycle.

# %% [markdown]
# ## Key points
#
# - A process handles one message at a time, so one server serialises all its requests:
#   its throughput is capped at 1 / (work per request), and latency grows with every
#   client. Measure both, in virtual time, as the load grows.
# - Remedies move the work: into the caller, into a Task with a deferred reply, or into a
#   pool of servers. Each buys throughput with something: stale copies, unbounded
#   concurrency, a fixed size.
# - Each message is atomic; a conversation of several calls is not. Get-then-set loses
#   updates; one `increment` message cannot.
# - A seed or a schedule (`reset(seed=n)`, `reset(schedule=...)`) replays one interleaving
#   exactly. `explore(scenario)` runs every distinct interleaving once (operations that
#   commute are not reordered) and counts the outcomes; `result.replay(outcome)` draws
#   the shortest one that gave it. Brute force needs far more runs for the same answer.
# - Servers that call each other can deadlock in only some interleavings. Make calls go
#   one way, and explore again: a fix can create a new race.
#
# **Next:** [09 · Capstone](09_capstone.ipynb)
# **Previous:** [07 · Supervisors](07_supervisors.ipynb)
