"""The shell (the notebook cell as a process): deadlocks reported, runaways stopped,
interrupts survived, a killed shell replaced as iex does, errors kept short."""
import pytest

import actorlab
from actorlab import (ANY, DeadlockError, Exit, Pid, ReceiveTimeout, RunawayError, exit,
                      is_alive, make_ref, monitor, receive, register, reset, run_for,
                      self_pid, send, spawn, spawn_link, trap_exit, unregister, whereis)


def call(server, request, timeout=None):
    """The hand-built synchronous call of notebook 02: send with a ref, wait for that ref."""
    ref = make_ref()
    send(server, (self_pid(), ref, request))
    return receive((ref, ANY), timeout=timeout)[1]


def self_calling_server():
    """Answers "ping"; for "twice" it calls itself -- the classic deadlock."""
    while True:
        caller, ref, request = receive()
        if request == "twice":
            call(self_pid(), "ping")
        send(caller, (ref, "pong"))


def test_a_working_call():
    server = spawn(self_calling_server, label="server")
    assert call(server, "ping") == "pong"


def test_the_self_call_deadlock_is_an_error_that_explains_itself(node, capsys):
    server = spawn(self_calling_server, label="server")
    with pytest.raises(DeadlockError) as caught:
        call(server, "twice")
    text = str(caught.value)
    assert text.splitlines() == [
        "deadlock at 0 ms: processes wait for each other in a cycle (below), so the shell "
        "waits for a message that no process will ever send. Nothing is runnable and no timer "
        "is pending. Waiting:",
        "  #PID<0.0.0> (shell) waits for (#Ref<0.1>, ANY), a reply from #PID<0.1.0> (server); "
        "mailbox empty",
        "  #PID<0.1.0> (server) waits for (#Ref<0.2>, ANY), a reply from itself; mailbox has "
        "1 message: (#PID<0.1.0>, #Ref<0.2>, 'ping')",
        "Cycle: #PID<0.1.0> (server) waits for a reply from itself.",
    ]
    assert caught.value.cycle == [server]
    assert set(caught.value.waiting) == {self_pid(), server}
    assert "[warning] call cycle at 0 ms: #PID<0.1.0> (server) waits for a reply from " \
           "itself" in capsys.readouterr().out
    assert [e.kind for e in node.trace.events][-1] == "deadlock"


def test_after_a_deadlock_the_node_is_still_usable():
    server = spawn(self_calling_server, label="server")
    with pytest.raises(DeadlockError):
        call(server, "twice")
    other = spawn(self_calling_server)
    assert call(other, "ping") == "pong"


def test_a_plain_wait_for_nothing_is_a_deadlock_without_a_cycle():
    with pytest.raises(DeadlockError, match="No cycle of calls"):
        receive("never")


def test_a_cycle_between_two_servers_is_reported_even_when_the_shell_is_not_waiting(
        node, capsys):
    def relay(other_name):
        while True:
            caller, ref, request = receive()
            if request == "forward":
                call(actorlab.whereis(other_name), "forward", timeout=5000)
            send(caller, (ref, "done"))

    a = spawn(relay, "b", label="a")
    b = spawn(relay, "a", label="b")
    actorlab.register("a", a)
    actorlab.register("b", b)
    send(a, (self_pid(), make_ref(), "forward"))      # a calls b, b calls a
    out = capsys.readouterr().out
    assert ("[warning] call cycle at 0 ms: #PID<0.2.0> (b) waits for #PID<0.1.0> (a), which "
            "waits for #PID<0.2.0> (b)") in out
    cycles = [e for e in node.trace.events if e.kind == "cycle"]
    assert [p for p in cycles[0].data["cycle"]] == [b, a]
    run_for(6000)          # the timeouts turn the hang into a crash, as in OTP
    assert not is_alive(b) and not is_alive(a)


def test_a_shell_receive_with_timeout_is_not_a_deadlock():
    with pytest.raises(ReceiveTimeout):
        receive("never", timeout=10)


def test_a_runaway_ping_pong_is_stopped_and_the_node_stays_usable():
    reset(max_steps=1000, log=None)

    def bouncer():
        while True:
            sender, ball = receive()
            send(sender, (self_pid(), ball))

    b = spawn(bouncer, label="bouncer")

    def pinger():
        while True:
            send(b, (self_pid(), "ball"))
            receive()

    with pytest.raises(RunawayError, match=r"kept running for 1,000 steps without settling.*"
                                           r"Busiest: #PID<0.\d.0> \((bouncer|pinger)\)"):
        spawn(pinger, label="pinger")
    echo = spawn(lambda: send(*receive()))     # the node is still usable
    send(echo, (self_pid(), "still here"))
    assert receive() == "still here"


