"""The load harness and the checks for notebook 08, bottlenecks and interleavings.

`measure` runs a load test in virtual time: a fresh node, a server set up by you, and
`clients` processes that each make `requests` requests one after the other, all starting at
0 ms. It records when each answer came back. `chart` prints the runs as a table with bars.

>>> from actorlab import GenServer, sleep
>>> class Slow(GenServer):
...     def init(self, arg):
...         return ("ok", None)
...     def handle_call(self, amount, from_, state):
...         sleep(10)                        # 10 ms of work for every request
...         return ("reply", amount * 3, state)
>>> def one_slow_server():
...     _, server = GenServer.start(Slow)
...     return lambda amount: GenServer.call(server, amount)
>>> runs = [measure(one_slow_server, clients) for clients in (1, 2, 4)]
>>> runs[2]
Run(4 clients × 5 requests in 200 ms: latency mean 37 ms, max 40 ms; 100 requests/s)
>>> runs[2].latencies[:6]
(10, 20, 30, 40, 40, 40)
>>> chart(runs)
clients  requests  time (ms)  mean latency (ms)        throughput (requests/s)
      1         5         50     10 ████▍                100 ████████████████
      2        10        100     19 ████████▎            100 ████████████████
      4        20        200     37 ████████████████     100 ████████████████
"""
from __future__ import annotations

import ast
import dis
import inspect
import random
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator, NamedTuple

from ..otp import DynamicSupervisor, GenServer, Registry, Supervisor
from ..runtime import (ANY, BadArgument, DeadlockError, Exit, ReceiveTimeout, alias,
                       current_node, now, receive, self_pid, send, sleep, spawn, unalias)
from ..trace import Trace, short
from ..trace.protocol import is_gen_call, is_gen_cast, is_tagged
from .checks import (STATE_IN_THE_PROCESS, Check, changed_in_place, every_interleaving,
                     fresh_node, function_scope, kept_outside_state, names_used, reason_text,
                     run_quietly, syntax_tree, unfinished)

WORK_MS = 10
"""What one conversion costs, in ms of virtual time (the notebook's `convert`)."""
RATE = 3
"""The exchange rate the notebook's converters hold."""


# -- the harness ----------------------------------------------------------------------

class Failure(NamedTuple):
    """A client that gave up: the amount it asked, why in words, and the exception's type
    (None for an exit, a deadlock or no answer)."""

    amount: Any
    why: str
    error: type | None = None


@dataclass(frozen=True)
class Run:
    """One load test: who asked what, what came back, and when."""

    name: str
    clients: int
    requests: int                      # per client
    elapsed: float                     # ms from the start until the last answer
    latencies: tuple = ()              # ms each answered request took, in answer order
    answers: tuple = ()                # (amount, answer) for each answered request
    failures: tuple = ()               # a Failure for each client that gave up
    trace: Trace | None = field(default=None, repr=False, compare=False)

    @property
    def total(self) -> int:
        """Requests answered."""
        return len(self.latencies)

    @property
    def mean_latency(self) -> float:
        return sum(self.latencies) / len(self.latencies) if self.latencies else 0.0

    @property
    def max_latency(self) -> float:
        return max(self.latencies, default=0.0)

    @property
    def throughput(self) -> float:
        """Requests answered per second of virtual time."""
        return self.total * 1000 / self.elapsed if self.elapsed else 0.0

    def __repr__(self) -> str:
        name = f"{self.name}: " if self.name else ""
        failed = f"; {len(self.failures)} clients failed" if self.failures else ""
        return (f"Run({name}{self.clients} clients × {self.requests} requests in "
                f"{self.elapsed:g} ms: latency mean {self.mean_latency:.0f} ms, max "
                f"{self.max_latency:.0f} ms; {self.throughput:.0f} requests/s{failed})")


def measure(setup: Callable[[], Callable[[Any], Any]], clients: int, requests: int = 5,
            *, name: str = "", step: int = 0) -> Run:
    """Load-test what `setup()` starts, on a fresh node, in virtual time.

    `setup()` starts the server(s) and returns `ask(amount)`, the function a client calls
    to make one request. Client number k (1, 2, ...) asks `ask(k)`, `requests` times in a
    row (with a `step`, it asks `ask(k)`, `ask(k + step)`, `ask(k + 2 * step)`, ...), and
    reports each answer and its latency to the shell.
    """
    fresh_node()
    ask = setup()
    if not callable(ask):
        raise TypeError(f"{getattr(setup, '__name__', 'setup')}() returned {short(ask)}, not "
                        "a function ask(amount) that makes one request: start the servers, "
                        "then return ask")
    shell, start = self_pid(), now()

    def asks(number: int) -> list[int]:
        """The amounts client `number` asks, in order."""
        return [number + turn * step for turn in range(requests)]

    def client(number: int) -> None:
        for amount in asks(number):
            asked = now()
            try:
                answer = ask(amount)
            except Exit as exit_:
                send(shell, ("failed", number, amount, f"exit {short(exit_.reason, 120)}",
                             None))
                return
            except Exception as error:
                send(shell, ("failed", number, amount, f"{type(error).__name__}: {error}",
                             type(error)))
                return
            send(shell, ("answer", number, amount, answer, now() - asked))

    for number in range(1, clients + 1):
        spawn(client, number, label=f"client {number}")
    latencies, answers, failures = [], [], []
    remaining = {number: requests for number in range(1, clients + 1)}
    elapsed = 0.0
    while any(remaining.values()):
        try:
            message = receive(timeout=600_000)
        except (ReceiveTimeout, DeadlockError) as error:
            why = "deadlock" if isinstance(error, DeadlockError) else "no answer in 600 s"
            failures.extend(Failure(asks(number)[requests - left], why)
                            for number, left in remaining.items() if left)
            break
        if message[0] == "failed":
            _, number, amount, why, error = message
            remaining[number] = 0
            failures.append(Failure(amount, why, error))
            continue
        _, number, amount, answer, latency = message
        remaining[number] -= 1
        latencies.append(latency)
        answers.append((amount, answer))
        elapsed = now() - start
    return Run(name, clients, requests, elapsed, tuple(latencies), tuple(answers),
               tuple(failures), current_node().trace)


