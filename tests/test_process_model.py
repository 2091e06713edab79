"""One process model: a status per process that the trace replays exactly, schedules that
replay exactly, and diagnoses that do not depend on the trace."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import actorlab
from actorlab import (ANY, DeadlockError, GenServer, ReceiveTimeout, ScheduleError, exit,
                      link, make_ref, monitor, receive, register, reset, self_pid, send,
                      sleep, spawn, spawn_link, trap_exit, unregister)
from actorlab.views import replay_states

WORKERS = 3

# A worker's script: each step is one runtime operation on one of the workers.
steps = st.one_of(
    st.tuples(st.just("send"), st.integers(0, WORKERS - 1)),
    st.tuples(st.just("sleep"), st.integers(0, 20)),
    st.tuples(st.just("take"), st.integers(0, WORKERS - 1)),          # receive, timeout 0
    st.tuples(st.just("wait"), st.integers(0, WORKERS - 1), st.integers(1, 30)),
    st.tuples(st.just("link"), st.integers(0, WORKERS - 1)),
    st.tuples(st.just("monitor"), st.integers(0, WORKERS - 1)),
    st.tuples(st.just("kill"), st.integers(0, WORKERS - 1)),
    st.tuples(st.just("trap"),),
    st.tuples(st.just("crash"),),
    st.tuples(st.just("spawn"), st.integers(0, WORKERS - 1)),
    st.tuples(st.just("name"),),
)
programs = st.lists(st.lists(steps, max_size=6), min_size=WORKERS, max_size=WORKERS)


def worker(index, script, peers):
    receive("go")
    for step in script:
        op, *args = step
        if op == "send":
            send(peers[args[0]], ("hello", index))
        elif op == "sleep":
            sleep(args[0])
        elif op == "take":
            try:
                receive(("hello", args[0]), timeout=0)
            except ReceiveTimeout:
                pass
        elif op == "wait":
            try:
                receive(("hello", args[0]), timeout=args[1])
            except ReceiveTimeout:
                pass
        elif op == "link":
            link(peers[args[0]])
        elif op == "monitor":
            monitor(peers[args[0]])
        elif op == "kill":
            exit(peers[args[0]], "kill")
        elif op == "trap":
            trap_exit(True)
        elif op == "crash":
            raise RuntimeError("on purpose")
        elif op == "spawn":
            spawn(send, peers[args[0]], ("hello", index))
        elif op == "name":
            register(f"worker{index}", self_pid())
            unregister(f"worker{index}")


def run_recording_statuses(program, seed=None, schedule=None):
    """Run `program`, noting every process's live status as each event is recorded (the
    runtime records what happened after doing it): the states the replay must show."""
    node = reset(seed=seed, schedule=schedule, log=None)
    seen = {}
    live = []
    record = node.trace.record

    def noting(*event):
        step = record(*event)
        seen.update((p.pid, p) for p in node.processes.values())
        live.append({pid: proc.status for pid, proc in seen.items()})
        return step

    node.trace.record = noting
    peers = []
    peers.extend(spawn(worker, i, program[i], peers, label=f"w{i}") for i in range(WORKERS))
    for pid in peers:
        send(pid, "go")
    try:
        receive("never", timeout=500)
    except ReceiveTimeout:
        pass
    return node, live


@settings(max_examples=80, deadline=None)
@given(programs, st.one_of(st.none(), st.integers(0, 10_000)))
def test_the_replayed_status_of_every_process_is_its_live_status_at_every_step(program, seed):
    node, live = run_recording_statuses(program, seed)
    replayed = replay_states(node.trace)
    assert len(live) == len(node.trace)
    for step, statuses in enumerate(live, start=1):
        for pid, state in replayed[step].items():
            assert state.status == statuses[pid], (
                f"after step {step} ({node.trace[step - 1]}), "
                f"{pid} is {statuses[pid]} but the replay says {state.status}")


@settings(max_examples=40, deadline=None)
@given(programs, st.integers(0, 10_000))
def test_replaying_a_runs_schedule_gives_a_byte_identical_trace(program, seed):
    node, _ = run_recording_statuses(program, seed=seed)
    recorded, schedule = node.trace.to_json(), node.schedule
    again, _ = run_recording_statuses(program, schedule=schedule)
    assert again.trace.to_json() == recorded
    assert again.schedule == schedule


def _four_workers():
    """Four processes made runnable together; each logs its letter, yields, logs again."""
    order = []

    def worker(name):
        order.append(name)
        sleep(0)
        order.append(name.upper())

    spawn(lambda: [spawn(worker, name) for name in "abcd"])
    actorlab.run_for(1)
    return "".join(order)


def test_a_schedule_is_compact_text_that_replays_a_seeded_run():
    reset(seed=3, log=None)
    seeded = _four_workers()
    schedule = actorlab.current_node().schedule
    assert schedule and set(schedule) <= set("0123456789.*")
    reset(schedule=schedule, log=None)
    assert _four_workers() == seeded
    reset(log=None)
    assert _four_workers() == "abcdABCD"                 # first come, first served
    assert actorlab.current_node().schedule.split(".")[0] == "2"


def test_a_schedule_that_no_longer_fits_says_where_and_leaves_the_node_usable():
    reset(schedule="2.9", log=None)
    with pytest.raises(ScheduleError, match=r"at choice 2: it picks #PID<0\.9\.0>, which is "
                                            r"not runnable \(runnable: #PID<0\.3\.0>, "
                                            r"#PID<0\.4\.0>, #PID<0\.5\.0>\)"):
        _four_workers()
    echo = spawn(lambda: send(*receive()))        # the node is still usable
    send(echo, (self_pid(), "still here"))
    assert receive() == "still here"
    reset(schedule="2", log=None)
    with pytest.raises(ScheduleError, match="the schedule ended after 1 choice, but"):
        _four_workers()
    with pytest.raises(actorlab.BadArgument, match="not a pid number"):
        reset(schedule="2.x", log=None)
    with pytest.raises(actorlab.BadArgument, match="a seed or a schedule, not both"):
        reset(seed=1, schedule="2", log=None)


# -- diagnosis without the trace -------------------------------------------------------

def hand_built_call(server, request):
    ref = make_ref()
    send(server, (self_pid(), ref, request))
    return receive((ref, ANY))[1]


def self_calling_server():
    while True:
        caller, ref, request = receive()
        if request == "twice":
            hand_built_call(self_pid(), "once")
        send(caller, (ref, "done"))


def relay(other_name):
    while True:
        caller, ref, request = receive()
        if request == "forward":
            hand_built_call(actorlab.whereis(other_name), "forward")
        send(caller, (ref, "done"))


class Calls(GenServer):
    """Calls `target` when asked to, as the course's A -> B -> A deadlock does."""

    def init(self, target):
        return ("ok", target)

    def handle_call(self, request, from_, target):
        if request == "forward":
            GenServer.call(target, "forward", "infinity")
        return ("reply", "done", target)


