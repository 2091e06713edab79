"""actorlab's performance figures, in one run (a report, not a test: nothing here fails).

    bash scripts/setup.sh bench && .venv/bin/python benchmarks/bench.py

Measures:
* the calibration: one greenlet round trip (switch to another greenlet and back) on this
  machine, in this run, so that costs can be given in round trips, which carry from one
  machine to another better than rates do;
* ring throughput: 1,000 processes pass a token round a ring 1,000 times (1,000,000
  messages), with tracing off and on, best of 3, as messages per second and as round
  trips per hop; and the same ring on the smallest scheduler that can run it
  (benchmarks/floor.py), the floor any scheduler in this style pays;
* the same ring on Pykka's ThreadingActor (one thread per actor), once, for comparison;
* spawn cost: spawning a process and running it until it blocks in receive, per process,
  in a batch of 10,000 and while growing to 100,000 live processes;
* memory per idle process (resident memory, 100,000 processes blocked in receive);
* one step of the replay widget, for a 100-event trace (the target is under 150 ms);
* explore(): a lost update (a counter server; K clients each get, then set one higher;
  started together by one process; the outcome is the final count) explored completely
  for K = 2, 3, 4: interleavings, outcomes, seconds, interleavings per second; and 400
  random runs on one process and on two worker processes.

Figures depend on the machine; the README records one run's.
"""
from __future__ import annotations

import gc
import os
import platform
import sys
import threading
import time
from importlib.metadata import version
from pathlib import Path

from greenlet import getcurrent, greenlet

from actorlab import explore, processes, receive, reset, self_pid, send, spawn

# The lost update the tests explore (tests/explore_scenarios.py), so that the counts
# measured here are the ones the tests check.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from explore_scenarios import lost_update  # noqa: E402

import floor  # noqa: E402  (beside this file)

RING_SIZE = 1_000
RING_HOPS = 1_000
UNLIMITED = {"max_steps": 10**12, "max_seconds": 1e9, "log": None}


def round_trip(count: int = 500_000) -> float:
    """Seconds for one greenlet round trip: switch to another greenlet, and back."""
    main = getcurrent()

    def bounce() -> None:
        while True:
            main.switch()

    other = greenlet(bounce)
    other.switch()
    started = time.perf_counter()
    for _ in range(count):
        other.switch()
    return (time.perf_counter() - started) / count


def relay(shell):
    """A ring member: learn the next member, then pass the token on until it runs out."""
    following = receive()
    while True:
        token = receive()
        if token == 0:
            send(shell, "done")
        else:
            send(following, token - 1)


def actorlab_ring(trace: bool) -> float:
    """Messages per second round a ring of RING_SIZE processes, RING_HOPS times."""
    reset(trace=trace, trace_limit=4 * RING_SIZE * RING_HOPS, **UNLIMITED)
    members = [spawn(relay, self_pid()) for _ in range(RING_SIZE)]
    for index, member in enumerate(members):
        send(member, members[(index + 1) % RING_SIZE])
    gc.collect()
    started = time.perf_counter()
    send(members[0], RING_SIZE * RING_HOPS)    # this shell action runs the whole ring
    receive("done")
    elapsed = time.perf_counter() - started
    reset(log=None)                            # free the trace before the next run
    return RING_SIZE * RING_HOPS / elapsed


def pykka_ring(hops: int) -> float:
    """The same ring on Pykka's thread-per-actor model."""
    import pykka

    finished = threading.Event()

    class Relay(pykka.ThreadingActor):
        def __init__(self):
            super().__init__()
            self.following = None

        def on_receive(self, message):
            if isinstance(message, pykka.ActorRef):
                self.following = message
            elif message == 0:
                finished.set()
            else:
                self.following.tell(message - 1)

    members = [Relay.start() for _ in range(RING_SIZE)]
    for index, member in enumerate(members):
        member.tell(members[(index + 1) % RING_SIZE])
    started = time.perf_counter()
    members[0].tell(RING_SIZE * hops)
    finished.wait()
    elapsed = time.perf_counter() - started
    pykka.ActorRegistry.stop_all()
    return RING_SIZE * hops / elapsed


def idle():
    receive()


def spawn_cost(count: int) -> float:
    """Microseconds per spawn (including running the new process until it blocks)."""
    reset(trace=False, **UNLIMITED)
    gc.collect()
    started = time.perf_counter()
    for _ in range(count):
        spawn(idle)
    return (time.perf_counter() - started) / count * 1e6


def resident_kb() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS in /proc/self/status")


def memory_per_process(count: int) -> tuple[float, int]:
    """(KB of resident memory per idle process, live processes) for `count` processes."""
    reset(trace=False, **UNLIMITED)
    gc.collect()
    before = resident_kb()
    for _ in range(count):
        spawn(idle)
    gc.collect()
    return (resident_kb() - before) / count, len(processes()) - 1   # less the shell


