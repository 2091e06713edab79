"""Links, trap_exit, exit signals (normal, kill, killed, others) and monitors.

Every expectation here was checked on Erlang/OTP 25 (the twins in twins/ run them there).
"""
import pytest

import actorlab

from actorlab import (ANY, BadArgument, Exit, ReceiveTimeout, demonitor, exit, is_alive, link,
                      monitor, process_info, receive, register, reset, self_pid, send, sleep,
                      spawn, spawn_link, spawn_monitor, trap_exit, unlink)


def idle():
    receive("never")


def trapper(report_to):
    """Trap exits and forward every message to `report_to`."""
    trap_exit(True)
    while True:
        send(report_to, ("got", receive()))


def crash_on_message():
    receive()
    raise RuntimeError("boom")


def test_an_abnormal_exit_kills_a_linked_process(node):
    b = spawn(crash_on_message)

    def linker():
        link(b)
        receive("never")

    c = spawn(linker)
    send(b, "go")
    assert not is_alive(c)
    signal = [e for e in node.trace.events if e.kind == "signal"][-1]
    assert (signal.pid, signal.data["to"], signal.data["outcome"]) == (b, c, "killed")


def test_exit_signals_propagate_along_a_chain_of_links(node):
    a = spawn(idle)

    def middle():
        link(a)
        receive("never")

    m = spawn(middle)
    b = spawn(crash_on_message)

    def join():
        link(m)
        link(b)
        receive("never")

    j = spawn(join)
    send(b, "go")
    assert not any(is_alive(p) for p in (a, m, b, j))
    reasons = {e.pid: e.data["reason"] for e in node.trace.events if e.kind == "exit"}
    assert all(isinstance(reasons[p], RuntimeError) for p in (a, m, j))


def test_a_normal_exit_does_not_kill_linked_processes():
    survivor = spawn(idle)

    def short_lived():
        link(survivor)

    spawn(short_lived)
    assert is_alive(survivor)


def test_trapping_turns_exit_signals_into_messages():
    t = spawn(trapper, self_pid())

    def doomed():
        link(t)
        receive()
        exit("bad")

    d = spawn(doomed)
    send(d, "go")
    assert receive() == ("got", ("EXIT", d, "bad"))
    assert is_alive(t)


def test_a_trapper_also_gets_normal_exits_of_links():
    t = spawn(trapper, self_pid())
    d = spawn(lambda: link(t))
    assert receive() == ("got", ("EXIT", d, "normal"))


def test_kill_cannot_be_trapped_and_the_victim_dies_with_killed(node):
    t = spawn(trapper, self_pid())
    ref = monitor(t)
    exit(t, "kill")
    assert receive() == ("DOWN", ref, "process", t, "killed")


def test_links_of_a_killed_process_get_killed_not_kill():
    t = spawn(trapper, self_pid())
    victim = spawn(lambda: (link(t), receive("never")))
    exit(victim, "kill")
    assert receive() == ("got", ("EXIT", victim, "killed"))


def test_a_process_exiting_with_reason_kill_sends_a_trappable_kill():
    t = spawn(trapper, self_pid())
    d = spawn(lambda: (link(t), exit("kill")))
    assert receive() == ("got", ("EXIT", d, "kill"))
    assert is_alive(t)


def test_a_non_trapping_link_of_a_kill_exit_dies_with_kill_not_killed():
    watcher = spawn(idle)
    ref = monitor(watcher)

    def dies_with_kill():
        link(watcher)
        exit("kill")

    spawn(dies_with_kill)
    assert receive() == ("DOWN", ref, "process", watcher, "kill")


def test_exit_normal_to_another_process_is_ignored_unless_it_traps():
    plain = spawn(idle)
    exit(plain, "normal")
    assert is_alive(plain)
    t = spawn(trapper, self_pid())
    exit(t, "normal")
    assert receive() == ("got", ("EXIT", self_pid(), "normal"))


def test_exit_self_normal_ends_the_caller():
    pid, ref = spawn_monitor(lambda: (exit(self_pid(), "normal"), send(self_pid(), "after")))
    assert receive() == ("DOWN", ref, "process", pid, "normal")


def test_exit_self_kill_ends_the_caller_with_killed():
    pid, ref = spawn_monitor(lambda: exit(self_pid(), "kill"))
    assert receive() == ("DOWN", ref, "process", pid, "killed")