def self_call():
    server = spawn(self_calling_server, label="server")
    hand_built_call(server, "twice")


def mutual():
    a = spawn(relay, "b", label="a")
    b = spawn(relay, "a", label="b")
    register("a", a)
    register("b", b)
    hand_built_call(a, "forward")


def genserver_cycle():
    GenServer.start(Calls, "b", name="a")
    GenServer.start(Calls, "a", name="b")
    GenServer.call("a", "forward", "infinity")


@pytest.mark.parametrize("scenario", [self_call, mutual, genserver_cycle])
def test_the_deadlock_report_is_the_same_with_the_trace_on_off_or_full(scenario, capsys):
    said = []
    for options in ({}, {"trace": False}, {"trace_limit": 3}):
        reset(**options)
        with pytest.raises(DeadlockError) as caught:
            scenario()
        out = capsys.readouterr().out
        warnings = [line for line in out.splitlines() if line.startswith("[warning] call cycle")]
        said.append((str(caught.value), warnings, caught.value.cycle))
    assert said[0] == said[1] == said[2]
    text, warnings, cycle = said[0]
    assert "Cycle:" in text and "No cycle" not in text and cycle
    assert warnings, "the cycle warning is printed whatever the trace"


def test_call_intent_is_bounded_and_forgotten_when_the_reply_comes():
    echo = spawn(lambda: [send(*receive()) for _ in range(200)])
    shell = actorlab.current_node().shell
    for _ in range(150):            # each a send holding a fresh ref, and its reply
        ref = make_ref()
        send(echo, (self_pid(), (ref, "hi")))
        receive((ref, ANY))
    assert shell.sent_refs == {}
    for _ in range(150):            # sends whose replies never come: only the newest kept
        send(echo, (make_ref(), "unanswered"))
    assert len(shell.sent_refs) == actorlab.runtime.process.MAX_CALL_REFS



def test_an_old_node_is_freed_after_reset():
    """Suspended greenlets hide what they refer to from the garbage collector, so a node
    must end its hub and its processes when reset() replaces it."""
    import gc
    import weakref

    old = reset(log=None)
    spawn(receive)                      # a process waiting, and the hub suspended
    send(spawn(lambda: receive()), "x")
    gone = weakref.ref(old)
    del old
    reset(log=None)
    gc.collect()
    assert gone() is None