def chart(runs: list[Run], by: str = "clients", width: int = 16) -> None:
    """Print `runs` as a table, with bars for mean latency and throughput.

    `by="clients"` labels each row with its number of clients; `by="name"` with its name.
    """
    by_clients = by == "clients"
    labels = [str(run.clients) if by_clients else run.name for run in runs]
    label_width = max([len("clients" if by_clients else "setup")] + [len(x) for x in labels])
    align = ">" if by_clients else "<"
    columns = [("mean latency (ms)", [run.mean_latency for run in runs]),
               ("throughput (requests/s)", [run.throughput for run in runs])]
    column_width = max(len(title) for title, _ in columns) + 2
    column_width = max(column_width, 6 + width + 2)          # a number, a space, a bar
    lines = [f"{'clients' if by_clients else 'setup':{align}{label_width}}  requests  "
             "time (ms)  " + "".join(f"{title:<{column_width}}" for title, _ in columns)]
    for row, (label, run) in enumerate(zip(labels, runs)):
        cells = [f"{values[row]:5.0f} {_bar(values[row], max(values), width)}"
                 for _, values in columns]
        lines.append(f"{label:{align}{label_width}}  {run.total:8}  {run.elapsed:9g}  " +
                     "".join(f"{cell:<{column_width}}" for cell in cells))
    print("\n".join(line.rstrip() for line in lines))


def _bar(value: float, top: float, width: int) -> str:
    """A bar of `width` characters for `top`, in eighths of a character."""
    if top <= 0 or value <= 0:
        return ""
    eighths = max(1, round(8 * width * value / top))
    return "█" * (eighths // 8) + ("", "▏", "▎", "▍", "▌", "▋", "▊", "▉")[eighths % 8]


# -- exercise 1: a pool that beats one server ---------------------------------------------

POOL_CLIENTS = 8
"""Clients in the pool check's load test (each makes 5 requests)."""


def convert(rate: int, amount: int) -> int:
    """The check's copy of the notebook's work: WORK_MS of computing, then amount * rate."""
    sleep(WORK_MS)
    return amount * rate


class _Converter(GenServer):
    """The check's copy of the notebook's single server, the baseline to beat."""

    def init(self, rate: int) -> tuple:
        return ("ok", rate)

    def handle_call(self, request: Any, from_: tuple, rate: int) -> tuple:
        if request == "rate":
            return ("reply", rate, rate)
        return ("reply", convert(rate, request[1]), rate)


def _one_converter() -> Callable[[int], int]:
    _, converter = GenServer.start(_Converter, RATE)
    return lambda amount: GenServer.call(converter, ("convert", amount))


def _converts(message: Any) -> bool:
    """Whether `message` is a GenServer call ("convert", amount)."""
    return is_gen_call(message) and type(message[2]) is tuple and message[2][:1] == ("convert",)


def _work_done(trace: Trace) -> dict[Any, int]:
    """How many ("convert", amount) calls each process received."""
    names = trace.names()
    counts: dict[Any, int] = {}
    for event in trace.events:
        if event.kind == "receive" and _converts(event.data["msg"]):
            key = (event.pid, names.get(event.pid, ""))
            counts[key] = counts.get(key, 0) + 1
    return counts


def _callers_of_convert(trace: Trace) -> set:
    """The processes that sent a ("convert", amount) call to another process."""
    return {e.pid for e in trace.events if e.kind == "send" and _converts(e.data["msg"])}


POOL_SEED = 5
"""The seed of Python's `random` while the pool check runs, so that a pool that picks its
converters at random gets the same verdict every run."""


@contextmanager
def _seeded_random(seed: int) -> Iterator[None]:
    """Seed Python's `random` module for the block, and put its state back after."""
    state = random.getstate()
    random.seed(seed)
    try:
        yield
    finally:
        random.setstate(state)


def _picks_at_random(code: Callable) -> bool:
    """Whether `code` (nested functions included) uses Python's `random` module.

    >>> import random
    >>> def pool():
    ...     return lambda amount: random.choice([1, 2])
    >>> _picks_at_random(pool), _picks_at_random(lambda amount: amount % 4)
    (True, False)
    """
    used, scope = names_used(code), getattr(code, "__globals__", {})
    return "random" in used or any(getattr(scope.get(name), "__module__", None) == "random"
                                   for name in used)


@contextmanager
def _hashes_recorded(code: Callable) -> Iterator[list]:
    """Record, while the block runs, the values that `code` (nested functions included)
    passes to the builtin hash(): a recording hash is put in its globals for the block, if
    it uses hash and its module defines none.

    >>> def pool():
    ...     return lambda amount: hash(str(amount)) % 4
    >>> with _hashes_recorded(pool) as hashed:
    ...     _ = pool()(7)
    >>> hashed, "hash" in globals()
    (['7'], False)
    """
    hashed: list = []
    scope = getattr(code, "__globals__", None)
    if scope is None or "hash" not in names_used(code) or "hash" in scope:
        yield hashed
        return

    def recording_hash(value: Any) -> int:
        hashed.append(value)
        return hash(value)

    scope["hash"] = recording_hash
    try:
        yield hashed
    finally:
        scope.pop("hash", None)


def _hash_changes_every_run(value: Any) -> bool:
    """Whether hash(value) changes from one run of Python to the next: strings and bytes
    are hashed with a random seed chosen at start-up, numbers are not.

    >>> [_hash_changes_every_run(value) for value in ("7", (1, b"x"), 7, (1, 2))]
    [True, True, False, False]
    """
    if isinstance(value, (tuple, frozenset)):
        return any(map(_hash_changes_every_run, value))
    return isinstance(value, (str, bytes))


def _converter_starts(trace: Trace) -> list:
    """The spawn events of the servers that took a ("convert", amount) call: their data
    holds the init that ran ("Converter.init") and its argument, the rate."""
    converters = {pid for pid, _ in _work_done(trace)}
    return [e for e in trace.events if e.kind == "spawn" and e.data["child"] in converters
            and str(e.data["fn"]).endswith(".init")]


def _started_without_rate(trace: Trace) -> bool:
    """Whether a converter was started with no argument (its init got None), as
    GenServer.start(Converter) does."""
    return any(e.data["args"] == (None,) for e in _converter_starts(trace))


def _rates_given(trace: Trace) -> list:
    """The arguments the converters were started with, when one is not RATE: [0, 1, 2, 3]
    for GenServer.start(Converter, i) in a loop; else []."""
    rates = [e.data["args"][0] if len(e.data["args"]) == 1 else e.data["args"]
             for e in _converter_starts(trace)]
    return rates if any(rate != RATE for rate in rates) else []


def _tasks_started(trace: Trace) -> tuple[str, int]:
    """The class of converters that start a process for each request (TaskConverter), and
    how many they started; ("", 0) if the converters do the work themselves."""
    starts = _converter_starts(trace)
    converters = {e.data["child"] for e in starts}
    spawned = sum(e.kind == "spawn" and e.pid in converters          # not servers
                  and not str(e.data["fn"]).endswith(".init") for e in trace.events)
    return (str(starts[0].data["fn"]).rsplit(".", 1)[0], spawned) if spawned else ("", 0)


def _repeats_a_list(code: Callable) -> bool:
    """Whether the source of `code` multiplies a list, as `[pid] * 4` does.

    >>> def one_pid_four_times():
    ...     return [0] * 4
    >>> def four_pids():
    ...     return [0, 1, 2, 3]
    >>> _repeats_a_list(one_pid_four_times), _repeats_a_list(four_pids)
    (True, False)
    """
    tree = syntax_tree(code)
    return tree is not None and any(isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult)
               and isinstance(node.left, (ast.List, ast.ListComp)) for node in ast.walk(tree))


