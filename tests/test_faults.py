"""Faults injected on purpose: kill, drop, delay, partition; deterministic, explored, traced."""
import pytest

import explore_scenarios as scenarios
from actorlab import (ANY, BadArgument, DeadlockError, Exit, GenServer, ReceiveTimeout, Ref,
                      Supervisor, Trace, current_node, demonitor, exit, explore, faults,
                      is_alive, link, monitor, process_info, receive, register, reset,
                      self_pid, send, sleep, spawn, spawn_link, trap_exit, unlink, unregister,
                      whereis)


def echo_twice():
    for _ in range(2):
        sender, message = receive()
        send(sender, message)


def test_a_kill_after_the_nth_receive_loses_that_message_and_tells_the_links(capsys):
    reset(faults=[faults.kill("echo", after=2)])
    trap_exit(True)
    pid = spawn(echo_twice, label="echo")
    link(pid)
    send(pid, (self_pid(), "one"))
    send(pid, (self_pid(), "two"))
    assert receive() == "one"
    assert receive() == ("EXIT", pid, "killed")      # it died with "two" in hand
    out = capsys.readouterr().out
    assert "[fault] #PID<0.1.0> (echo) killed after receiving (#PID<0.0.0>, 'two')" in out
    fault = [e for e in current_node().trace.events if e.kind == "fault"]
    assert [(e.data["what"], e.data["to"]) for e in fault] == [("kill", pid)]


def test_a_dropped_reply_is_named_in_the_deadlock_report():
    reset(log=None, faults=[faults.drop(("answer", ANY))])
    server = spawn(lambda: send(receive(), ("answer", 42)), label="server")
    send(server, self_pid())
    with pytest.raises(DeadlockError) as caught:
        receive(("answer", ANY))
    text = str(caught.value)
    assert "Faults injected before (one may be why):" in text
    assert "drop: ('answer', 42) from #PID<0.1.0> (server) to #PID<0.0.0> (shell)" in text


def test_a_delay_keeps_the_order_between_two_processes():
    reset(log=None, faults=[faults.delay("first", 100)])
    me = self_pid()
    spawn(lambda: [send(me, "first"), send(me, "second")])
    with pytest.raises(Exception):
        receive(timeout=50)                             # nothing yet: both held
    assert [receive(), receive()] == ["first", "second"]
    assert current_node().now() == 100


def test_a_partition_fires_links_and_monitors_with_noconnection_and_drops_messages():
    reset(log=None, faults=[faults.partition(["a"], ["b"], start=10, end=50)])
    me = self_pid()

    def b():
        trap_exit(True)
        send(me, ("b got", receive(), receive()))

    def a():
        trap_exit(True)
        link(b_pid)
        ref = monitor(b_pid)
        saw = receive(("EXIT", b_pid, ANY)), receive(("DOWN", ref, ANY, ANY, ANY))
        send(me, ("a saw", saw))
        sleep(20)
        send(b_pid, "across the cut")                 # at 30 ms: lost
        sleep(30)
        send(b_pid, "after the heal")                 # at 60 ms: it arrives

    b_pid = spawn(b, label="b")
    spawn(a, label="a")
    exit_, down = receive(("a saw", ANY))[1]
    assert exit_ == ("EXIT", b_pid, "noconnection") and down[4] == "noconnection"
    _, signal, message = receive(("b got", ANY, ANY))
    assert signal[0] == "EXIT" and signal[2] == "noconnection"   # both sides hear of it
    assert message == "after the heal"
    what = [e.data["what"] for e in current_node().trace.events if e.kind == "fault"]
    assert what == ["partition", "cut", "heal"]


def test_faults_with_a_chance_are_the_same_for_the_same_seed():
    def run(seed):
        node = reset(seed=seed, log=None, faults=[faults.drop(ANY, to="sink", chance=0.5)])
        sink = spawn(lambda: [receive(timeout=10) for _ in range(20)], label="sink")
        spawn(lambda: [send(sink, n) for n in range(20)])
        sleep(100)
        return node.trace.to_json()

    assert run(3) == run(3)
    assert run(3) != run(4)                     # another seed drops other messages


def test_a_trace_with_faults_reads_back_from_json():
    node = reset(log=None, faults=[faults.delay(ANY, 5, to="sink"), faults.kill("sink", at=20)])
    sink = spawn(lambda: receive("never"), label="sink")
    send(sink, "late")
    sleep(30)
    again = Trace.from_json(node.trace.to_json())
    assert again == node.trace
    assert [e.data["what"] for e in again.events if e.kind == "fault"] == \
        ["delay", "deliver", "kill"]
    assert again.diagram() is not None