def test_a_runaway_suspends_the_processes_about_to_run(node):
    """They stay alive (with their mailboxes) but do not run again, so the next shell
    action does not run away too; the trace says who was suspended."""
    reset(max_steps=1000, log=None)

    def talks_to_itself():
        while True:
            send(self_pid(), "again")
            receive()

    with pytest.raises(RunawayError, match="suspended"):
        pid = spawn(talks_to_itself, label="chatty")
    pid = actorlab.processes()[1]
    assert actorlab.process_info(pid)["status"] == "suspended"
    send(pid, "still delivered")
    assert actorlab.process_info(pid)["messages"][-1] == "still delivered"
    exit(pid, "kill")                            # an exit signal still ends it
    assert not is_alive(pid)
    events = actorlab.current_node().trace.events
    runaway = next(e for e in events if e.kind == "runaway")
    assert runaway.data["suspended"] == [pid]


def test_a_process_that_never_blocks_is_preempted_so_the_budget_can_stop_it():
    reset(max_steps=10_000, log=None)

    def talks_to_itself():
        while True:
            send(self_pid(), "again")
            receive()

    with pytest.raises(RunawayError, match="talks_to_itself"):
        spawn(talks_to_itself)


def test_a_keyboard_interrupt_in_a_process_leaves_the_node_usable(capsys):
    def interrupted():
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        spawn(interrupted, label="busy")
    assert "[interrupted] #PID<0.1.0> (busy) was running and has been stopped" in \
        capsys.readouterr().out
    assert not is_alive(Pid(1, actorlab.current_node().serial))
    echo = spawn(lambda: send(*receive()))
    send(echo, (self_pid(), "alive"))
    assert receive() == "alive"


def test_a_linked_crash_kills_the_shell_and_a_new_shell_starts_like_iex():
    old_shell = self_pid()
    with pytest.raises(Exit) as caught:
        spawn_link(lambda: exit("boom"))
    assert str(caught.value).splitlines() == [
        "** (EXIT from #PID<0.0.0>) shell process exited with reason: 'boom'",
        "   (killed by the exit signal from #PID<0.1.0>; the shell is now #PID<0.2.0>)"]
    assert caught.value.reason == "boom"
    assert self_pid() == Pid(2) and not is_alive(old_shell)


def test_a_trapping_shell_gets_the_exit_as_a_message():
    trap_exit(True)
    pid = spawn_link(lambda: exit("boom"))
    assert receive() == ("EXIT", pid, "boom")
    assert self_pid() == Pid(0)


def test_exit_in_the_shell_is_an_exception_that_can_be_caught():
    send(self_pid(), "kept")
    try:
        exit("timeout")
    except Exit as caught:
        assert caught.reason == "timeout"
    assert self_pid() == Pid(0) and receive(timeout=0) == "kept"      # as on the BEAM


def test_an_exit_that_leaves_the_cell_uncaught_restarts_the_shell_like_iex():
    def watch(shell):
        ref = monitor(shell)
        register("saw", self_pid())
        receive(("DOWN", ref, ANY, ANY, ANY))
        unregister("saw")

    old_shell = self_pid()
    spawn(watch, old_shell)
    with pytest.raises(Exit, match=r"\*\* \(exit\) 'bye'") as caught:
        exit("bye")
    assert self_pid() == Pid(0)                      # not yet: IPython has not shown it
    lines = caught.value._render_traceback_()        # what IPython does with an uncaught error
    assert lines[0].splitlines() == ["** (exit) 'bye'", "   (the shell is now #PID<0.2.0>)"]
    assert self_pid() == Pid(2) and not is_alive(old_shell)
    assert whereis("saw") is None                    # the shell's monitor fired: DOWN
    assert caught.value._render_traceback_() == lines       # shown twice, ended once


def test_errors_render_short_in_jupyter():
    """The learner's own line, and the function it is in (a cell's lines have none)."""
    def call():
        return receive("never")

    try:
        call()
    except DeadlockError as error:
        lines = error._render_traceback_()
    line = call.__code__.co_firstlineno + 1
    assert lines[0].startswith("DeadlockError: deadlock at 0 ms")
    assert lines[-1] == f"  in call(), at line {line}: return receive(\"never\")"
    assert not any("node.py" in line or "greenlet" in line for line in lines)


def test_reset_gives_the_same_pids_again_and_refuses_old_ones():
    first = spawn(receive)
    reset(log=None)
    second = spawn(receive)
    assert first == second                           # same number, fresh node
    with pytest.raises(actorlab.BadArgument, match="earlier node"):
        send(first, "to the old world")


def test_the_wall_clock_budget_stops_a_runaway_even_with_a_huge_step_budget():
    reset(max_steps=10**9, max_seconds=0.2, log=None)

    def talks_to_itself():
        while True:
            send(self_pid(), "again")
            receive()

    with pytest.raises(RunawayError, match=r"kept running for 0.2 s without settling"):
        spawn(talks_to_itself)


def test_a_node_used_from_another_thread_says_so():
    import threading

    errors = []

    def other_thread():
        try:
            send(self_pid(), "from another thread")
        except actorlab.BadArgument as error:
            errors.append(str(error))

    thread = threading.Thread(target=other_thread)
    thread.start()
    thread.join()
    assert errors and "another thread" in errors[0]


def test_log_goes_where_crash_reports_go_and_can_be_silenced(capsys):
    actorlab.log("a line for the log")
    assert capsys.readouterr().out == "a line for the log\n"
    reset(log=None)
    actorlab.log("silenced")          # no output, and no error either
    assert capsys.readouterr().out == ""
