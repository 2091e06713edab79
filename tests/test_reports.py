"""What the node reports: process_info of a sleeping process, deadlock texts."""
import pytest

from actorlab import DeadlockError, process_info, receive, self_pid, send, sleep, spawn


def test_process_info_of_a_sleeping_process_says_it_sleeps_not_what_it_receives():
    """twins/process_info_sleeping.exs: Elixir's Process.info shows Process.sleep/1 as its
    current function; here "sleeping" is True and there is no receive pattern to show."""
    sleeper = spawn(sleep, 300)
    parked = spawn(sleep, "infinity")
    waiter = spawn(receive, label="waiter")
    for pid in (sleeper, parked):
        info = process_info(pid)
        assert (info["status"], info["waiting_for"], info["sleeping"]) == ("waiting", None, True)
    info = process_info(waiter)
    assert (info["waiting_for"], info["sleeping"]) == ("any message", False)
    assert process_info(self_pid())["sleeping"] is False        # running, not sleeping
    send(sleeper, "hello")                      # a message does not end a sleep...
    assert process_info(sleeper)["sleeping"] is True
    sleep(300)                                  # ...its timer does, and then it ends
    assert process_info(sleeper) is None


def test_a_process_woken_from_sleep_into_a_receive_is_no_longer_sleeping():
    def naps_then_waits():
        sleep(100)
        receive("stop")

    pid = spawn(naps_then_waits)
    sleep(200)
    info = process_info(pid)
    assert (info["status"], info["waiting_for"], info["sleeping"]) == ("waiting", "'stop'",
                                                                        False)


@pytest.mark.parametrize("others", [0, 1])
def test_a_shell_that_sleeps_forever_is_not_told_it_waits_for_a_message(others):
    """Only an exit signal ends sleep("infinity"): the tail says that, with or without
    other processes waiting."""
    for _ in range(others):
        spawn(receive, label="idle")
    with pytest.raises(DeadlockError) as deadlock:
        sleep("infinity")
    lines = str(deadlock.value).splitlines()
    assert lines[0].startswith('deadlock at 0 ms: the shell sleeps forever (sleep("infinity"))')
    assert lines[-1] == ('No cycle of calls: only an exit signal ends the shell\'s '
                         'sleep("infinity"), and no process can run to send one.')
    assert len(lines) == 3 + others


def test_a_shell_that_waits_for_a_message_keeps_the_generic_tail():
    spawn(sleep, "infinity")
    with pytest.raises(DeadlockError) as deadlock:
        receive("never")
    assert str(deadlock.value).splitlines()[-1] == ("No cycle of calls: each waits for a "
                                                    "message nobody is going to send.")