def test_a_later_delay_that_is_shorter_still_waits_behind_the_first():
    reset(log=None, faults=[faults.delay("slow", 100), faults.delay("quick", 10)])
    me = self_pid()
    spawn(lambda: [send(me, "slow"), send(me, "quick")])
    assert receive() == "slow" and current_node().now() == 100
    assert receive(timeout=0) == "quick"


def test_an_exit_signal_or_down_waits_behind_a_delayed_message():
    """Erlang keeps the order of every signal between two processes: the sender's EXIT
    and DOWN travel behind its delayed message, and are late with it."""
    reset(log=None, faults=[faults.delay("result", 100)])
    trap_exit(True)
    me = self_pid()
    worker = spawn(lambda: [receive(), send(me, "result")], label="worker")
    link(worker)
    ref = monitor(worker)
    send(worker, "go")
    with pytest.raises(ReceiveTimeout):
        receive(timeout=50)                     # the worker is gone; nothing has come
    assert current_node().process_info(me)["links"] == [worker]    # until its EXIT comes
    heard = [receive(), receive(), receive()]
    assert heard == ["result", ("EXIT", worker, "normal"), ("DOWN", ref, "process", worker,
                                                           "normal")]
    assert current_node().now() == 100 and current_node().process_info(me)["links"] == []
    late = [e.data["detail"] for e in current_node().trace.events if e.kind == "fault"]
    assert late == ["delayed 100 ms", "an exit signal waits behind a delayed message",
                    "a DOWN waits behind a delayed message", "delivered late"]


def test_an_exit_signal_across_a_partition_is_lost():
    reset(log=None, faults=[faults.partition(["a"], ["shell"], start=0)])
    a = spawn(receive, label="a")
    sleep(1)                                    # the partition is in force
    assert exit(a, "kill") is True and is_alive(a)
    cut = [e.data for e in current_node().trace.events if e.kind == "fault"][-1]
    assert (cut["what"], cut["to"], cut["msg"]) == ("cut", a, "kill")


def test_a_process_started_during_a_partition_is_on_its_parents_side():
    """As a process Erlang spawns runs on its parent's node: its label does not move it,
    so a supervisor restarts a child on its own side."""
    reset(log=None, faults=[faults.partition(["worker"], ["sup", "shell"], start=50)])
    trap_exit(True)
    _, sup = Supervisor.start_link(
        [{"id": "w", "start": (GenServer.start_link, (Idle, None), {"name": "worker"})}],
        strategy="one_for_one", name="sup")
    first = whereis("worker")
    sleep(100)                                  # the cut kills the link: sup restarts it
    again = whereis("worker")
    assert again not in (None, first) and is_alive(sup)
    assert GenServer.call("worker", "ping") == "pong"      # the shell reaches it: one side


def test_a_process_spawned_during_a_partition_inherits_its_parents_side():
    reset(log=None, faults=[faults.partition(["a"], ["shell"], start=10)])
    me = self_pid()

    def a():
        sleep(20)                               # the cut has come
        spawn(lambda: send(me, "from a's child"), label="shell")   # a label is no side

    spawn(a, label="a")
    with pytest.raises(ReceiveTimeout):
        receive("from a's child", timeout=100)


def test_a_process_started_before_a_partition_is_on_its_parents_side_when_it_comes():
    """Also after a heal, when a second partition comes: a process is on its parent's
    node in Erlang, whenever it was started."""
    reset(log=None, faults=[faults.partition(["a"], ["shell"], start=50, end=150),
                            faults.partition(["a"], ["shell"], start=200)])
    me = self_pid()

    def child():
        receive("go")
        send(me, "from a's child")

    def a():
        children = [spawn(child, label="child")]      # before the first partition
        sleep(170)
        children.append(spawn(child, label="child"))  # between the two
        receive()

    parent = spawn(a, label="a")
    sleep(250)                                  # the second partition is in force
    for pid in current_node().processes_alive():
        if pid != parent and pid != me:
            send(pid, "go")                     # lost, or if not, their answer is
    with pytest.raises(ReceiveTimeout):
        receive("from a's child", timeout=100)


def test_a_process_started_through_one_that_has_ended_is_on_its_grandparents_side():
    reset(log=None, faults=[faults.partition(["a"], ["shell"], start=100)])
    me = self_pid()

    def grandchild():
        sleep(200)                              # the cut has come
        send(me, "from a's grandchild")

    def a():
        spawn(lambda: spawn(grandchild))        # the one in the middle ends at once
        receive()

    spawn(a, label="a")
    with pytest.raises(ReceiveTimeout):
        receive("from a's grandchild", timeout=300)