def _misstarted(pool: Callable) -> str | None:
    """What went wrong in starting the converters, seen in what `ask` uses: the results of
    GenServer.start instead of pids (("ok", pid); or ("already_started", pid), what
    converters all given one name got after the first); else None. Runs `pool()` again, on
    a fresh node."""
    fresh_node()
    try:
        ask = pool()
        scope = function_scope(ask)
    except Exception:                 # the pool's own failure is explained elsewhere
        return None
    used = names_used(ask) | set(getattr(getattr(ask, "__code__", None), "co_freevars", ()))
    kept = [scope[name] for name in used if name in scope]
    items = kept + [item for value in kept if isinstance(value, (list, tuple))
                    for item in value]
    if any(is_tagged(item, "already_started", 2) or is_tagged(item, "error", 2)
           and is_tagged(item[1], "already_started", 2) for item in items):
        return ("the converters were all started with the same name, so only the first one "
                "started: GenServer.start gave the others ('error', ('already_started', "
                "pid)). One name cannot be given to four processes: start them without a "
                "name, and keep their pids, GenServer.start(Converter, RATE)[1]")
    if any(is_tagged(item, "ok", 2) for item in items):
        return ("ask called GenServer.call with ('ok', pid), what GenServer.start returns, "
                "not with the pid in it. Keep the pid: GenServer.start(Converter, RATE)[1]")
    return None


ORGANISERS = {f"{otp.__name__}.init" for otp in (Registry, Supervisor, DynamicSupervisor)}
"""The starts of servers a pool may use to organise its converters, which are no converters."""


def _servers_started(trace: Trace) -> set:
    """The GenServers started in `trace` (the converters, in a pool's load test), but for a
    Registry or supervisors that keep them."""
    return {e.data["child"] for e in trace.events
            if e.kind == "spawn" and str(e.data["fn"]).endswith(".init")
            and str(e.data["fn"]) not in ORGANISERS}


def _what_converters_got(trace: Trace) -> str:
    """The calls the converters (the servers started in the trace) took, in words: "they
    were asked 'rate' 40 times", or "they were never called"."""
    servers = _servers_started(trace)
    asked: dict[str, int] = {}
    for event in trace.events:
        message = event.data.get("msg") if event.kind == "receive" else None
        if event.pid in servers and is_gen_call(message):
            asked[short(message[2])] = asked.get(short(message[2]), 0) + 1
    if not asked:
        return "they were never called"
    return "they were asked only " + ", ".join(f"{request} ({times} times)"
                                                for request, times in asked.items())


def _plain_to_converters(trace: Trace) -> Any:
    """The first message a converter (a server started in `trace`) took that was neither
    a call nor a cast: one sent with a plain send(); None if there was none."""
    servers = _servers_started(trace)
    return next((event.data["msg"] for event in trace.events
                 if event.kind == "receive" and event.pid in servers
                 and not is_gen_call(event.data["msg"])
                 and not is_gen_cast(event.data["msg"])), None)


