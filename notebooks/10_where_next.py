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
# # 10 · Where next
#
# **Questions:** How do the ideas of this course look in Elixir/OTP proper, and in Python's
# actor libraries? Does the self-call deadlock follow you there? What should I read next?
#
# **You will:** look back at the course as one map; match actorlab's names to Elixir/OTP,
# Pykka, asyncio and Ray; make a Pykka actor and an asyncio actor call themselves and see
# that only a timeout ends the wait; see what OTP refuses and what it cannot see; write an
# asyncio call with a timeout; sort scenarios into "ok", "deadlock" and "refused"; pick
# what to read next.
#
# **Time:** 25 minutes. **Previous:** [09 · Capstone](09_capstone.ipynb)

# %% [markdown]
# ## The course as a map
#
# | notebook | the idea | the sentence to keep |
# | --- | --- | --- |
# | [00 · Start here](00_start_here.ipynb) | the shell, diagrams, checks | your cells run in a process too |
# | [01 · Processes and mailboxes](01_processes_and_mailboxes.ipynb) | `spawn`, `send`, `receive` | `send` never waits; `receive` takes the oldest message that matches |
# | [02 · Building `call` from `send` and `receive`](02_building_call.ipynb) | a call from two asynchronous steps | a call is a `send` with your pid and a ref, then a `receive` for that ref |
# | [03 · The self-call deadlock](03_the_self_call_deadlock.ipynb) | waiting for yourself | while a process handles a message, nobody reads its mailbox |
# | [04 · A generic server](04_a_generic_server.ipynb) | one loop, many servers | the loop is generic; the callbacks are yours |
# | [05 · GenServer](05_genserver.ipynb) | OTP's server | return tuples say what happens next; a process, not an object |
# | [06 · Finding processes](06_finding_processes.ipynb) | names, registries, monitors | a pid goes stale when its process is replaced; a name does not |
# | [07 · Supervisors](07_supervisors.ipynb) | restarts | let it crash: a supervisor restarts the child from its start arguments |
# | [08 · Bottlenecks and interleavings](08_bottlenecks_and_interleavings.ipynb) | one server serialises; races | explore interleavings before your users do |
# | [09 · Capstone](09_capstone.ipynb) | a whole system | cast to the many, call the few, never call in a circle |
#
# Everything in this notebook leans on 02 and 03: **a call is a message plus a wait**, and
# a process that waits for itself waits forever. That is true in every actor system.
# What differs is who notices.

# %% [markdown]
# ## One table, five systems
#
# | actorlab | Elixir/OTP | Pykka | asyncio | Ray |
# | --- | --- | --- | --- | --- |
# | `spawn(fn)` | `spawn(fn)` | `A.start()`: a thread | `create_task(loop(inbox))` | `A.remote()`: a process |
# | a `Pid` | a pid | an `ActorRef`, or a proxy | the inbox, an `asyncio.Queue` | an actor handle `h` |
# | `send`, `GenServer.cast` | `send/2`, `GenServer.cast/2` | `ref.tell(msg)` | `inbox.put_nowait(msg)` | `h.f.remote()`, result unused |
# | `receive(pattern)`: selective | `receive`: selective | `on_receive(msg)`: in order | `await inbox.get()`: in order | one method at a time |
# | `GenServer.call` | `GenServer.call/3` | `ref.ask(msg)`, `proxy.f().get()` | a future in the request, awaited | `ray.get(h.f.remote())` |
# | default call timeout 5000 ms | 5000 ms | none: waits forever | none | none |
# | `GenServer.reply`, later | `GenServer.reply/2` | none: the reply is the return value | set the future later | none: the reply is the return value (an `async def` method may `await` first) |
# | a send to a dead pid is dropped | dropped | `tell` raises `ActorDeadError` | queued, never read | `ray.get` raises `RayActorError` |
# | links, monitors, supervisors | the same | none | none | restarts (`max_restarts`) |
# | `register`, `Registry` | the same | `ActorRegistry` | a dict of your own | `ray.get_actor(name)` |
# | **a server calls itself:** exits with `calling_self` at once | exits with `calling_self` at once | hangs; `get(timeout=)` raises `pykka.Timeout` | hangs; `wait_for` raises `TimeoutError` | hangs; `ray.get(timeout=)` raises `GetTimeoutError` |
# | **a longer cycle** (a calls b, b calls a): a warning at once, then the call's timeout (a `DeadlockError` if nothing else can run) | the call's timeout | hangs, or the timeout above | hangs, or the timeout above | hangs, or the timeout above |
#
# (`A` is an actor class, `f` one of its methods, `h` a Ray actor handle.)
#
# The last two rows are the subject of the rest of this notebook. Let us run them, system by
# system.