class Idle(GenServer):
    def init(self, arg):
        return ("ok", arg)

    def handle_call(self, request, caller, state):
        return ("reply", "pong", state)


@pytest.mark.parametrize("wait", [lambda: sleep(100), lambda: receive(timeout=100),
                                  lambda: sleep("infinity")])
@pytest.mark.parametrize("fault, reason", [
    (faults.kill("shell", at=50), "killed"),
    (faults.kill("a", "boom", at=50), "boom"),                  # through the link
    (faults.partition(["a"], ["shell"], start=50), "noconnection"),
])
def test_a_fault_timer_that_ends_the_waiting_shell_tells_it_and_starts_a_new_one(
        fault, reason, wait):
    reset(log=None, faults=[fault])
    old = self_pid()
    spawn_link(receive, label="a")
    with pytest.raises(Exit) as told:
        wait()
    assert told.value.reason == reason and current_node().now() == 50
    assert self_pid() != old                    # a new shell, as iex starts one
    send(self_pid(), "still usable")
    assert receive() == "still usable"


@pytest.mark.parametrize("make, error", [
    (lambda: faults.kill(42), "name a process by its pid, registered name or label"),
    (lambda: faults.kill("a", after=0), "counts from 1"),
    (lambda: faults.kill("a", "kill", after=1), 'exits with "killed", the default'),
    (lambda: faults.kill("a", after=1, at=5), "give one of after=, on= and at="),
    (lambda: faults.delay(ANY, -5), "whole number of milliseconds, 0 or more"),
    (lambda: faults.delay(ANY, 0.5), "whole number of milliseconds"),
    (lambda: faults.kill("a", at=2.5), "whole number of milliseconds"),
    (lambda: faults.partition(["a"], ["b"], start=0.5), "whole number of milliseconds"),
    (lambda: faults.drop(lambda a, b: True), "a receive predicate takes exactly one"),
    (lambda: faults.drop(ANY, chance=2), "a probability above 0 and up to 1"),
    (lambda: faults.drop(("DOWN", ANY, ANY, ANY, ANY)), "DOWN messages come from links and"),
    (lambda: faults.delay(("EXIT", ANY, ANY), 10), "To cut a link or monitor, use partition"),
    (lambda: faults.partition(["a"]), "two groups or more"),
    (lambda: faults.partition(["a"], ["b"], start=10, end=5), "must come after start"),
    (lambda: reset(faults=["kill a"]), "faults= takes faults made by kill()"),
    (lambda: explore(scenarios.supervised_payment, faults=[faults.kill("acounts")]),
     "no process in the scenario is 'acounts'"),
])
def test_bad_faults_are_refused_clearly(make, error):
    with pytest.raises(BadArgument, match=error):
        make()


# -- explored ------------------------------------------------------------------------------

def test_a_supervised_server_killed_mid_call_in_every_interleaving():
    """The caller exits with the server's reason ("killed"), as OTP's call does, and the
    supervisor restarts the server under a new pid: whatever the order."""
    result = explore(scenarios.supervised_payment, faults=[faults.kill("accounts")])
    assert result.complete
    assert dict(result.outcomes()) == {("paid", False): result.baseline.runs}
    killed = result.outcomes("kill 'accounts' after its receive #1")
    assert set(killed) == {("killed", True)}


def test_a_message_a_fault_holds_back_is_not_told_as_sent_to_the_dead():
    reset(log=None, faults=[faults.drop("lost")])
    alive = spawn(receive, label="alive")
    dead = spawn(lambda: None, label="dead")
    send(alive, "lost")
    send(dead, "too late")
    sends = {e.data["msg"]: e for e in current_node().trace.events if e.kind == "send"}
    assert sends["lost"].data["delivered"] is None            # alive: a fault held it back
    assert sends["too late"].data["delivered"] is False
    text = str(current_node().trace)
    assert "send 'lost' to #PID<0.1.0> (alive) -- held back by a fault" in text
    assert "send 'too late' to #PID<0.2.0> (dead) -- dropped: the receiver is dead" in text


def test_a_retry_after_a_dropped_reply_charges_twice_unless_the_server_is_idempotent():
    """At-least-once delivery: the client cannot tell a lost request from a lost reply."""
    for idempotent, charged in ((False, 80), (True, 90)):
        result = explore(scenarios.retried_payment, idempotent,
                         faults=[faults.drop((Ref, "paid"))])       # every reply "paid"
        assert result.complete and set(result.outcomes()) == {90}
        assert list(result.by_fault) == ["drop message #1 matching (Ref, 'paid')"]
        assert set(result.outcomes("drop message #1 matching (Ref, 'paid')")) == {charged}


