"""Properties that must hold for any program and any seed: no message is lost or
duplicated, and messages from one sender to one receiver arrive in the order sent."""
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from actorlab import ANY, ReceiveTimeout, receive, reset, self_pid, send, sleep, spawn

WORKERS = 4

# A worker's script: send some messages to someone, sleep, or take a message from a
# particular sender first (selective receive), in any order.
steps = st.one_of(
    st.tuples(st.just("send"), st.integers(0, WORKERS - 1), st.integers(1, 3)),
    st.tuples(st.just("sleep"), st.integers(0, 30)),
    st.tuples(st.just("take_from"), st.integers(0, WORKERS - 1)),
)
programs = st.lists(st.lists(steps, max_size=8), min_size=WORKERS, max_size=WORKERS)


def worker(index, script, peers, shell):
    """Run `script`, then keep receiving until quiet for 1,000 ms (longer than any script
    sleeps in all, so that nothing is still to come); report what arrived."""
    received = []
    sent = 0
    for step in script:
        if step[0] == "send":
            _, to, count = step
            for _ in range(count):
                send(peers[to], (index, sent))
                sent += 1
        elif step[0] == "sleep":
            sleep(step[1])
        else:
            try:
                received.append(receive((step[1], ANY), timeout=0))
            except ReceiveTimeout:
                pass
    while True:
        try:
            received.append(receive(timeout=1000))
        except ReceiveTimeout:
            break
    send(shell, ("report", index, received))


def run(program, seed):
    reset(seed=seed, log=None)
    peers = []          # filled before any worker starts its script
    shell = self_pid()

    def start(i):
        receive("go")
        worker(i, program[i], peers, shell)

    peers.extend(spawn(start, i) for i in range(WORKERS))
    for pid in peers:
        send(pid, "go")
    reports = dict(receive(("report", i, ANY))[1:] for i in range(WORKERS))
    return reports


def expected_sends(program):
    """What each worker sends to each other worker, in order."""
    sends = {}
    for sender, script in enumerate(program):
        seq = 0
        for step in script:
            if step[0] == "send":
                for _ in range(step[2]):
                    sends.setdefault(step[1], []).append((sender, seq))
                    seq += 1
    return sends


@settings(max_examples=60, deadline=None)
@given(programs, st.one_of(st.none(), st.integers(0, 10_000)))
def test_no_message_is_lost_or_duplicated_and_pairs_keep_their_order(program, seed):
    reports = run(program, seed)
    sends = expected_sends(program)
    for receiver in range(WORKERS):
        got = reports[receiver]
        assert Counter(got) == Counter(sends.get(receiver, []))       # none lost, none twice
        for sender in range(WORKERS):
            from_sender = [seq for who, seq in got if who == sender]
            assert from_sender == sorted(from_sender)                  # per-pair order


@settings(max_examples=15, deadline=None)
@given(programs, st.integers(0, 10_000))
def test_a_seeded_run_is_reproducible(program, seed):
    assert run(program, seed) == run(program, seed)