def check_pool(pool: Callable) -> None:
    """`pool()` starts a fixed number of converters and returns `ask(amount)`, which sends
    each request to one of them: it must beat one converter's throughput."""
    with Check("a pool of converters") as check:
        if check.refuse_blocking(pool):
            return
        if unfinished(pool):
            check.fail("pool still has ... where your code goes: start 4 Converters and keep "
                       "their pids; in ask, call one of them with ('convert', amount) and "
                       "return its answer")
            return
        baseline = measure(_one_converter, POOL_CLIENTS)
        with _seeded_random(POOL_SEED), _hashes_recorded(pool) as hashed:
            ran, run = run_quietly(check, "measure(pool, clients=8)",
                                   lambda: measure(pool, POOL_CLIENTS, name="pool",
                                                   step=POOL_CLIENTS))
        if not ran:
            return
        if run.failures and _started_without_rate(run.trace):
            check.fail("a converter was started with no rate: GenServer.start(Converter) "
                       "passes nothing, so init got None and its conversions failed. Start "
                       "each one with the rate: GenServer.start(Converter, RATE)")
            return
        misstarted = _misstarted(pool) if run.failures else None
        if misstarted:
            check.fail(misstarted)
            return
        if run.failures:
            check.fail(_why_clients_failed(run, pool))
            return
        wrong = [(amount, answer) for amount, answer in run.answers
                 if answer != amount * RATE]
        if wrong:
            amount, answer = wrong[0]
            cast = any(e.kind == "send" and is_gen_cast(e.data["msg"]) for e in run.trace.events)
            rates = _rates_given(run.trace)
            check.fail(f"ask({amount}) answered {short(answer)}, not {amount * RATE}: " +
                       ("a cast answers 'ok' at once, without the converter's answer. Call "
                        "it: return GenServer.call(converter, ('convert', amount))" if cast else
                        f"your converters hold the rates {short(rates)}, and each converts "
                        "with its own. Start each one with the notebook's rate: "
                        "GenServer.start(Converter, RATE)" if rates else
                        "send ('convert', amount) to a Converter and return its answer"))
            return
        check.expect(True, f"all {run.total} requests answered correctly", "")
        if any(map(_hash_changes_every_run, hashed)):
            check.fail("ask picks a converter with hash() of a string: Python hashes "
                       "strings differently in every run (hash randomisation), so which "
                       "converter gets which amount, and how evenly the work is spread, "
                       "changes from run to run. Pick in turn instead: converters[amount % 4]")
            return
        filled, starts = _filled_by_clients(pool)
        if filled and starts:
            check.fail(f"ask fills {' and '.join(filled)}, when the first request comes: it "
                       f"is outside any process, all {POOL_CLIENTS} client processes share "
                       "it, and a client that asks while another is still starting "
                       "converters finds the list half full (explore() finds a run where "
                       "one crashes with IndexError). Start the 4 converters in pool() "
                       "itself, before it returns ask")
            return
        caches = [where for where in filled if where.split(",")[0] in _keyed_by_request(pool)]
        shared = [where for where in filled if where not in caches] + _shared_by_clients(pool)
        if shared:
            check.fail(f"ask keeps {' and '.join(shared)}, outside any process, and changes it "
                       f"at every request: all {POOL_CLIENTS} client processes share it. Processes "
                       "share nothing (notebook 01; on the BEAM there is no such variable), and "
                       "here it only works because they take turns on one thread. Pick the "
                       "converter from the request itself: converters[amount % 4]")
            return
        if caches:
            check.fail(f"ask keeps answers in {' and '.join(caches)}, outside any process: all "
                       f"{POOL_CLIENTS} client processes share it, as no process owns it (on "
                       "the BEAM there is no such variable), and it would go stale if the "
                       "rate changed. Let a converter do the work for every request: return "
                       "GenServer.call(converters[amount % 4], ('convert', amount))")
            return
        work = _work_done(run.trace)
        forwarders = [key for key in work if key[0] in _callers_of_convert(run.trace)]
        spread = sorted(work.values(), reverse=True)
        if not work:
            check.fail(f"your converters did none of the {run.total} conversions: "
                       f"{_what_converters_got(run.trace)}. What ask computes itself runs in "
                       "the client, so the clients did the work. Have a converter do it: return GenServer.call(converters[amount % 4], ('convert', "
                       "amount))")
            return
        if run.latencies and max(run.latencies) == 0:
            check.fail(f"every ask answered at once (latency 0 ms), before a converter had "
                       "converted anything (a conversion takes 10 ms): ask computed the answer "
                       "itself, and its call to a converter ran in another process that it "
                       "did not wait for (a Task never awaited, or a spawn). Return the "
                       "converter's answer: return GenServer.call(converters[amount % 4], "
                       "('convert', amount))")
            return
        if forwarders:
            pid, name = forwarders[0]
            check.fail(f"every request went through {pid!r} ({name}), which passes it on to a "
                       "converter and waits for the answer before it takes the next: one "
                       "process serialises them all again. ask(amount) should call a "
                       "converter itself")
            return
        kind, tasks = _tasks_started(run.trace)
        if tasks:
            check.fail(f"your converters are {kind}s, which start a task for every request "
                       f"({tasks} tasks for {run.total} requests): every request waiting is "
                       "converted at once, so nothing bounds the work, and the "
                       "speed-up comes from the tasks, not from the pool. A pool bounds the "
                       "work: start four Converters, [GenServer.start(Converter, RATE)[1] for _ "
                       "in range(4)], each doing one conversion at a time")
            return
        elif len(work) >= run.total:
            check.fail(f"{len(work)} processes did conversions: a pool has a fixed size. "
                       "Start 4 converters once, in pool(), not one per request")
        elif len(work) > 4:
            check.fail(f"{len(work)} converters did the work: the exercise asks for 4")
        elif len(started := _servers_started(run.trace)) > 4:
            check.fail(f"pool() started {len(started)} converters, and ask used only "
                       f"{len(work)} of them ({len(started) - len(work)} sat idle). Start "
                       "exactly 4, [GenServer.start(Converter, RATE)[1] for _ in range(4)], "
                       "and send each request to one of them, converters[amount % 4]")
        elif 1 < len(started) < 4:
            check.fail(f"pool() started {len(started)} converters, not 4: start four, "
                       "[GenServer.start(Converter, RATE)[1] for _ in range(4)] (range(4) "
                       "is 0 to 3, four numbers), and send each request to one of them, "
                       "converters[amount % 4]")
        elif len(work) > 1:
            check.expect(len(work) == 4, f"{len(work)} converters shared the work: "
                         f"{', '.join(map(str, spread))} requests each",
                         f"only {len(work)} converters did any work ("
                         f"{', '.join(map(str, spread))} requests each): send the requests "
                         "to all 4, converters[amount % 4]")
        else:
            check.fail(f"all {run.total} requests went to one converter: " +
                       ("multiplying a list repeats what is in it, so [pid] * 4 holds one "
                        "converter's pid four times. Start each of the four: "
                        "[GenServer.start(Converter, RATE)[1] for _ in range(4)]"
                        if _repeats_a_list(pool) else "start 4 and send each request to "
                        "one of them, e.g. converters[amount % 4]"))
        if _picks_at_random(pool) and len(set(spread)) > 1:
            check.fail(f"picking a converter at random spreads the work unevenly (requests "
                       f"per converter: {', '.join(map(str, spread))}): the busiest one "
                       "makes everyone wait while others sit idle, and the spread changes "
                       "from run to run. Pick by the request instead: converters[amount % 4]")
            return
        ratio = run.throughput / baseline.throughput
        check.expect(ratio >= 3, f"{run.throughput:.0f} requests/s with {POOL_CLIENTS} "
                     f"clients: {ratio:.1f}× one converter's {baseline.throughput:.0f}; mean "
                     f"latency {run.mean_latency:.0f} ms instead of "
                     f"{baseline.mean_latency:.0f}",
                     f"{run.throughput:.0f} requests/s with {POOL_CLIENTS} clients, only "
                     f"{ratio:.1f}× one converter's {baseline.throughput:.0f}: the work "
                     f"(requests per converter: {', '.join(map(str, spread))}) should be "
                     "spread evenly over 4 converters, for about 4×")
        where = kept_outside_state(pool)
        if check.passed and where:
            check.fail(f"it works, but pool keeps data {where}: the converters one call of "
                       "pool() starts serve the next call too, even after reset() has ended "
                       "them. Start the 4 converters in every call of pool()")


