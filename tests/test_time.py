"""Virtual time: sleep, now, run_for, timers, and seeded scheduling."""
import pytest

from actorlab import (BadArgument, DeadlockError, ReceiveTimeout, cancel_timer, current_node,
                      exit, now, process_info, read_timer, receive, register,
                      reset, run_for, self_pid, send, send_after, sleep, spawn)
from actorlab.trace import format_events


def test_time_starts_at_zero_and_only_moves_when_the_shell_waits():
    assert now() == 0
    spawn(lambda: sleep(1000))
    assert now() == 0
    run_for(10)
    assert now() == 10


def test_sleep_in_a_process_costs_virtual_time_only():
    def sleeper(to):
        sleep(5000)
        send(to, now())

    spawn(sleeper, self_pid())
    assert receive() == 5000            # the clock jumped to the timer: no real wait


def test_the_shell_sleep_is_run_for():
    sleep(300)
    assert now() == 300


def test_timers_fire_in_time_order_and_ties_in_start_order():
    def wake_after(ms, tag, to):
        sleep(ms)
        send(to, (tag, now()))

    me = self_pid()
    spawn(wake_after, 30, "c", me)
    spawn(wake_after, 10, "a", me)
    spawn(wake_after, 30, "d", me)
    spawn(wake_after, 20, "b", me)
    assert [receive() for _ in range(4)] == [("a", 10), ("b", 20), ("c", 30), ("d", 30)]


def test_run_for_fires_timers_within_the_window_only():
    fired = []
    spawn(lambda: (sleep(50), fired.append(now())))
    spawn(lambda: (sleep(150), fired.append(now())))
    run_for(100)
    assert fired == [50] and now() == 100
    run_for(100)
    assert fired == [50, 150] and now() == 200


def test_run_for_is_for_the_shell():
    problems = []

    def misuse():
        try:
            run_for(10)
        except BadArgument as error:
            problems.append(str(error))

    spawn(misuse)
    assert problems and "inside a process use sleep(ms)" in problems[0]


def test_a_long_call_timeout_costs_no_wall_time():
    import time
    started = time.perf_counter()
    with pytest.raises(ReceiveTimeout):
        receive("never", timeout=5000)
    assert now() == 5000
    assert time.perf_counter() - started < 1.0


def _interleaving(seed):
    """Four processes, made runnable together, each log a letter, yield, log it again."""
    reset(seed=seed, log=None)
    order = []

    def worker(name):
        order.append(name)
        sleep(0)                    # let the others run before the second letter
        order.append(name.upper())

    spawn(lambda: [spawn(worker, name) for name in "abcd"])
    run_for(1)
    return "".join(order)


def test_without_a_seed_the_run_queue_is_fifo():
    assert _interleaving(None) == "abcdABCD"


def test_a_seed_explores_other_interleavings_reproducibly():
    seen = {_interleaving(seed) for seed in range(20)}
    assert len(seen) > 1                                # seeds change the interleaving
    assert _interleaving(7) == _interleaving(7)         # ... reproducibly
    assert all(sorted(s) == sorted("abcdABCD") for s in seen)


def test_run_for_lets_everything_due_by_its_end_happen():
    """A timer due exactly when run_for ends fires within it (run_for is not a receive)."""
    def sleeper(shell):
        sleep(10)
        send(shell, "woke")

    spawn(sleeper, self_pid())
    run_for(10)
    assert receive(timeout=0) == "woke"


@pytest.mark.parametrize("call", [lambda ms: sleep(ms), lambda ms: run_for(ms),
                                  lambda ms: receive(timeout=ms),
                                  lambda ms: send_after(self_pid(), "x", ms)])
def test_times_are_whole_milliseconds_as_in_erlang(call):
    """A float is refused, even a whole one: it is often seconds, as time.sleep counts."""
    with pytest.raises(BadArgument, match=r"whole milliseconds.*0\.5 seconds is \w+\(.*500\)"):
        call(0.5)
    with pytest.raises(BadArgument, match=r"not 500\.0: \w+\(.*500\) if you mean 500 ms"):
        call(500.0)
    assert now() == 0 and process_info(self_pid())["messages"] == []


def test_a_float_receive_timeout_carries_erlangs_reason():
    with pytest.raises(BadArgument) as refused:
        receive(timeout=1.5)
    assert refused.value.reason == "timeout_value"


def test_receive_waits_forever_with_none_or_infinity_sleep_with_infinity_only():
    """As in Elixir: `receive ... after :infinity` and `Process.sleep(:infinity)`; None is
    Python's spelling for receive only; run_for (actorlab's own) must end."""
    for call, allowed in ((lambda t: sleep(t), '"infinity"'),
                          (lambda t: run_for(t), None),
                          (lambda t: receive(timeout=t), 'None or "infinity"')):
        with pytest.raises(BadArgument) as refused:
            call(-1)
        forever = f"or {allowed} to wait forever"
        assert (forever in str(refused.value)) if allowed else "forever" not in str(refused.value)
    with pytest.raises(BadArgument, match=r'or "infinity" to wait forever\), not None'):
        sleep(None)
    waiter = spawn(lambda: send(receive(timeout="infinity"), "heard"))
    run_for(10_000)
    assert process_info(waiter)["status"] == "waiting"
    send(waiter, self_pid())
    assert receive(timeout=0) == "heard"


def test_sleep_infinity_parks_a_process_until_an_exit_signal():
    parked = spawn(sleep, "infinity")
    run_for(10**12)                     # no timer ever fires for it
    assert process_info(parked)["status"] == "waiting"
    exit(parked, "kill")
    assert process_info(parked) is None


def test_a_shell_that_sleeps_forever_is_told_so_not_that_it_waits_for_a_message():
    parked = spawn(sleep, "infinity")
    with pytest.raises(DeadlockError) as deadlock:
        sleep("infinity")
    text = str(deadlock.value)
    assert text.startswith('deadlock at 0 ms: the shell sleeps forever (sleep("infinity"))')
    assert f'{parked!r} (sleep) sleeps forever (sleep("infinity")); mailbox empty' in text
    assert "sleep forever" in format_events(current_node().trace)


def test_max_seconds_is_in_seconds_and_takes_a_float():
    assert reset(max_seconds=0.5, log=None).scheduler.max_seconds == 0.5
    with pytest.raises(BadArgument, match="max_seconds must be a number of seconds"):
        reset(max_seconds=-1.0)


def test_a_timer_to_a_pid_that_has_exited_ends_at_once():
    dead = spawn(lambda: None)
    timer = send_after(dead, "hello", 500)
    assert read_timer(timer) is False and cancel_timer(timer) is False
    alive = spawn(receive)
    assert read_timer(send_after(alive, "hello", 500)) == 500


def test_send_after_takes_a_bare_name_not_name_and_node():
    register("me", self_pid())
    with pytest.raises(BadArgument, match=r"send accepts \(name, node\), send_after does not"):
        send_after(("me", "nonode@nohost"), "hi", 100)
    send_after("me", "hi", 100)
    assert receive(timeout=200) == "hi"
    with pytest.raises(ReceiveTimeout):
        receive(timeout=200)