# %% [markdown]
# ## Elixir/OTP: one refusal, and a timeout
#
# Almost everything you used here has the same name in Elixir, because actorlab copied it. The
# BEAM adds what a notebook cannot: processes spread over every core and preempted by
# the scheduler, a separate heap per process (messages are copied, large binaries apart),
# pids that reach other
# machines, and tools to look inside a running system.
#
# About deadlocks, OTP does exactly one thing. In Elixir (`twins/where_next_call_cycles.exs`):
#
# ```elixir
# def handle_call(:summary, _from, numbers) do
#   mean = GenServer.call(self(), :mean)
#   {:reply, {:summary, length(numbers), mean}, numbers}
# end
# ```
#
# That call exits at once with `calling_self` (Elixir's check since 1.3; Erlang's
# `gen_server:call` has it too since OTP 25). The twin runs it on the BEAM
# and on actorlab and checks they agree; here is actorlab's side:

# %%
from actorlab import Exit, GenServer, now, reset, self_pid

node = reset(log=None)


class Stats(GenServer):
    def init(self, numbers):
        return ("ok", numbers)

    def handle_call(self, request, from_, numbers):
        if request == "mean":
            return ("reply", sum(numbers) / len(numbers), numbers)
        mean = GenServer.call(self_pid(), "mean")             # "summary": call myself
        return ("reply", ("summary", len(numbers), mean), numbers)


_, stats = GenServer.start(Stats, [1, 2, 3, 6])
try:
    GenServer.call(stats, "summary")
except Exit as exit_:
    print(exit_.reason)

# %% [markdown]
# A refusal is the best a runtime can do without seeing the whole system: a process
# calling its own pid can never be answered, whatever happens elsewhere. A cycle through
# a second server is different. In the twin, `a` calls `b` (100 ms timeout) and `b` calls
# `a` back (500 ms):
#
# ```elixir
# def handle_call(:work, _from, other) do
#   {:reply, GenServer.call(other, :check, 100), other}
# end
#
# def handle_call(:check, _from, other) do
#   {:reply, GenServer.call(other, :confirm, 500), other}
# end
# ```
#
# **Predict, then run:** OTP cannot see this cycle. actorlab can. Does actorlab stop it?

# %%
node = reset()


class Relay(GenServer):
    def init(self, other):
        return ("ok", other)

    def handle_call(self, request, from_, other):
        if request == "work":
            return ("reply", GenServer.call(other, "check", 100), other)
        return ("reply", GenServer.call(other, "confirm", 500), other)


GenServer.start(Relay, "b", name="a")
GenServer.start(Relay, "a", name="b")
try:
    GenServer.call("a", "work", 1000)
except Exit as exit_:
    print(exit_.reason)
print("after", now(), "ms")

# %% [markdown]
# It warns, at the moment the cycle closes, and then lets the program run as the BEAM
# would: after 100 ms, `a`'s call times out and `a` crashes; `b`'s call to `a` ends with
# it, and the shell's call exits with `a`'s reason, wrapped, as OTP does, in what the
# shell's own call was: `(a's reason, ('GenServer', 'call', ['a', 'work', 1000]))`. On the
# BEAM the run ends with the same reason (the twin checks it), and nothing warns about the
# cycle. The diagram:

# %%
node.trace.diagram(hide_system=True, processes=["shell", "a", "b"], max_rows=19)

# %% [markdown]
# ## Pykka: an actor per thread, and no warning
#
# [Pykka](https://pykka.readthedocs.io/) gives each actor a thread and an inbox.
# `ref.tell(msg)` is a send; `ref.ask(msg)` is a call: it puts the message in the inbox
# with a future and waits on the future, **forever** unless you give a `timeout`
# (in seconds). A proxy turns method calls into asks: `proxy.mean()` sends a message and
# returns a future; `.get()` waits for it.
#
# Here is notebook 03's statistics server, Pykka style. `summary` reaches the mean
# through a proxy to its own actor, as you would call a method on another actor. We give
# that inner wait 0.2 s, because without a timeout this cell would never finish, and the
# actor's thread would stay stuck for the life of the kernel.

# %%
import pykka


class PykkaStats(pykka.ThreadingActor):
    def __init__(self, numbers):
        super().__init__()
        self.numbers = numbers

    def mean(self):
        return sum(self.numbers) / len(self.numbers)

    def summary(self):
        myself = self.actor_ref.proxy()
        mean = myself.mean().get(timeout=0.2)      # ask myself, wait at most 0.2 s
        return ("summary", len(self.numbers), mean)


