"""spawn, self_pid, refs, crashes and the crash report."""
import pytest

from actorlab import (BadArgument, Exit, Pid, Ref, exit, is_alive, make_ref, process_info,
                      processes, receive, self_pid, send, spawn)


def test_pids_are_numbered_per_node_from_the_shell():
    assert self_pid() == Pid(0) and repr(self_pid()) == "#PID<0.0.0>"
    assert [spawn(receive) for _ in range(3)] == [Pid(1), Pid(2), Pid(3)]


def test_refs_are_unique_and_print_like_erlang():
    a, b = make_ref(), make_ref()
    assert a != b and isinstance(a, Ref)
    assert repr(a) == "#Ref<0.1>"
    assert len({a, b, make_ref()}) == 3


def test_a_process_knows_its_own_pid():
    def tell_me(to):
        send(to, self_pid())

    pid = spawn(tell_me, self_pid())
    assert receive() == pid


def test_spawn_runs_the_process_until_it_blocks_before_returning():
    log = []

    def worker():
        log.append("started")
        receive()
        log.append("never")

    spawn(worker)
    assert log == ["started"]


def test_a_process_that_returns_exits_normally(node):
    pid = spawn(lambda: None)
    assert not is_alive(pid)
    exits = [e for e in node.trace.events if e.kind == "exit"]
    assert exits[-1].pid == pid and exits[-1].data["reason"] == "normal"


def test_exit_reason_ends_the_process_with_that_reason(node):
    pid = spawn(lambda: exit(("shutdown", 1)))
    assert not is_alive(pid)
    assert node.trace[-1].kind == "exit" and node.trace[-1].data["reason"] == ("shutdown", 1)


def test_exit_can_be_caught_like_erlangs_catch():
    def careful(to):
        try:
            exit("boom")
        except Exit as caught:
            send(to, ("caught", caught.reason))

    spawn(careful, self_pid())
    assert receive() == ("caught", "boom")


def test_a_crash_prints_an_elixir_style_report_and_is_traced(node, capsys):
    def worker(n):
        message = receive()
        return n / message[1]

    pid = spawn(worker, 1, label="divider")
    send(pid, ("div", 0))
    report = capsys.readouterr().out
    assert "[error] Process #PID<0.1.0> (divider) raised an exception at 0 ms" in report
    assert "** (ZeroDivisionError) division by zero" in report
    assert "in worker, line" in report and "return n / message[1]" in report
    assert "initial call: worker(1)" in report
    assert "last message: ('div', 0)" in report
    assert ".py" not in report and "/tmp" not in report      # no file paths
    crash = node.trace[-1]
    assert crash.kind == "exit" and crash.data["crash"] is True
    assert isinstance(crash.data["reason"], ZeroDivisionError)


@pytest.mark.parametrize("not_a_function", [42, "worker", None])
def test_spawning_a_non_callable_is_refused_and_the_node_stays_usable(not_a_function):
    with pytest.raises(BadArgument, match="spawn needs a function"):
        spawn(not_a_function)
    assert spawn(receive) == Pid(1)   # no pid was used up by the failed spawn


def test_process_info_and_processes():
    pid = spawn(receive, label="idle")
    info = process_info(pid)
    assert info["status"] == "waiting" and info["label"] == "idle"
    assert info["waiting_for"] == "any message" and info["messages"] == []
    assert processes() == [self_pid(), pid]
    send(pid, "done")
    assert process_info(pid) is None