def _shared_by_clients(pool: Callable) -> list[str]:
    """The state outside any process that ask changes at each request, so that every
    client calling it changes it: a variable the functions made inside `pool` assign (a
    global, or a variable of pool's, nonlocal), an iterator of pool's they advance with
    next() (itertools.cycle), or an attribute a class pool uses sets on its object.
    "next_one, a global" for `global next_one; next_one += 1`."""
    code = getattr(pool, "__code__", None)
    nested = [inner for inner in code.co_consts if inspect.iscode(inner)] if code else []
    found = set()
    for inner in nested:
        steps = list(dis.get_instructions(inner))
        for before, step in zip([None] + steps, steps):
            if step.opname == "STORE_GLOBAL":
                found.add(f"{step.argval}, a global")
            elif step.opname == "STORE_DEREF" and step.argval in inner.co_freevars:
                found.add(f"{step.argval}, a variable of pool()")
            elif step.opname in ("LOAD_DEREF", "LOAD_GLOBAL") and before is not None \
                    and before.opname == "LOAD_GLOBAL" and before.argval == "next":
                found.add(f"{step.argval}, an iterator " + ("of pool()" if step.opname ==
                          "LOAD_DEREF" else "in a global") + " that next() moves on")
            elif step.opname == "STORE_ATTR" and before is not None \
                    and before.opname in ("LOAD_DEREF", "LOAD_GLOBAL"):
                found.add(f"{before.argval}.{step.argval}, an attribute that outlives the "
                          "request")
    scope = function_scope(pool) if code else {}
    for name in names_used(pool):
        helper = scope.get(name)
        if isinstance(helper, type) and not issubclass(helper, GenServer):
            where = kept_outside_state(helper)
            found.update([f"data {where} of a {name}"] if where else [])
    return sorted(found)


def _keyed_by_request(pool: Callable) -> set[str]:
    """The names that the functions made inside `pool` look up by their own argument
    (`cache[amount]`, `amount in cache`): a cache of answers, not a turn counter (`nxt[0]`).

    >>> def pool():
    ...     cache, nxt = {}, [0]
    ...     def ask(amount):
    ...         nxt[0] += 1
    ...         if amount not in cache:
    ...             cache[amount] = amount * 2
    ...         return cache[amount]
    ...     return ask
    >>> sorted(_keyed_by_request(pool))
    ['cache']
    """
    tree, found = syntax_tree(pool), set()
    inner = [node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)][1:] \
        if tree is not None else []
    for function in inner:
        arguments = {argument.arg for argument in function.args.args}

        def mentions(node: ast.AST) -> bool:
            return any(isinstance(n, ast.Name) and n.id in arguments for n in ast.walk(node))

        for node in ast.walk(function):
            if (isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name)
                    and mentions(node.slice)):
                found.add(node.value.id)
            elif (isinstance(node, ast.Compare) and mentions(node.left)
                  and isinstance(node.ops[0], ast.In | ast.NotIn)
                  and isinstance(node.comparators[0], ast.Name)):
                found.add(node.comparators[0].id)
    return found


def _filled_by_clients(pool: Callable) -> tuple[list[str], bool]:
    """The lists, dicts or sets of pool's (or globals) that the functions made inside
    `pool` (ask) change in place ("converters, a variable of pool()" for
    `converters.append(...)` in ask), and whether those functions start servers (a pool
    that starts its converters lazily) or not (a cache of answers)."""
    code = getattr(pool, "__code__", None)
    nested = [inner for inner in code.co_consts if inspect.iscode(inner)] if code else []
    found, starts = set(), False
    for inner in nested:
        steps = list(dis.get_instructions(inner))
        filled = {f"{step.argval}, a variable of pool()" if step.opname == "LOAD_DEREF" else
                  f"{step.argval}, a global" for at, step in enumerate(steps)
                  if (step.opname == "LOAD_DEREF" and step.argval in inner.co_freevars
                      or step.opname == "LOAD_GLOBAL") and changed_in_place(steps, at)}
        found |= filled
        starts = starts or bool(filled) and "start" in names_used(inner)
    return sorted(found), starts


def _why_clients_failed(run: Run, pool: Callable) -> str:
    """What to say of a pool's load test in which clients failed: an index out of range
    (a pick that fits only some amounts, or not the number of converters), or else what
    the first failure was."""
    amount, why, error = run.failures[0]
    failed = (f"{len(run.failures)} of {run.clients} clients failed; ask({amount}) gave "
              f"{why.rstrip('.')}")
    if error is not None and issubclass(error, BadArgument) and not _servers_started(run.trace):
        kept = kept_outside_state(pool)
        made = (f"by an earlier call of pool(), which kept them {kept}" if kept else
                "before the check ran (outside pool(), in your cell)")
        return (f"{failed}. pool() started no converter, so ask used pids made {made}, on a "
                "node that reset() has ended. Start the 4 converters inside pool(), at "
                "every call: the check calls it on a fresh node")
    plain = _plain_to_converters(run.trace)
    if error is None and plain is not None:
        return (f"{failed}: a converter got {short(plain)} as a plain message, sent with "
                "send(). A GenServer answers only a call: a plain message goes to "
                "handle_info, which only logs it (Converter has none of its own), so no "
                "answer came back. "
                "ask(amount) should return GenServer.call(one of your converters, "
                "('convert', amount))")
    if error is None or not issubclass(error, IndexError):
        return (f"{failed}. ask(amount) should return GenServer.call(one of your converters, "
                "('convert', amount))")
    started = len(_servers_started(run.trace)) or 4
    if started < 4:
        return (f"{failed}: the index it computed from {amount} is past the end of the "
                f"list, which holds {started} converters. The pool has 4: start four, "
                "[GenServer.start(Converter, RATE)[1] for _ in range(4)] (range(4) is 0 to "
                "3, four numbers), and pick one with converters[amount % 4]")
    return (f"{failed}: the index it computed from {amount} is past the end of the list. "
            f"You have {started} converters, so the index must be 0 to {started - 1}, for "
            f"every amount (the load test asks amounts 1 to {run.clients * run.requests}, "
            f"not only 1 to {run.clients}): converters[amount % {started}]")


# -- exercise 2: a counter that loses no update ------------------------------------------

CLIENTS = (("ann", False), ("bob", True))
"""The notebook's race: ann bumps once; bob looks at the count (True), then bumps once."""
RACE = "ann's bump and bob's look and bump"
"""The race, as the findings name it."""