pykka_stats = PykkaStats.start([1, 2, 3, 6]).proxy()
pykka_stats.mean().get()

# %% [markdown]
# **Predict, then run:** we ask for a summary and wait without a timeout of our own.
# What comes back, and is the actor still alive afterwards?

# %%
try:
    pykka_stats.summary().get()
except pykka.Timeout as error:
    print("pykka.Timeout:", error)
print("alive:", pykka_stats.actor_ref.is_alive(), "| mean:", pykka_stats.mean().get())

# %% [markdown]
# The actor's thread was inside `summary`, waiting for the answer to its own `mean`
# request, which sat in its inbox behind the very message it was handling: notebook 03's
# deadlock. After 0.2 s its `get` raised `pykka.Timeout`; Pykka caught it and handed it to
# us as the reply to our ask. The actor lives on: unlike a GenServer, a Pykka actor does
# not crash when a handler called by an ask raises. Then it read its stale `mean` request,
# and answered a future nobody waited for.
#
# Nothing warned us. Pykka's maintainer put it plainly in
# [issue #9](https://github.com/jodal/pykka/issues/9): blocking on a future that only the
# actor itself could complete "will deadlock the actor". Pykka's own example of the mutual
# version (`examples/deadlock.py`) ends in a hang, and its deadlock guide shows how to
# find one: `pykka.debug.log_thread_tracebacks`, installed as a signal handler, logs every
# thread's stack. A tool for after the fact, not a detector.
#
# The fix is rule 2 of notebook 03, and Pykka makes it easy: inside the actor, `self.mean()`
# is a plain method call, with no message and no waiting.

# %%
class FixedStats(PykkaStats):
    def summary(self):
        return ("summary", len(self.numbers), self.mean())


FixedStats.start([1, 2, 3, 6]).proxy().summary().get()

# %% [markdown]
# Stop every Pykka actor when you are done: each one is a thread that keeps the kernel
# busy. And notice one more difference from Erlang: a `tell` to a stopped actor is an
# error, not a message silently dropped.

# %%
pykka.ActorRegistry.stop_all()
try:
    pykka_stats.actor_ref.tell("anyone there?")
except pykka.ActorDeadError as error:
    print(type(error).__name__)

# %% [markdown]
# ## asyncio: an actor is a task with a queue
#
# You can build actors from the standard library alone. An actor is a task running a
# loop over an `asyncio.Queue`, its inbox. A call puts a request in the inbox together
# with a *future* (the reply's address, like notebook 02's ref), then awaits the future.
# This kernel already runs an event loop, so a cell may use `await` directly.

# %%
import asyncio


async def ask(inbox, request):
    """A call: put the request in the inbox with a future for the answer; await it."""
    reply = asyncio.get_running_loop().create_future()
    inbox.put_nowait((request, reply))
    return await reply


async def stats_actor(inbox, numbers):
    while True:
        request, reply = await inbox.get()
        if request == "mean":
            reply.set_result(sum(numbers) / len(numbers))
        elif request == "summary":
            mean = await ask(inbox, "mean")          # ask myself, and wait
            reply.set_result(("summary", len(numbers), mean))


inbox = asyncio.Queue()
actor = asyncio.create_task(stats_actor(inbox, [1, 2, 3, 6]))
await ask(inbox, "mean")

# %% [markdown]
# **Predict, then run:** we ask for a summary and give up after 0.2 s with
# `asyncio.wait_for`. Which error do we get? And after it, is the actor task finished?

# %%
try:
    await asyncio.wait_for(ask(inbox, "summary"), timeout=0.2)
except TimeoutError as error:
    print("asyncio.wait_for gave up:", type(error).__name__)
print("actor finished:", actor.done(), "| requests in its inbox:", inbox.qsize())

# %% [markdown]
# The actor is still inside its `summary` branch, awaiting the future of its own `mean`
# request, which waits in the inbox (the 1 above) for a loop that will never come back
# for it. The event loop does not mind: other tasks run, and nothing reports that this
# one can never wake. Our timeout only ended *our* wait. The stuck task must be
# cancelled by hand:

# %%
actor.cancel()
await asyncio.gather(actor, return_exceptions=True)
print("actor finished:", actor.done())

# %% [markdown]
# A reply that comes too late differs too. On the BEAM it is a stray message, dropped:
# the call's alias is gone (notebook 05). Here it meets a future that `wait_for` has
# cancelled, and `set_result` raises, inside the actor:

# %%
async def slow_actor(inbox):
    while True:
        request, reply = await inbox.get()
        await asyncio.sleep(0.2)                     # a slow answer
        reply.set_result("done")