def test_the_fault_result_says_what_each_fault_did():
    result = explore(scenarios.supervised_payment, faults=[faults.kill("accounts")])
    lines = repr(result).splitlines()
    assert lines[0].startswith("explore(supervised_payment()) with faults: ")
    assert lines[1].split() == ["no", "fault", "('paid',", "False)", "in", "1"]
    assert "kill 'accounts' after its receive #1" in lines[2]
    node = result.replay("kill 'accounts' after its receive #1", ("killed", True))
    assert any(e.kind == "fault" for e in node.trace.events)


# -- signals held behind a delayed message ---------------------------------------------------

def _fault_details():
    return [e.data["detail"] for e in current_node().trace.events if e.kind == "fault"]


def test_a_held_exit_signal_kills_a_non_trapping_target_when_it_comes():
    reset(log=None, faults=[faults.delay("last words", 100)])
    watcher = spawn(lambda: receive("never"), label="watcher")
    spawn(lambda: [link(watcher), send(watcher, "last words"), exit("boom")])
    sleep(50)
    assert is_alive(watcher)                    # its sender is gone; the signal is not here
    sleep(100)
    assert not is_alive(watcher)
    ended = [e for e in current_node().trace.events if e.kind == "exit" and e.pid == watcher]
    assert ended[0].data["reason"] == "boom" and ended[0].time == 100


def test_a_held_signal_to_a_process_that_dies_meanwhile_vanishes():
    reset(log=None, faults=[faults.delay("late", 100), faults.kill("target", at=50)])
    target = spawn(lambda: receive("never"), label="target")
    spawn(lambda: [link(target), send(target, "late"), exit("boom")])
    sleep(200)
    assert _fault_details()[-2:] == ["late, to a dead process"] * 2     # the message, the EXIT


def test_a_held_exit_signal_after_an_unlink_and_a_held_down_after_a_demonitor_are_dropped():
    reset(log=None, faults=[faults.delay("late", 100)])
    trap_exit(True)
    me = self_pid()
    worker = spawn_link(lambda: [send(me, "late"), exit("boom")])
    ref = monitor(worker)                       # the worker is gone: its "noproc" is held
    sleep(50)
    unlink(worker)
    demonitor(ref)
    assert receive() == "late"
    with pytest.raises(ReceiveTimeout):
        receive(timeout=100)
    assert _fault_details()[-2:] == ["a late exit signal, after an unlink: ignored",
                                     "a late DOWN, for a monitor removed meanwhile: dropped"]


def test_linking_again_to_a_dead_process_whose_exit_signal_is_late_is_no_error():
    reset(log=None, faults=[faults.delay("late", 100)])
    me = self_pid()
    worker = spawn_link(lambda: [send(me, "late"), exit("boom")])
    assert not is_alive(worker) and worker in process_info(me)["links"]
    assert link(worker) is True         # linked already: OTP gives no noproc either
    with pytest.raises(Exit, match="boom"):
        sleep(200)                      # then the late EXIT comes, and the shell dies of it


def test_an_exit_signal_from_a_live_sender_waits_behind_its_delayed_message():
    reset(log=None, faults=[faults.delay("first", 100)])
    trap_exit(True)
    me = self_pid()
    sender = spawn(lambda: [send(me, "first"), exit(me, "stop"), send(me, "after"),
                            receive("never")], label="sender")
    assert [receive(), receive(), receive()] == ["first", ("EXIT", sender, "stop"), "after"]
    assert current_node().now() == 100


def test_held_signals_replay_the_same():
    def run():
        node = reset(seed=1, log=None, faults=[faults.delay(ANY, 10, to="sink", chance=0.5)])
        sink = spawn(lambda: [receive(timeout=50) for _ in range(8)], label="sink")
        for n in range(4):
            spawn(lambda n=n: [link(sink), send(sink, n), exit("normal")])
        sleep(100)
        return node.trace.to_json()

    assert run() == run()


def test_a_held_signal_waits_behind_every_held_message_that_reaches_its_target():
    """One message is held for a name, one for the pid that holds the name when they
    arrive: the sender's EXIT comes after both, whichever queue it was put in."""
    reset(log=None, faults=[faults.delay("by name", 200), faults.delay("by pid", 100)])
    me = self_pid()
    first = spawn(lambda: receive("never"), label="first")
    register("srv", first)

    def sender():
        link(me)
        send("srv", "by name")                  # first holds the name now
        send(me, "by pid")
        exit("boom")

    trap_exit(True)
    pid = spawn(sender)
    sleep(50)
    unregister("srv")
    register("srv", me)                         # the late message lands here
    assert [receive(), receive(), receive()] == ["by pid", "by name", ("EXIT", pid, "boom")]
    assert current_node().now() == 200