def _race(counter_module: type, bump: Callable) -> tuple:
    """The notebook's race with your counter and bump: ann bumps; bob looks at the count,
    then bumps; both start together, from a launcher process. What it gives:
    `("count", n)` at the end, or why there is none: `("start", what init returned)`,
    `("exit", why)` or `("raised", why)` for a client whose bump failed, `("stuck",)`,
    or `("get", why)`.

    >>> class Tally(GenServer):
    ...     def init(self, n):
    ...         return ("ok", n)
    ...     def handle_call(self, request, from_, n):
    ...         return ("reply", n, n) if request == "get" else ("reply", n + 1, n + 1)
    >>> _ = fresh_node()
    >>> _race(Tally, lambda counter: GenServer.call(counter, "increment"))
    ('count', 2)
    """
    started = GenServer.start(counter_module, 0)
    if not (type(started) is tuple and started[0] == "ok"):
        return ("start", short(started))
    counter, shell = started[1], self_pid()

    def client(looks: bool) -> None:
        try:
            if looks:
                GenServer.call(counter, "get", 1000)
            bump(counter)
        except Exit as exit_:
            send(shell, ("exit", _exit_text(exit_.reason)))
        except Exception as error:
            send(shell, ("raised", f"{type(error).__name__}: {error}"))
        else:
            send(shell, ("done",))

    spawn(lambda: [spawn(client, looks, label=name) for name, looks in CLIENTS],
          label="launcher")
    for _ in CLIENTS:
        try:
            status = receive(timeout=10_000)
        except (ReceiveTimeout, DeadlockError):
            return ("stuck",)
        if status != ("done",):
            return status
    try:
        count = GenServer.call(counter, "get", 1000)
    except Exit as exit_:
        return ("get", short(exit_.reason, 120))
    return ("count", count if type(count) is int else short(count))


def _sent_by(trace: Trace, name: str, kind: Callable[[Any], bool]) -> list[tuple]:
    """The messages of a `kind` (`is_gen_call`, `is_gen_cast`) that the process called
    `name` sent."""
    return [e.data["msg"] for e in trace.events
            if e.kind == "send" and e.pid in _pids(trace, name) and kind(e.data["msg"])]


def _pids(trace: Trace, name: str) -> set:
    """The processes called `name` in `trace`."""
    return {pid for pid, label in trace.names().items() if label == name}


def _calls_by(trace: Trace, name: str) -> list[Any]:
    """The requests of the calls the process called `name` made."""
    return [msg[2] for msg in _sent_by(trace, name, is_gen_call)]


def check_atomic(counter_module: type, bump: Callable) -> None:
    """The notebook's race, ann's bump and bob's look and bump, with the learner's counter,
    in every distinct interleaving: none may lose an update.

    A bump may make its call in a Task that it awaits: it waits for the answer all the same.

    >>> from actorlab import Task
    >>> class Tally(GenServer):
    ...     def init(self, n):
    ...         return ("ok", n)
    ...     def handle_call(self, request, from_, n):
    ...         return ("reply", n, n) if request == "get" else ("reply", n + 1, n + 1)
    >>> check_atomic(Tally, lambda counter: Task.await_(Task.async_(GenServer.call, counter,
    ...                                                              "increment")))
    ✓ a counter that loses no update: all good
      ✓ 'increment' on 41 answered the new count, 42, and then 43
      ✓ two bumps made the count 2, in all 72 distinct interleavings of ann's bump and bob's look and bump
      ✓ the count is kept in the state
      ✓ each bump is a single call, 'increment': the server reads and writes in one message
    """
    with Check("a counter that loses no update") as check:
        if check.refuse_blocking(counter_module, bump, advice=". A server never needs a "
                                 "lock: it handles one message at a time, so make the read and "
                                 "the write one message, 'increment'"):
            return
        outcome = _race(counter_module, bump)                 # in the default order
        trace, shell = current_node().trace, self_pid()
        if outcome[0] == "start":
            check.fail(f"GenServer.start(SafeCounter, 0) returned {outcome[1]}: init must "
                       "return ('ok', n)")
            return
        cast = any(_sent_by(trace, name, is_gen_cast) for name, _ in CLIENTS)
        if cast and outcome[0] != "count":
            crashed = (f"{counter_module.__name__} has no handle_cast, so the first cast crashed "
                       "the counter"
                       if counter_module.handle_cast is GenServer.handle_cast
                       else f"then {outcome[1]}" if outcome[0] == "exit"
                       else "then the clients did not finish their bumps")
            check.fail(f"safe_bump casts, and {crashed}. Make it a call, "
                       "GenServer.call(counter, 'increment'), answered in handle_call with "
                       "('reply', n + 1, n + 1)")
            return
        if outcome[0] != "count":
            check.fail(_race_failure(outcome))
            return
        calls = _calls_by(trace, "ann")
        if not calls and _sent_by(trace, "ann", is_gen_cast):
            check.fail("safe_bump casts: that cannot lose an update either, but the caller "
                       "never learns the new count, nor when it changed. Make it a call, "
                       "GenServer.call(counter, 'increment')")
            return
        uses_increment = not calls or "increment" in calls   # else the race says it all
        if uses_increment and not _answers_increment(check, counter_module):
            return
        counter = _servers_started(trace)          # not a task's, nor the shell's "done"
        sent = [e.data["msg"] for e in trace.events if e.kind == "send" and e.pid in
                _pids(trace, "ann") and e.data["to"] in counter]
        if not calls and sent and not any(map(is_gen_cast, sent)):
            check.fail(f"safe_bump sent {short(sent[0])} with send(): the counter gets it "
                       "as a plain message, for handle_info, not as a call for handle_call, "
                       "and send does not wait for an answer. Make it a call: "
                       "GenServer.call(counter, 'increment')")
            return
        by_child = not calls          # a process it spawned called (a Task, awaited, is right)
        if by_child:
            calls = _calls_by_children(trace, "ann")
        if not calls:
            check.fail("safe_bump made no call to the counter: it should call "
                       "GenServer.call(counter, 'increment')")
            return
        if by_child and not any(e.kind == "receive" and e.pid in _pids(trace, "ann")
                                for e in trace.events):     # not even a Task's result
            check.fail(_spawned_call(calls[0]))
            return
        if len(calls) == 1 and calls[0] != "increment":
            check.fail(_not_increment(counter_module, calls[0]))
            return
        lost = every_interleaving(check, _race, counter_module, bump,
                                  right=lambda outcome: outcome == ("count", 2),
                                  words=_race_words, what=RACE,
                                  ok="two bumps made the count 2",
                                  lanes=["ann", counter_module.__name__, "bob"])
        shown = ", ".join(map(short, calls))
        if lost is not None:
            check.fail(_spawned_call(calls[0]) if by_child
                       else _why_lost(current_node().trace, calls, shown, counter_module))
            return
        # A counter with no 'increment' (say, a compare-and-set a bump retries) is told
        # below that a bump should be one call; asking it for 'increment' would only fail.
        if "increment" in calls and not _count_in_state(check, counter_module):
            return
        fewer = (" (with one message a bump, ann and bob have fewer orders than with race's "
                 "get and set, so fewer interleavings)" if not by_child else "")
        check.expect(len(calls) == 1, f"each bump is a single call, {short(calls[0])}: the "
                     f"server reads and writes in one message{fewer}",
                     f"each bump made {len(calls)} calls ({shown}): that is right in every "
                     "interleaving, no bump is lost, but the exercise asks for one call per "
                     "bump: GenServer.call(counter, 'increment'), whose answer is already the "
                     "new count")