slow_inbox = asyncio.Queue()
slow = asyncio.create_task(slow_actor(slow_inbox))
try:
    await asyncio.wait_for(ask(slow_inbox, "work"), timeout=0.05)
except TimeoutError:
    print("the caller gave up")
await asyncio.sleep(0.5)
print("actor finished:", slow.done(), "|", type(slow.exception()).__name__)

# %% [markdown]
# The actor died of its caller's timeout. An asyncio actor has to look before it
# answers, `if not reply.done(): reply.set_result(...)`; a GenServer needs no such care.

# %% [markdown]
# ## Exercise 1: an asyncio call with a timeout
#
# `GenServer.call` has its timeout built in. Give the asyncio call one: write
# `call(inbox, request, timeout)`. It puts `(request, reply)` in the inbox, where `reply`
# is a new future; it waits at most `timeout` seconds for `reply`; it returns the answer,
# or lets `TimeoutError` out if the time runs out. (Run the check with `await`, as here.)

# %% tags=["exercise", "ex-call"]
async def call(inbox, request, timeout):
    reply = asyncio.get_running_loop().create_future()
    ...   # your code here: put (request, reply) in the inbox,
    ...   # then wait for reply, at most `timeout` seconds, and return the answer


# %% tags=["check"]
from actorlab.course.nb10 import check_call

await check_call(call)

# %% [markdown] tags=["hint", "ex-call"]
# <details><summary>Hint</summary>
#
# `inbox.put_nowait((request, reply))` sends. `asyncio.wait_for(reply, timeout)` waits
# for a future at most `timeout` seconds, and raises `TimeoutError` when it gives up.
# Do not catch that error: the caller has to notice, as a GenServer caller does.
# </details>

# %% [markdown] tags=["solution", "ex-call"]
# <details><summary>Solution</summary>
#
# ```python
# async def call(inbox, request, timeout):
#     reply = asyncio.get_running_loop().create_future()
#     inbox.put_nowait((request, reply))
#     return await asyncio.wait_for(reply, timeout)
# ```
# </details>

# %% [markdown]
# ## Ray: the same deadlock, between two worker processes
#
# [Ray](https://docs.ray.io/) (not installed here, so nothing below runs) turns a Python
# class into an actor that lives in its own worker process, possibly on another machine.
# `handle.method.remote(...)` sends a request and returns at once with a reference to the
# future result; `ray.get(ref)` waits for it. By default an actor runs one method at a
# time, in a single thread. You know what follows.
#
# [Ray issue #3307](https://github.com/ray-project/ray/issues/3307) is notebook 03's
# a → b → a, reported as "Hanging code example". Two actors, a coordinator and a server,
# are each given the other's handle; in that method, each immediately calls the other's
# `echo` and waits with `ray.get`. The coordinator is busy waiting for the server's
# `echo`, which cannot start because the server is busy waiting for the coordinator's
# `echo`, which cannot start... The job hangs, with no error.
#
# Ray documents two ways to let an actor take another request while one of its methods
# waits, and both work by giving up "one message at a time":
#
# - **async actors:** define the methods with `async def` and `await` the reference
#   instead of calling `ray.get`; while one method awaits, the actor's event loop runs
#   others, so the `echo` can be served. (Ray's docs warn that a blocking `ray.get`
#   inside an async actor blocks its whole event loop.)
# - **threaded actors:** start the actor with `.options(max_concurrency=2)` (or more);
#   its methods run on a pool of that many threads, so a second thread is free to run
#   the `echo`.
#
# Either way the actor can now run several methods at once over the same state, and the
# property that made actors easy to reason about (one message at a time, no locks)
# is gone for that actor. Erlang's answer is the one from notebook 05 instead: keep one
# message at a time, and do not wait inside a handler; reply later
# (`GenServer.reply`), or hand the work to another process.

# %% [markdown]
# ## Why actorlab could tell you, and they cannot
#
# actorlab runs every process in one scheduler, on a virtual clock. When nothing can run
# and no timer is pending, no message can ever arrive again: the deadlock is a fact, not
# a guess, and `DeadlockError` says so. A real system cannot know that. A thread blocked
# on a future might be woken by another thread, a socket, a timer or another machine;
# the BEAM cannot rule out a message from another node. The most a runtime can do is
# refuse the one case that is certain, as OTP does with `calling_self`; for the rest it
# offers the timeout, which, as notebook 03 showed, turns a hang into a crash and fixes
# nothing.
#
# So the rules of notebook 03 travel with you, whatever the library: never call your own
# public API from inside an actor; share code with plain functions; talk to yourself
# only with sends (`tell`, `cast`, a proxy call whose future you never wait for); think
# hard before any call between actors, and never let calls go round in a circle.