def test_user_code_cannot_swallow_being_killed():
    def stubborn():
        while True:
            try:
                exit(self_pid(), "kill")
            except Exception:
                pass

    pid, ref = spawn_monitor(stubborn)
    assert receive() == ("DOWN", ref, "process", pid, "killed")


def test_exit_with_another_reason_kills_a_non_trapping_target():
    victim = spawn(idle)
    ref = monitor(victim)
    exit(victim, "shutdown")
    assert receive() == ("DOWN", ref, "process", victim, "shutdown")


def test_a_killed_process_acts_on_nothing_in_its_finally_blocks():
    """Python runs a killed process's `finally` blocks (unwinding its greenlet), but on the
    BEAM a killed process runs no more code: what the block asks of the runtime is not done."""
    ran = []

    def cleanup(to):
        try:
            receive("never")
        finally:
            ran.append("finally")
            send(to, "cleaned up")
            ran.append("not reached")

    pid, ref = spawn_monitor(cleanup, self_pid())
    exit(pid, "kill")
    assert receive(("DOWN", ref, ANY, ANY, ANY))[4] == "killed"
    assert ran == ["finally"]
    assert actorlab.process_info(self_pid())["messages"] == []


@pytest.mark.parametrize("catch_all", ["except BaseException", "bare except"])
def test_a_kill_caught_by_a_catch_all_still_ends_the_process(catch_all):
    def victim(to):
        try:
            if catch_all == "bare except":
                try:
                    exit(self_pid(), "kill")
                except:  # noqa: E722 -- the mistake under test
                    pass
            else:
                try:
                    exit(self_pid(), "kill")
                except BaseException:
                    pass
            send(to, "went on")
        finally:
            pass

    pid, ref = spawn_monitor(victim, self_pid())
    assert receive(("DOWN", ref, ANY, ANY, ANY))[4] == "killed"
    assert actorlab.process_info(self_pid())["messages"] == []
    assert spawn(lambda: None)          # and the node is fine


def test_a_receive_predicate_judges_as_the_receiver_even_when_it_is_waiting():
    """The BEAM evaluates a receive's guards in the receiving process: self() is its own."""
    shell = self_pid()

    def addressed():
        message = receive(lambda m: m[0] == "for" and m[1] == self_pid(), timeout=500)
        send(shell, ("matched", message))

    pid = spawn(addressed)
    send(pid, ("for", pid))             # it is waiting already: the send tests the predicate
    assert receive(("matched", ANY)) == ("matched", ("for", pid))


def test_a_receive_predicate_that_raises_fails_the_receiver_not_the_sender():
    got = []

    def picky():
        try:
            receive(lambda m: m[0] == 1)
        except actorlab.PatternError:
            got.append("receiver raised")

    receiver = spawn(picky)
    sender, ref = spawn_monitor(lambda: send(receiver, 5))
    assert receive(("DOWN", ref, ANY, ANY, ANY))[4] == "normal"
    assert got == ["receiver raised"]


def test_a_polling_loop_steps_aside_and_is_reported_as_a_runaway():
    """Each runtime call is a reduction, so `while is_alive(pid)` lets others run; but
    virtual time waits for nothing to be runnable, so a sleeper never wakes: a runaway,
    whose report says why (not the watchdog's "no runtime call")."""
    node = reset(log=None, max_steps=200_000)
    sleeper = spawn(sleep, 100)

    def poller():
        while is_alive(sleeper):
            pass

    with pytest.raises(actorlab.RunawayError, match="a loop that polls"):
        spawn(poller)
    assert node.processes_alive()


def test_link_to_a_dead_process_raises_noproc_in_a_caller_that_does_not_trap_exits():
    """OTP 25's link/1 raises error:noproc, which the caller can catch and live on."""
    dead = spawn(lambda: None)
    with pytest.raises(actorlab.ErlangError) as caught:
        link(dead)
    assert caught.value.reason == "noproc" and not isinstance(caught.value, Exit)
    assert actorlab.process_info(self_pid())["messages"] == []
    pid, ref = spawn_monitor(lambda: link(dead))          # uncaught, it crashes the caller
    down = receive(("DOWN", ref, "process", pid, ANY))
    assert isinstance(down[4], actorlab.ErlangError) and down[4].reason == "noproc"


def test_link_unlink_and_exit_return_true_as_in_erlang():
    other = spawn(receive)
    assert link(other) is True and unlink(other) is True
    assert exit(other, "kill") is True and exit(other, "kill") is True     # dead: still True