def _not_increment(counter_module: type, request: Any) -> str:
    """What to say of a bump that is one call, but not the bare request 'increment': the
    counter answers 'increment' itself (asked live), so send exactly that; or the request
    carries an amount, which the exercise does not ask for."""
    try:
        answers = _two_increments(counter_module)
    except Exception:
        answers = None
    if answers == [42, 43]:
        try:
            adds = _plain_call(counter_module(), request, 41) == ("reply", 42, 42)
        except Exception:
            adds = False
        return (f"safe_bump calls {short(request)}, but your counter answers 'increment': " +
                ("it takes every request but 'get' for an increment, so this one adds too, "
                 "but the exercise's request is the bare 'increment'" if adds else
                 "a request it does not know adds nothing") +
                ". Send exactly that, GenServer.call(counter, 'increment')")
    amount = (" The server adds 1 itself: the caller does not say how much"
              if type(request) is tuple and request[:1] == ("increment",) else "")
    return (f"safe_bump calls {short(request)}: the exercise asks for the bare request "
            "'increment', GenServer.call(counter, 'increment'), answered in handle_call with "
            f"('reply', n + 1, n + 1).{amount}")


def _spawned_call(request: Any) -> str:
    """What to say of a bump that left its call to a process it spawned."""
    return (f"safe_bump spawned a process that made the call {short(request)}: the bump "
            "returned at once, before the increment was done, and its answer went to that "
            "process. Call it in the caller, GenServer.call(counter, 'increment'), so the "
            "bump waits for the answer")


def _calls_by_children(trace: Trace, name: str) -> list[Any]:
    """The requests of the calls made by processes that the process called `name` spawned."""
    parents = _pids(trace, name)
    children = {e.data["child"] for e in trace.events
                if e.kind == "spawn" and e.pid in parents}
    return [e.data["msg"][2] for e in trace.events
            if e.kind == "send" and e.pid in children and is_gen_call(e.data["msg"])]


def _count_in_state(check: Check, counter_module: type) -> bool:
    """Does handle_call answer 'increment' from the state it is given? Called as a plain
    function, on an object whose init(0) ran, with the state that init(41) returns: a count
    kept in a global or on self (which also passes the race) answers from there instead.

    >>> class OnSelf(GenServer):
    ...     def init(self, n):
    ...         self.n = n
    ...         return ("ok", n)
    ...     def handle_call(self, request, from_, n):
    ...         self.n += 1
    ...         return ("reply", self.n, self.n)
    >>> with Check("count") as check:
    ...     _count_in_state(check, OnSelf)
    False
    ✗ count: not yet
      ✗ OnSelf keeps the count on the object, in self.n, outside the state: the race counted to 2, but handle_call does not count from the state it is given. A GenServer's state lives in the process: init returns it, each callback gets it as its last argument and returns the new one. Keep nothing in self, or in a global: for a state n, answer ('reply', n + 1, n + 1). How the check saw it: it gave handle_call the state init(41) returned, but called it on another object, whose init(0) had run: 'increment' answered 1, where it should have answered 42

    A state of any shape passes, when it is the one init made:

    >>> class InADict(GenServer):
    ...     def init(self, n):
    ...         return ("ok", {"count": n})
    ...     def handle_call(self, request, from_, state):
    ...         new = state["count"] + 1
    ...         return ("reply", new, {"count": new})
    >>> with Check("count") as check:
    ...     _count_in_state(check, InADict)
    True
    ✓ count: all good
      ✓ the count is kept in the state
    """
    fresh_node()
    state = right = None
    try:
        state = counter_module().init(41)[1]
        counter = counter_module()
        counter.init(0)
        answer = _plain_call(counter, "increment", state)
        right = ("reply", 42, counter_module().init(42)[1])
    except Exception as error:
        answer, right = f"raised {type(error).__name__}: {error}", None
    if answer == right:
        return check.expect(True, "the count is kept in the state", "")
    if type(answer) is str:
        saw = f"'increment' {answer}"
    elif right and type(answer) is tuple and len(answer) == 3 and answer[1] != 42:
        saw = f"'increment' answered {short(answer[1])}, where it should have answered 42"
    else:
        saw = (f"'increment' returned {short(answer)}, where it should have returned " +
               (short(right) if right else "('reply', 42, the state init(42) returns)"))
    where = kept_outside_state(counter_module)
    name = counter_module.__name__
    check.fail((f"{name} keeps the count {where}, outside the state: the race counted to 2, "
                "but handle_call does not count from the state it is given" if where else
                f"{name}'s handle_call does not count from the state it is given, though the "
                "race counted to 2") +
               f". {STATE_IN_THE_PROCESS}. Keep nothing in self, or in a global: for a "
               "state n, answer ('reply', n + 1, n + 1). How the check saw it: it gave "
               "handle_call the state init(41) returned, but called it on another object, "
               f"whose init(0) had run: {saw}")
    return False


def _plain_call(server: Any, request: Any, state: Any) -> Any:
    """`server.handle_call(request, from_, state)` called as a plain function, with a real
    from_ (an alias of the check's process): a deferred reply, GenServer.reply(from_, x)
    then ("noreply", new), is read back as ("reply", x, new), what the caller would see.

    >>> class Later(GenServer):
    ...     def handle_call(self, request, from_, n):
    ...         GenServer.reply(from_, n + 1)
    ...         return ("noreply", n + 1)
    >>> _ = fresh_node()
    >>> _plain_call(Later(), "increment", 41)
    ('reply', 42, 42)
    """
    tag = alias()
    try:
        answer = server.handle_call(request, (self_pid(), tag), state)
        if type(answer) is tuple and len(answer) == 2 and answer[0] == "noreply":
            with suppress(ReceiveTimeout):
                return ("reply", receive((tag, ANY), timeout=0)[1], answer[1])
        return answer
    finally:
        unalias(tag)