def replay_step_ms() -> float:
    """Milliseconds the kernel spends on one step of the replay widget (100-event trace)."""
    from actorlab.views import Replay, gallery

    player = Replay(gallery.fan_out(workers=10))     # 100 events
    player.widget()
    started = time.perf_counter()
    for index in range(len(player.steps)):
        player.index = index
        player._refresh()
    return (time.perf_counter() - started) / len(player.steps) * 1000


def explored(clients: int) -> tuple[int, dict, float]:
    """(interleavings, outcomes, seconds) of exploring the lost update completely."""
    started = time.perf_counter()
    result = explore(lost_update, clients, max_seconds=None, progress=False)
    assert result.complete
    return result.runs, dict(result.outcomes), time.perf_counter() - started


def sampled(workers: int | None) -> float:
    """Seconds for 400 random runs of the lost update with 3 clients."""
    started = time.perf_counter()
    explore(lost_update, 3, method="random", max_runs=400, workers=workers, progress=False)
    return time.perf_counter() - started


def row(what: str, figure: str, target: str = "", met: bool | None = None) -> None:
    verdict = "" if met is None else f"target {target:<12} {'met' if met else 'MISSED'}"
    print(f"  {what:<44} {figure:>16}   {verdict}")


def main() -> None:
    print(f"actorlab benchmarks: Python {platform.python_version()}, greenlet "
          f"{version('greenlet')}, pykka {version('pykka')}, {os.cpu_count()} CPUs")
    print("Figures vary with the machine; the targets are for a 2-core machine.\n")

    # Memory first: later runs free memory that new processes would reuse unseen.
    per_process, alive = memory_per_process(100_000)
    trip = min(round_trip() for _ in range(5))
    small_batch = spawn_cost(10_000)
    growing = spawn_cost(100_000)
    ring_off = max(actorlab_ring(trace=False) for _ in range(3))
    ring_on = max(actorlab_ring(trace=True) for _ in range(3))
    ring_floor = max(floor.ring(RING_SIZE, RING_HOPS) for _ in range(3))
    pykka = pykka_ring(RING_HOPS)       # the same ring: about 25 s, threads hand off slowly
    step_ms = replay_step_ms()
    explorations = {clients: explored(clients) for clients in (2, 3, 4)}
    alone, spread = sampled(None), sampled(2)

    hops_off, hops_on = 1 / ring_off / trip, 1 / ring_on / trip
    hops_floor = 1 / ring_floor / trip
    print("Calibration:")
    row("greenlet round trip", f"{trip * 1e9:.0f} ns")
    print(f"Ring of {RING_SIZE:,} processes x {RING_HOPS:,} hops (best of 3):")
    row("tracing off, a hop", f"{hops_off:.2f} round trips", "<= 1.5", hops_off <= 1.5)
    row("tracing on, a hop", f"{hops_on:.2f} round trips", "<= 2.5", hops_on <= 2.5)
    row("the floor (benchmarks/floor.py), a hop", f"{hops_floor:.2f} round trips")
    row("tracing off / the floor", f"{hops_off / hops_floor:.2f}x")
    row("tracing off", f"{ring_off:,.0f} msg/s")
    row("tracing on", f"{ring_on:,.0f} msg/s")
    row("Pykka ThreadingActor, same ring", f"{pykka:,.0f} msg/s")
    row("actorlab (tracing off) / Pykka", f"{ring_off / pykka:,.0f}x", ">= 20x",
        ring_off / pykka >= 20)
    print("Processes:")
    row("spawn, in a batch of 10,000", f"{small_batch:.1f} us", "<= 15 us", small_batch <= 15)
    row("spawn, growing to 100,000 live processes", f"{growing:.1f} us")
    row("memory per idle process", f"{per_process:.2f} KB", "<= 8 KB", per_process <= 8)
    row("live processes in one kernel", f"{alive:,}", "100,000", alive >= 100_000)
    print("Views:")
    row("replay widget, one step (100-event trace)", f"{step_ms:.2f} ms", "< 150 ms",
        step_ms < 150)
    print("explore(), the lost update with K clients, complete (DPOR):")
    for clients, (runs, outcomes, seconds) in explorations.items():
        found = ", ".join(f"{count}: {n}" for count, n in sorted(outcomes.items()))
        row(f"K = {clients}: {runs:,} interleavings ({found})",
            f"{seconds:.1f} s, {runs / seconds:,.0f}/s",
            "< 25 s" if clients == 4 else "", seconds < 25 if clients == 4 else None)
    row("400 random runs (K = 3), one process", f"{alone:.1f} s")
    row("the same on 2 worker processes", f"{spread:.1f} s ({alone / spread:.2f}x)")


if __name__ == "__main__":
    main()