# %% [markdown]
# ## Exercise 2: deadlock, or not?
#
# For each scenario, answer `"ok"` (it finishes), `"deadlock"` (it waits until a timeout,
# or forever) or `"refused"` (the call fails at once).
#
# - **A.** A Pykka actor's method `summary` gets the mean with `self.mean()`.
# - **B.** The same method gets it with `self.actor_ref.proxy().mean().get()`.
# - **C.** An Elixir GenServer's `handle_call(:summary, ...)` runs
#   `GenServer.call(self(), :mean)`.
# - **D.** In Elixir, the shell calls GenServer `a`; in its `handle_call`, `a` calls
#   GenServer `b`; in its `handle_call`, `b` calls `a`.
# - **E.** Two Ray actors, started with the defaults, each run a method that
#   `ray.get`s a call to the other's `echo`, at the same time.
# - **F.** As E, but both actors are started with `.options(max_concurrency=2)`.

# %% tags=["exercise", "ex-scenarios"]
answers = {"A": None, "B": None, "C": None, "D": None, "E": None, "F": None}

# %% tags=["check"]
from actorlab.course.nb10 import check_scenarios

check_scenarios(answers)

# %% [markdown] tags=["hint", "ex-scenarios"]
# <details><summary>Hint</summary>
#
# Ask of each: does a process wait for a reply that only it, or a process waiting for it,
# could send? Then: does the runtime refuse it at once, or let it wait?
# </details>

# %% [markdown] tags=["solution", "ex-scenarios"]
# <details><summary>Solution</summary>
#
# ```python
# answers = {"A": "ok", "B": "deadlock", "C": "refused", "D": "deadlock",
#            "E": "deadlock", "F": "ok"}
# ```
# </details>

# %% [markdown]
# ## Reading list
#
# - Fred Hébert, *Learn You Some Erlang for Great Good!* ([learnyousomeerlang.com](https://learnyousomeerlang.com/)):
#   [The Hitchhiker's Guide to Concurrency](https://learnyousomeerlang.com/the-hitchhikers-guide-to-concurrency),
#   [More On Multiprocessing](https://learnyousomeerlang.com/more-on-multiprocessing),
#   [Errors and Processes](https://learnyousomeerlang.com/errors-and-processes),
#   [What is OTP?](https://learnyousomeerlang.com/what-is-otp),
#   [Clients and Servers](https://learnyousomeerlang.com/clients-and-servers) and
#   [Who Supervises The Supervisors?](https://learnyousomeerlang.com/supervisors):
#   notebooks 01 to 07 again, in Erlang, with more depth and better jokes.
# - Elixir's guide, [Client-server communication with GenServer](https://hexdocs.pm/elixir/genservers.html),
#   and the reference pages of [GenServer](https://hexdocs.pm/elixir/GenServer.html) and
#   [Supervisor](https://hexdocs.pm/elixir/Supervisor.html).
# - Francesco Cesarini and Steve Vinoski, *Designing for Scalability with Erlang/OTP*
#   (O'Reilly, 2016): OTP's behaviours, and how real systems are built from them.
# - [Pykka's documentation](https://pykka.readthedocs.io/): actors, proxies, and the guide
#   to debugging deadlocks.
# - Ray's [AsyncIO / Concurrency for Actors](https://docs.ray.io/en/latest/ray-core/actors/async_api.html),
#   and Python's [asyncio queues](https://docs.python.org/3/library/asyncio-queue.html).
# - Joe Armstrong, [*Making reliable distributed systems in the presence of software
#   errors*](https://erlang.org/download/armstrong_thesis_2003.pdf) (PhD thesis, KTH
#   Stockholm, 2003): why Erlang is the way it is, from its designer.

# %% [markdown]
# ## Key points
#
# - The vocabulary travels: a process, an address, send, receive, call, cast, reply. A
#   call is a message plus a wait in Elixir, Pykka, asyncio and Ray alike.
# - So does the deadlock: an actor that waits for itself, or for a circle of actors that
#   wait for it, waits forever, in every one of them.
# - Detection does not travel. OTP refuses only the direct self-call; Pykka, asyncio and
#   Ray offer only timeouts: the call fails, the work is not done, and an actor that
#   waits without a timeout stays stuck.
# - Ray's ways out (async actors, `max_concurrency`) let an actor run several methods at
#   once, and give up "one message at a time" to do it. Prefer the rules of notebook 03.
#
# **Next:** [11 · Finding concurrency bugs](11_finding_concurrency_bugs.ipynb)
# **Previous:** [09 · Capstone](09_capstone.ipynb)