def _two_increments(counter_module: type) -> list:
    """The answers to 'increment' asked twice, from the shell, of a counter started at 41
    on a fresh node (an Exit if a call failed)."""
    fresh_node()
    counter = GenServer.start(counter_module, 41)[1]
    return [GenServer.call(counter, "increment", 1000) for _ in range(2)]


def _answers_increment(check: Check, counter_module: type) -> bool:
    """Does 'increment' answer the new count, and keep it? Asked twice, from the shell."""
    try:
        answers = _two_increments(counter_module)
    except Exit as exit_:
        check.fail(f"{_exit_text(exit_.reason)}. handle_call must answer 'increment' "
                   "with ('reply', n + 1, n + 1)")
        return False
    if answers[0] != 42:
        where = kept_outside_state(counter_module)
        check.fail(f"'increment' on 41 answered {short(answers[0])}: " + (
            f"{counter_module.__name__} keeps the count {where}, not in the state, and the "
            "check had started other counters before this one. "
            f"{STATE_IN_THE_PROCESS}. Keep the count in the state: ('reply', n + 1, n + 1)"
            if where else "answer the new count, with ('reply', n + 1, n + 1)"))
        return False
    return check.expect(answers[1] == 43, "'increment' on 41 answered the new count, 42, "
                        "and then 43", f"'increment' on 41 answered 42, and a second "
                        f"'increment' {short(answers[1])}, not 43: the state did not "
                        "change. Return the new count as the new state too, ('reply', "
                        "n + 1, n + 1)")


def _race_words(outcome: tuple) -> str:
    """What the race gave, when it is not a count of 2."""
    if outcome[0] == "count":
        lost = ({1: ": one bump was lost", 2: ": both bumps were lost"}.get(2 - outcome[1],
                ": more than 1 was added for a bump" if outcome[1] > 2 else "")
                if type(outcome[1]) is int else "")
        return f"the count ends at {outcome[1]}, not 2{lost}"
    return _race_failure(outcome)


def _why_lost(trace: Trace, calls: list, shown: str, counter_module: type) -> str:
    """Why a bump was lost in `trace`, the shortest interleaving that lost one: the
    counter answered before it changed its state, kept the count outside its state, or a
    bump of several calls let another client in between them."""
    own = [e for e in trace.events if e.kind == "send" and e.pid == e.data["to"]
           and is_gen_cast(e.data["msg"])]
    if own:
        sent = own[0]
        return (f"the counter casts {short(sent.data['msg'][1])} to itself (step {sent.step}) "
                "and answers at once: the count changes only when it takes that cast, so an "
                "'increment' taken before it reads the old count. That works only while the "
                "clients take turns. Change the state in the reply itself: ('reply', n + 1, "
                "n + 1)")
    if calls.count("increment") > 1:
        return (f"each bump called 'increment' {calls.count('increment')} times ({shown}), "
                f"so each bump added {calls.count('increment')}: call it once, "
                "GenServer.call(counter, 'increment')")
    if len(calls) == 1:
        where = kept_outside_state(counter_module)
        kept = (f": {counter_module.__name__} keeps the count {where}, which is not its "
                "state, and 'get' answers from the state, which never changed" if where
                else "")
        return (f"each bump is one call, and still a bump was lost{kept}. handle_call must "
                "return the new count as the new state, ('reply', n + 1, n + 1)")
    gets = sum(call == "get" for call in calls)
    sets = any(type(call) is tuple and call[:1] == ("set",) for call in calls)
    if gets > 1 and sets:
        why = ("checking the count again does not help (check, then act): a bump that "
               "finds it changed is dropped, and one that finds it unchanged can still be "
               "overtaken between the check and the set")
    elif sets and "get" in calls:
        why = "between a get and a set, another client can get the same count"
    elif sets:
        why = (f"between your {short(calls[0])} and your set, another client can change the "
               "count, and your set then overwrites it")
    else:
        why = ("another client can change the count between them, and whatever the counter "
               "then refuses or overwrites is a lost bump")
    return (f"each bump made {len(calls)} calls ({shown}): {why}{_first_lost_write(trace)}. "
            "Make safe_bump one call, 'increment', and let handle_call add 1")


def _race_failure(outcome: tuple) -> str:
    """What went wrong in a race that did not end with a count, and what to change."""
    if type(outcome) is not tuple:                # what explore counts for an error raised
        return f"the race ended with {outcome}"
    kind, *detail = outcome
    if kind == "exit":
        return (f"a bump failed: {detail[0]}. safe_bump should call 'increment', "
                "and handle_call answer it with ('reply', n + 1, n + 1)")
    if kind == "raised":
        return f"safe_bump raised {detail[0]}"
    if kind == "stuck":
        return "the clients never finished: does every call get a reply?"
    if kind == "get":
        return f"'get' failed with {detail[0]}: keep the 'get' clause"
    return f"the race gave {short(outcome, 120)}"


def _exit_text(reason: Any) -> str:
    """A call's exit reason in words: "the call 'x' failed: its handle_call returned..."."""
    if (type(reason) is tuple and len(reason) == 2 and type(reason[1]) is tuple
            and reason[1][:2] == ("GenServer", "call")):
        return f"the call {short(reason[1][2][1])} failed: {reason_text(reason[0])}"
    return f"a call exited: {reason_text(reason)}"


def _first_lost_write(trace: Trace) -> str:
    """Where a ("set", value) call overwrote a count it had not seen: ", at step N ...".
    A set should add 1 to the count (after a 'get'), or keep it (after an 'increment')."""
    names, count, incremented = trace.names(), 0, False
    for event in trace.events:
        message = event.data.get("msg") if event.kind == "receive" else None
        if not is_gen_call(message):
            continue
        request, caller = message[2], message[1][0]
        if request == "increment":
            count, incremented = count + 1, True
        elif type(request) is tuple and len(request) == 2 and request[0] == "set":
            if request[1] != count + 1 and not (incremented and request[1] == count):
                return (f": at step {event.step} the counter took {names.get(caller, caller)}'s "
                        f"{short(request)} when the count was already {count}, so a bump was "
                        "overwritten (its client had read the count before another client "
                        "changed it)")
            count = request[1]
    return ""
