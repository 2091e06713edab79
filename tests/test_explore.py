"""explore(): known counts, DPOR against brute force, replays, sampling, bad input."""
from concurrent.futures import ProcessPoolExecutor

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import actorlab
from actorlab import (ANY, BadArgument, ErlangError, GenServer, ReceiveTimeout, current_node,
                      exit, explore, link, monitor, receive, register, reset, self_pid,
                      send, spawn, trap_exit, whereis)
import explore_scenarios as scenarios
from actorlab.explore.runs import TraceTooLong


# -- known counts ---------------------------------------------------------------------------

def test_two_senders_to_one_receiver_give_two_interleavings():
    result = explore(scenarios.who_is_first)
    assert (result.runs, result.complete) == (2, True)
    assert result.outcomes == {"ann": 1, "bob": 1}
    assert result.redundant == result.duplicates == 0


def test_the_self_call_deadlocks_in_its_one_interleaving():
    result = explore(scenarios.self_call)
    assert (result.runs, result.complete, dict(result.outcomes)) == (1, True, {"DeadlockError": 1})


@pytest.mark.parametrize("clients, runs, outcomes", [
    (2, 6, {1: 4, 2: 2}),                       # (2K)! / 2^K orders of the calls
    (3, 90, {1: 48, 2: 36, 3: 6}),
])
def test_the_lost_update_is_counted_exactly(clients, runs, outcomes):
    result = explore(scenarios.lost_update, clients)
    assert (result.runs, result.complete, dict(result.outcomes)) == (runs, True, outcomes)
    assert result.duplicates == 0


def test_the_fixed_counter_is_right_in_every_interleaving():
    result = explore(scenarios.atomic_update, 3)
    assert result.complete and dict(result.outcomes) == {3: result.runs}


def test_mutual_calls_deadlock_in_some_interleavings_only():
    result = explore(scenarios.mutual_calls)
    assert result.complete
    assert set(result.outcomes) == {"both answered", "DeadlockError"}


def test_brute_force_finds_the_same_outcomes_with_many_more_runs():
    brute = explore(scenarios.who_is_first, method="all")
    assert brute.complete and brute.outcomes.keys() == {"ann", "bob"}
    assert brute.runs > 100 and brute.duplicates == brute.runs - 2     # two distinct only
    lost = explore(scenarios.lost_update, 2, method="all", max_runs=2000)
    assert not lost.complete and lost.stopped == "max_runs=2000 reached"
    assert lost.duplicates > 1900                    # nearly all equivalent to another


def test_explore_leaves_the_current_node_alone():
    node = reset(log=None)
    pid = spawn(receive)
    explore(scenarios.who_is_first)
    assert current_node() is node and actorlab.is_alive(pid) and self_pid().number == 0


# -- DPOR against brute force on random small programs ----------------------------------

step = st.one_of(
    st.tuples(st.just("send"), st.integers(0, 1), st.integers(0, 1)),
    st.tuples(st.just("poll"),),
    st.tuples(st.just("wait"),),
    st.tuples(st.just("kill"), st.integers(0, 1)),
    st.tuples(st.just("link"), st.integers(0, 1)),
    st.tuples(st.just("trap"),),
    st.tuples(st.just("monitor"), st.integers(0, 1)),
    st.tuples(st.just("register"),),
    st.tuples(st.just("whereis"), st.integers(0, 1)),
)
programs = st.lists(st.lists(step, max_size=3), min_size=2, max_size=2)


def run_program(program):
    """Two workers run their scripts concurrently: the first starts the second, so each
    knows the other's pid without a message. Each notes what it saw in its own slot of
    `seen` (a slot of its own: explore sees only messages, and disjoint slots commute),
    and the outcome is what both saw."""
    seen = {}

    def worker(index, script, peers):
        if index == 0:
            peers = [self_pid(), spawn(worker, 1, program[1], [self_pid()])]
        else:
            peers = peers + [self_pid()]
        notes = []
        for op, *args in script:
            try:
                notes.append(_do(op, args, index, peers))
            except ReceiveTimeout:
                notes.append("nothing")
            except (ErlangError, BadArgument):
                notes.append("refused")
        seen[index] = tuple(notes)

    spawn(worker, 0, program[0], [])
    return seen.get(0, "gone"), seen.get(1, "gone")


def _do(op, args, index, peers):
    """One step of a worker's script: what it saw."""
    peer = peers[args[0] % 2] if args else None
    if op == "send":
        return send(peer, (index, args[1]))
    if op == "poll":
        return _plain(receive(timeout=0))
    if op == "wait":
        return _plain(receive(timeout=10))
    if op == "kill":
        return exit(peer, "kill")
    if op == "link":
        return link(peer)
    if op == "trap":
        return trap_exit(True)
    if op == "monitor":
        return _plain(monitor(peer))
    if op == "register":
        return register(f"w{index}", self_pid())
    return whereis(f"w{args[0] % 2}") is not None


def _plain(message):
    """A message with its refs and pids replaced by what they are (their numbers differ
    between equivalent runs)."""
    if isinstance(message, tuple):
        return tuple(_plain(part) for part in message)
    if isinstance(message, (actorlab.Pid, actorlab.Ref)):
        return type(message).__name__
    return message