def test_link_to_a_dead_process_gives_a_trapper_an_exit_message():
    dead = spawn(lambda: None)

    def trapping_linker(to):
        trap_exit(True)
        link(dead)
        send(to, receive())

    spawn(trapping_linker, self_pid())
    assert receive() == ("EXIT", dead, "noproc")


def test_unlink_stops_the_signal():
    b = spawn(crash_on_message)

    def unlinker(to):
        link(b)
        unlink(b)
        send(to, "unlinked")
        receive("never")

    u = spawn(unlinker, self_pid())
    receive("unlinked")
    send(b, "go")
    assert is_alive(u)


def test_spawn_link_links_before_the_child_runs():
    t = spawn(trapper, self_pid())

    def parent():
        trap_exit(True)
        child = spawn_link(lambda: exit("at once"))
        send(t, ("child", child, receive()))

    spawn(parent)
    (_, (_, child, message)) = receive()
    assert message == ("EXIT", child, "at once")


def test_trap_exit_returns_the_previous_flag():
    assert trap_exit(True) is False
    assert trap_exit(False) is True
    with pytest.raises(BadArgument):
        trap_exit("yes")


def test_monitor_gets_down_with_the_exit_reason():
    pid = spawn(crash_on_message)
    ref = monitor(pid)
    send(pid, "go")
    down = receive()
    assert down[:4] == ("DOWN", ref, "process", pid) and isinstance(down[4], RuntimeError)


def test_monitors_are_one_way():
    watcher = spawn(lambda: (monitor(spawn(lambda: exit("bad"))), receive("never")))
    assert is_alive(watcher)


def test_monitoring_a_dead_process_gives_noproc_at_once():
    dead = spawn(lambda: None)
    ref = monitor(dead)
    assert receive(timeout=0) == ("DOWN", ref, "process", dead, "noproc")


def test_monitoring_an_unknown_name_gives_noproc_naming_it():
    ref = monitor("ghost")
    assert receive(timeout=0) == ("DOWN", ref, "process", ("ghost", "nonode@nohost"), "noproc")


def test_monitor_by_name():
    pid = spawn(idle)
    register("worker", pid)
    ref = monitor("worker")
    exit(pid, "stop")      # Erlang's DOWN for a monitor by name names it: {worker, Node}
    assert receive() == ("DOWN", ref, "process", ("worker", "nonode@nohost"), "stop")


def test_demonitor_stops_the_down_and_flush_removes_one_already_there():
    pid = spawn(idle)
    ref = monitor(pid)
    demonitor(ref)
    exit(pid, "stop")
    with pytest.raises(ReceiveTimeout):
        receive(("DOWN", ANY, ANY, ANY, ANY), timeout=0)
    other = spawn(idle)
    ref2 = monitor(other)
    exit(other, "stop")
    demonitor(ref2, flush=True)
    with pytest.raises(ReceiveTimeout):
        receive(timeout=0)


def test_flush_of_an_active_monitor_takes_nothing():
    """As OTP 25: no DOWN can have come, so even DOWN-shaped messages stay."""
    ref = monitor(spawn(idle))
    look_alike = ("DOWN", ref, "process", self_pid(), "fake")
    send(self_pid(), look_alike)
    demonitor(ref, flush=True)
    assert process_info(self_pid())["messages"] == [look_alike]


def test_flush_of_a_fired_monitor_takes_the_oldest_message_of_its_shape_only():
    pid = spawn(idle)
    ref = monitor(pid)
    send(self_pid(), ("other", ref, 1, 2, 3))  # any tag: OTP matches {_, Ref, _, _, _}
    send(self_pid(), ("short", ref))
    exit(pid, "stop")
    demonitor(ref, flush=True)
    assert process_info(self_pid())["messages"] == [
        ("short", ref), ("DOWN", ref, "process", pid, "stop")]


def test_two_monitors_give_two_downs():
    pid = spawn(idle)
    r1, r2 = monitor(pid), monitor(pid)
    exit(pid, "x")
    assert [receive(), receive()] == [("DOWN", r1, "process", pid, "x"),
                                      ("DOWN", r2, "process", pid, "x")]


def test_exit_with_a_wrong_number_of_arguments_is_explained():
    with pytest.raises(BadArgument, match="exit takes"):
        exit()
    with pytest.raises(Exit):
        exit("shell goes down")   # the shell exits; the next test of the node still works
    assert spawn(idle)