@settings(max_examples=40, deadline=None)
@given(programs)
def test_dpor_finds_every_outcome_brute_force_finds_with_no_more_runs(program):
    brute = explore(run_program, program, method="all", max_runs=400, max_seconds=None)
    assume(brute.complete)
    dpor = explore(run_program, program, max_seconds=None)
    assert dpor.complete
    assert set(dpor.outcomes) == set(brute.outcomes)
    assert dpor.runs <= brute.runs
    assert dpor.duplicates == 0


# -- replays ------------------------------------------------------------------------------

def test_a_replayed_example_gives_its_outcome_and_the_same_trace_twice():
    result = explore(scenarios.lost_update, 2)
    first, second = result.replay(1), result.replay(1)
    assert first.trace.to_json() == second.trace.to_json()
    race = [e for e in first.trace.events if e.kind == "race"]
    assert len(race) == 1 and race[0].data["instead"] == 2
    steps = (race[0].data["first"], race[0].data["second"])
    kinds = [first.trace[s - 1] for s in steps]
    assert [e.kind for e in kinds] == ["send", "send"]                    # two calls
    assert kinds[0].pid != kinds[1].pid                                  # by two clients
    assert [e.data["msg"][2] for e in kinds] == ["get", ("set", 1)]


def test_a_schedule_from_explore_replays_in_a_fresh_node():
    result = explore(scenarios.lost_update, 2)
    schedule = result.example(1)
    assert schedule.startswith("p:")
    reset(schedule=schedule, log=None)
    assert scenarios.lost_update(2) == 1
    assert current_node().schedule == schedule


def test_the_result_says_what_it_found_and_how_to_replay_it():
    result = explore(scenarios.lost_update, 2)
    text = repr(result)
    assert text.splitlines()[0] == ("explore(lost_update(2), method='dpor'): 6 "
                                    "interleavings, complete")
    assert "reset(schedule='p:" in text and "lost_update(2)" in text
    assert "<table>" in result._repr_html_()
    with pytest.raises(KeyError, match="no interleaving gave 7"):
        result.example(7)


def test_the_result_names_a_class_or_a_function_argument_as_the_trace_does():
    def started(server, *args):
        GenServer.start(server, 0, name="counter")
        return GenServer.call("counter", "get")

    text = repr(explore(started, scenarios.Counter, scenarios.lost_update, "x"))
    assert text.startswith("explore(started(Counter, lost_update, 'x')")
    assert "; started(Counter, lost_update, 'x')" in text      # as the code to run


# -- sampling ------------------------------------------------------------------------------

@pytest.mark.parametrize("method", ["random", "pct"])
def test_sampling_is_reproducible_and_finds_the_lost_update(method):
    first = explore(scenarios.lost_update, 2, method=method, max_runs=60, seed=4)
    again = explore(scenarios.lost_update, 2, method=method, max_runs=60, seed=4)
    assert first.outcomes == again.outcomes and first.runs == 60
    assert not first.complete and set(first.outcomes) == {1, 2}


def test_sampling_on_worker_processes_gives_the_same_result():
    alone = explore(scenarios.lost_update, 2, method="random", max_runs=40, seed=1)
    with ProcessPoolExecutor(2) as pool:
        spread = explore(scenarios.lost_update, 2, method="random", max_runs=40, seed=1,
                         executor=pool)
    assert spread.outcomes == alone.outcomes
    assert [spread.example(o) for o in spread.outcomes] == \
        [alone.example(o) for o in spread.outcomes]


# -- bounds and bad input -----------------------------------------------------------------

def test_a_preemption_bound_explores_less_and_says_it_is_not_complete():
    bounded = explore(scenarios.lost_update, 3, bound=1)
    assert not bounded.complete and "bounded" in bounded.stopped
    assert bounded.runs < 90 and set(bounded.outcomes) <= {1, 2, 3}


def test_a_scenario_that_never_ends_is_stopped_by_the_budget():
    result = explore(scenarios.chatterbox)
    assert dict(result.outcomes) == {"RunawayError": result.runs}


@pytest.mark.parametrize("call, error", [
    (lambda: explore(scenarios.lost_update(2)), "explore needs a function to run"),
    (lambda: explore(scenarios.a_list), "cannot count: return something hashable"),
    (lambda: explore(scenarios.who_is_first, bound=-1), "bound is a whole number of at least 0"),
    (lambda: explore(scenarios.who_is_first, method="exhaustive"), "method is one of"),
    (lambda: explore(scenarios.who_is_first, max_seconds=0), "max_seconds is a positive"),
    (lambda: explore(lambda: 1, method="random", workers=2), "must be importable"),
    (lambda: explore(scenarios.who_is_first, workers=2), "spread random and pct runs"),
])
def test_bad_input_is_refused_clearly(call, error):
    with pytest.raises(BadArgument, match=error):
        call()


def test_a_run_longer_than_the_trace_explore_keeps_is_refused_by_its_own_error():
    with pytest.raises(TraceTooLong, match=r"more trace events than explore\(\) keeps \(5\)"):
        explore(scenarios.who_is_first, trace_limit=5)
    assert explore(scenarios.who_is_first, trace_limit=100).complete


def test_explore_is_for_the_shell():
    shell = self_pid()

    def process():
        try:
            explore(scenarios.who_is_first)
        except BadArgument as error:
            send(shell, str(error))

    spawn(process)
    assert receive(timeout=0) == "explore() is for the shell (a notebook cell), not for a process"
