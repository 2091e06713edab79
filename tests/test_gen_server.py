"""GenServer, checked against Elixir 1.14 / OTP 25 (see the run notes in each test)."""
import pytest

import actorlab
from actorlab import (ANY, BadArgument, Exit, exit, is_alive, monitor, process_info, receive,
                      run_for, self_pid, send, sleep, spawn, spawn_monitor, trap_exit,
                      whereis)
from actorlab.otp import GenServer, Task
from actorlab.otp.gen_server import missing_callback


class Counter(GenServer):
    """A counter that reports its terminate to the pid it was started with."""

    def init(self, arg):
        observer, start = arg
        return ("ok", {"observer": observer, "count": start})

    def handle_call(self, request, from_, state):
        if request == "get":
            return ("reply", state["count"], state)
        if request == "from":
            return ("reply", from_, state)
        if request == "later":
            send(self_pid(), ("answer_later", from_))
            return ("noreply", state)
        if request == "stop_with_reply":
            return ("stop", "normal", "bye", state)
        if request == "stop_without_reply":
            return ("stop", "done", state)
        if request == "slow":
            sleep(200)
            return ("reply", "slow answer", state)
        if request == "call_myself":
            return ("reply", GenServer.call(self_pid(), "get"), state)
        if request == "crash":
            raise ValueError("bad request")
        return ("reply", ("unknown", request), state)

    def handle_cast(self, message, state):
        if message == "stop":
            return ("stop", "normal", state)
        return ("noreply", {**state, "count": state["count"] + message})

    def handle_info(self, message, state):
        if type(message) is tuple and message[0] == "answer_later":
            GenServer.reply(message[1], "deferred answer")
            return ("noreply", state)
        return super().handle_info(message, state)

    def terminate(self, reason, state):
        send(state["observer"], ("terminate", reason))


def start_counter(start=0, **options):
    status, pid = GenServer.start(Counter, (self_pid(), start), **options)
    assert status == "ok"
    return pid


def test_call_and_cast():
    pid = start_counter(10)
    assert GenServer.cast(pid, 5) == "ok"
    assert GenServer.call(pid, "get") == 15


def test_the_wire_format_is_otps(node):
    pid = start_counter()
    GenServer.cast(pid, 1)
    GenServer.call(pid, "get")
    sends = [e.data["msg"] for e in node.trace.events if e.kind == "send"]
    assert ("$gen_cast", 1) in sends
    call = next(m for m in sends if m[0] == "$gen_call")
    (caller, tag), request = call[1], call[2]
    assert caller == self_pid() and request == "get"
    assert (tag, 1) in sends                 # the reply: (tag, value), sent to the alias tag


def test_from_is_the_caller_and_an_alias_tag():
    pid = start_counter()
    caller, tag = GenServer.call(pid, "from")
    assert caller == self_pid() and isinstance(tag, actorlab.Ref)


def test_deferred_reply_with_noreply_and_reply():
    pid = start_counter()
    assert GenServer.call(pid, "later") == "deferred answer"


@pytest.mark.parametrize("from_", [lambda: self_pid(), lambda: ("nobody", actorlab.make_ref()),
                                   lambda: (self_pid(),)])
def test_reply_takes_the_whole_from_and_refuses_a_pid_in_the_caller(from_):
    with pytest.raises(BadArgument, match=r"GenServer.reply: .* is not a caller "
                                          "to answer: pass the from_ that handle_call got"):
        GenServer.reply(from_(), "x")
    assert process_info(self_pid())["messages"] == []         # and nothing was sent


@pytest.mark.parametrize("tag", [lambda: actorlab.make_ref(), lambda: "tag"])
def test_reply_to_a_from_made_by_hand_sends_tag_and_reply_to_its_pid(tag):
    """gen:reply({To, Tag}, Reply) sends {Tag, Reply} to To for a tag that is not a call's
    alias (twins/reply_hand_built_from.exs, twins/reply_from_shapes.exs)."""
    made = tag()
    assert GenServer.reply((self_pid(), made), "x") == "ok"
    assert receive(timeout=0) == (made, "x")


def test_a_gen_call_sent_by_hand_with_a_plain_ref_gets_its_reply():
    """The from of a "$gen_call" built by hand (twins/raw_gen_call_plain_ref.exs)."""
    pid = start_counter(42)
    ref = actorlab.make_ref()
    send(pid, ("$gen_call", (self_pid(), ref), "get"))
    assert receive((ref, ANY), timeout=100) == (ref, 42)
    assert is_alive(pid) and GenServer.call(pid, "get") == 42


def test_stop_with_reply_runs_terminate_before_the_reply():
    pid = start_counter()
    assert GenServer.call(pid, "stop_with_reply") == "bye"
    # terminate's message to us was sent before the reply, so it is already here
    assert receive(("terminate", ANY), timeout=0) == ("terminate", "normal")
    assert not is_alive(pid)


def test_stop_with_reply_still_replies_when_terminate_raises():
    """gen_server.erl: try terminate(...) after reply(From, Reply) end: the caller gets its
    reply, the server exits with terminate's error (twins/stop_reply_terminate_raises.exs)."""
    class Fragile(Counter):
        def terminate(self, reason, state):
            raise RuntimeError("in terminate")

    _, pid = GenServer.start(Fragile, (self_pid(), 0))
    ref = monitor(pid)
    assert GenServer.call(pid, "stop_with_reply") == "bye"
    down = receive(("DOWN", ref, ANY, ANY, ANY))
    assert isinstance(down[4], RuntimeError) and str(down[4]) == "in terminate"


def test_stop_without_reply_exits_the_caller_with_the_servers_reason(capsys):
    pid = start_counter()
    with pytest.raises(Exit) as caught:
        GenServer.call(pid, "stop_without_reply")
    assert caught.value.reason == ("done", ("GenServer", "call", [pid, "stop_without_reply",
                                                                    5000]))
    assert "[error] GenServer #PID<0.1.0> terminating\n** (stop) 'done'" in capsys.readouterr().out


def test_cast_stop_is_a_normal_stop_and_logs_nothing(capsys):
    pid = start_counter()
    GenServer.cast(pid, "stop")
    assert receive(("terminate", ANY)) == ("terminate", "normal")
    assert "[error]" not in capsys.readouterr().out


def test_a_crashing_callback_runs_terminate_and_logs_elixirs_report(capsys):
    pid = start_counter(7)
    with pytest.raises(Exit) as caught:
        GenServer.call(pid, "crash")
    reason, where = caught.value.reason
    assert isinstance(reason, ValueError) and where == ("GenServer", "call", [pid, "crash", 5000])
    terminated = receive(("terminate", ANY))
    assert isinstance(terminated[1], ValueError)
    out = capsys.readouterr().out
    assert "[error] GenServer #PID<0.1.0> terminating\n** (ValueError) bad request\n" \
           "Last message: ('$gen_call', (#PID<0.0.0>, #Ref<0.2>), 'crash')\n" \
           "State: {'observer': #PID<0.0.0>, 'count': 7}" in out
    assert "[error] Process" not in out      # no second, runtime-level crash report


def test_call_timeout_exits_with_otps_reason_and_drops_the_late_reply():
    pid = start_counter()
    with pytest.raises(Exit) as caught:
        GenServer.call(pid, "slow", timeout=50)
    assert caught.value.reason == ("timeout", ("GenServer", "call", [pid, "slow", 50]))
    run_for(500)                                  # the server replies at 200 ms
    assert process_info(self_pid())["messages"] == []


@pytest.mark.parametrize("timeout", [1.5, -1, True, "soon"])
def test_a_client_timeout_that_is_not_whole_ms_is_refused_before_anything_is_sent(node,
                                                                                   timeout):
    """gen.erl's guard: an integer, 0 or more, or infinity (twins/bad_timeout_value.exs)."""
    pid = start_counter()
    sent = len([e for e in node.trace.events if e.kind == "send"])
    refused = "a timeout is a whole number of milliseconds, 0 or more, or \"infinity\", not "
    with pytest.raises(BadArgument, match=refused):
        GenServer.call(pid, "get", timeout)
    with pytest.raises(BadArgument, match=refused):
        GenServer.stop(pid, "normal", timeout)
    with pytest.raises(BadArgument, match=refused):
        GenServer.start(Counter, (self_pid(), 0), timeout=timeout)
    assert len([e for e in node.trace.events if e.kind == "send"]) == sent
    assert GenServer.call(pid, "get") == 0 and len(actorlab.processes()) == 2


def test_call_to_a_dead_server_or_an_unknown_name_is_noproc():
    pid = start_counter()
    GenServer.stop(pid)
    with pytest.raises(Exit) as caught:
        GenServer.call(pid, "get")
    assert caught.value.reason == ("noproc", ("GenServer", "call", [pid, "get", 5000]))
    with pytest.raises(Exit) as caught:
        GenServer.call("nobody", "get")
    assert caught.value.reason == ("noproc", ("GenServer", "call", ["nobody", "get", 5000]))


def test_calling_yourself_exits_at_once_with_calling_self():
    with pytest.raises(Exit) as caught:
        GenServer.call(self_pid(), "anything")
    assert caught.value.reason == ("calling_self", ("GenServer", "call",
                                                    [self_pid(), "anything", 5000]))


def test_a_server_calling_itself_dies_and_its_client_gets_the_nested_reason(node):
    # Elixir: {{:calling_self, {GenServer, :call, [pid, :x, 5000]}},
    #          {GenServer, :call, [pid, :self, 5000]}}
    pid = start_counter()
    with pytest.raises(Exit) as caught:
        GenServer.call(pid, "call_myself")
    assert caught.value.reason == (
        ("calling_self", ("GenServer", "call", [pid, "get", 5000])),
        ("GenServer", "call", [pid, "call_myself", 5000]))
    assert now_is(0)                      # refused at once: no 5-second wait


def now_is(ms):
    return actorlab.now() == ms


class Relay(GenServer):
    """Forwards "ping" to its peer with a call: two of them calling each other deadlock."""

    def init(self, peer_name):
        return ("ok", peer_name)

    def handle_call(self, request, from_, peer_name):
        if request == "ping":
            return ("reply", GenServer.call(peer_name, "ping"), peer_name)
        return ("reply", "pong", peer_name)


def test_a_mutual_call_deadlock_is_detected_as_a_cycle_then_times_out(node, capsys):
    GenServer.start(Relay, "b", name="a")
    GenServer.start(Relay, "a", name="b")
    with pytest.raises(Exit) as caught:
        GenServer.call("a", "ping", timeout="infinity")   # a calls b, b calls a
    out = capsys.readouterr().out
    assert "[warning] call cycle at 0 ms: #PID<0.2.0> (b) waits for #PID<0.1.0> (a), " \
           "which waits for #PID<0.2.0> (b)" in out
    assert [e.kind for e in node.trace.events].count("cycle") == 1
    # OTP does not refuse the indirect cycle: the inner call times out after 5 s
    assert actorlab.now() == 5000
    # a's call to b timed out first; a died of it; our call to a reports a's reason
    assert caught.value.reason == (("timeout", ("GenServer", "call", ["b", "ping", 5000])),
                                   ("GenServer", "call", ["a", "ping", "infinity"]))


def test_equal_timeouts_set_at_once_end_the_shells_wait_first_as_on_the_beam():
    """shell -> a -> b -> a, every call with 5000 ms, all begun at time 0: on OTP 25 the
    shell's call is the first to time out (its receive followed its send at once)."""
    GenServer.start(Relay, "b", name="a")
    GenServer.start(Relay, "a", name="b")
    with pytest.raises(Exit) as caught:
        GenServer.call("a", "ping", 5000)
    assert caught.value.reason == ("timeout", ("GenServer", "call", ["a", "ping", 5000]))
    assert actorlab.now() == 5000


def test_a_timer_set_earlier_still_fires_before_the_shells_equal_deadline():
    def sleeper(shell):
        actorlab.sleep(100)
        send(shell, "woke")

    spawn(sleeper, self_pid())
    actorlab.run_for(50)                             # the sleeper's timer: set at 0, due at 100
    assert receive(timeout=50) == "woke"             # the shell's: set at 50, due at 100


def test_init_return_values():
    class Init(GenServer):
        def init(self, arg):
            if arg == "raise":
                raise RuntimeError("boom in init")
            return arg

    assert GenServer.start(Init, ("stop", "bad_init")) == ("error", "bad_init")
    assert GenServer.start(Init, "ignore") == "ignore"
    assert GenServer.start(Init, "nonsense") == ("error", ("bad_return_value", "nonsense"))
    status, error = GenServer.start(Init, "raise")
    assert status == "error" and isinstance(error, RuntimeError)


def test_start_link_with_a_failing_init_also_sends_the_exit_signal():
    # OTP 25: {:error, :bad_init} and then {:EXIT, pid, :bad_init} for a trapping caller
    class Fails(GenServer):
        def init(self, arg):
            return ("stop", "bad_init")

    trap_exit(True)
    assert GenServer.start_link(Fails) == ("error", "bad_init")
    assert receive(timeout=0)[::2] == ("EXIT", "bad_init")


def test_init_timeout_and_continue():
    class Timed(GenServer):
        def init(self, observer):
            return ("ok", observer, ("continue", "warm up"))

        def handle_continue(self, arg, observer):
            send(observer, ("continued", arg, actorlab.now()))
            return ("noreply", observer, 100)

        def handle_info(self, message, observer):
            send(observer, ("info", message, actorlab.now()))
            return ("noreply", observer)

    GenServer.start(Timed, self_pid())
    assert receive() == ("continued", "warm up", 0)
    assert receive() == ("info", "timeout", 100)


def test_a_name_is_registered_and_a_second_start_is_already_started():
    status, pid = GenServer.start(Counter, (self_pid(), 0), name="counter")
    assert whereis("counter") == pid
    assert GenServer.call("counter", "get") == 0
    assert GenServer.start(Counter, (self_pid(), 0), name="counter") == \
        ("error", ("already_started", pid))


def test_an_unexpected_message_is_logged_like_elixir(capsys):
    pid = start_counter()
    send(pid, "surprise")
    assert capsys.readouterr().out == (
        "[error] Counter #PID<0.1.0> received unexpected message in handle_info/2: 'surprise'\n")
    assert is_alive(pid)


def test_missing_callbacks_raise_elixirs_errors():
    class Bare(GenServer):
        def init(self, arg):
            return ("ok", None)

    _, pid = GenServer.start(Bare)
    with pytest.raises(Exit) as caught:
        GenServer.call(pid, "x")
    error = caught.value.reason[0]
    assert type(error) is RuntimeError and str(error) == (
        "attempted to call GenServer #PID<0.1.0> but no handle_call/3 clause was provided")
    assert missing_callback(error) == "handle_call"


def test_a_missing_callback_is_recognised_by_its_error_not_its_text():
    class Bare(GenServer):
        def init(self, arg):
            return ("ok", None)

    _, pid = GenServer.start(Bare)
    watch = monitor(pid)
    GenServer.cast(pid, "x")
    error = receive(("DOWN", watch, ANY, ANY, ANY))[4]
    assert missing_callback(error) == "handle_cast"
    lookalike = RuntimeError(str(error))
    assert missing_callback(lookalike) is None and missing_callback("handle_cast") is None


def test_stop_runs_terminate_and_returns_ok():
    pid = start_counter()
    assert GenServer.stop(pid, "shutdown") == "ok"
    assert receive(("terminate", ANY)) == ("terminate", "shutdown")


def test_stop_is_acknowledged_before_terminate_runs_and_shares_one_timeout():
    """As proc_lib:stop: the server answers the request ("ok") when it gets to it, then
    stops; the wait for the answer and the wait for the end share one timeout."""
    class SlowToEnd(Counter):
        def terminate(self, reason, state):
            sleep(80)

    for timeout, ends_in_time in ((250, False), (300, True)):
        _, server = GenServer.start(SlowToEnd, (self_pid(), 0))
        spawn(GenServer.call, server, "slow")       # 200 ms of work before the stop's turn
        sleep(1)
        try:
            assert GenServer.stop(server, "normal", timeout) == "ok" and ends_in_time
        except Exit as stopped:       # 200 + 80 ms: more than 250 in all
            assert stopped.reason[0] == "timeout" and not ends_in_time


def test_stop_on_a_plain_process_times_out_or_exits_with_sys_terminates_reason(node):
    """twins/genserver_stop_plain_process.exs: a plain process never acknowledges."""
    plain = spawn(lambda: receive("never"))
    with pytest.raises(Exit) as stopped:
        GenServer.stop(plain, "normal", 100)
    assert stopped.value.reason[0] == "timeout" and is_alive(plain)
    ends = spawn(lambda: receive(ANY))
    with pytest.raises(Exit) as stopped:
        GenServer.stop(ends, "normal", 100)
    assert stopped.value.reason == (("normal", ("sys", "terminate", [ends, "normal", 100])),
                                    ("GenServer", "stop", [ends, "normal", 100]))
    with pytest.raises(actorlab.DeadlockError, match="waits for"):
        GenServer.stop(plain)       # the BEAM waits forever


def test_a_trapping_server_runs_terminate_when_its_parent_exits():
    class Trapping(Counter):
        def init(self, arg):
            trap_exit(True)
            return super().init(arg)

    start_under_a_parent_that_exits(Trapping)
    assert receive(("terminate", ANY)) == ("terminate", "shutdown")


def start_under_a_parent_that_exits(module):
    """Start `module` linked to a process that then exits with reason "shutdown"."""
    me = self_pid()

    def parent():
        GenServer.start_link(module, (me, 0))
        receive("stop")
        exit("shutdown")

    send(spawn(parent), "stop")


def test_a_non_trapping_server_is_killed_by_its_parents_exit_without_terminate():
    start_under_a_parent_that_exits(Counter)
    with pytest.raises(actorlab.ReceiveTimeout):
        receive(("terminate", ANY), timeout=100)


class Tuples(GenServer):
    """Returns, from each callback, whatever tuple the request asks for."""

    def init(self, observer):
        return ("ok", observer)

    def handle_call(self, request, from_, observer):
        return request(observer)

    def handle_cast(self, request, observer):
        return request(observer)

    def handle_info(self, message, observer):
        send(observer, ("info", message, actorlab.now()))
        return ("noreply", observer)

    def handle_continue(self, arg, observer):
        send(observer, ("continue", arg))
        if arg == "then stop":
            return ("stop", "normal", observer)
        return ("noreply", observer)

    def terminate(self, reason, observer):
        send(observer, ("terminate", reason))


@pytest.mark.parametrize("make, expected", [
    (lambda o: ("reply", "r", o, 100), [("info", "timeout", 100)]),
    (lambda o: ("reply", "r", o, "hibernate"), []),
    (lambda o: ("reply", "r", o, "infinity"), []),     # OTP's timeout() includes infinity
    (lambda o: ("reply", "r", o, ("continue", "next")), [("continue", "next")]),
])
def test_handle_call_reply_with_a_timeout_hibernate_or_continue(make, expected):
    _, pid = GenServer.start(Tuples, self_pid())
    assert GenServer.call(pid, make) == "r"
    run_for(150)
    seen = []
    while True:
        try:
            seen.append(receive(timeout=0))
        except actorlab.ReceiveTimeout:
            break
    assert seen == expected and is_alive(pid)


@pytest.mark.parametrize("make, expected", [
    (lambda o: ("noreply", o, 50), ("info", "timeout", 50)),
    (lambda o: ("noreply", o, "infinity"), ("info", "ping", 100)),    # no timeout came first
    (lambda o: ("noreply", o, ("continue", "then stop")), ("continue", "then stop")),
    (lambda o: ("stop", "shutdown", o), ("terminate", "shutdown")),
])
def test_handle_cast_noreply_and_stop_variants(make, expected):
    _, pid = GenServer.start(Tuples, self_pid())
    GenServer.cast(pid, make)
    run_for(100)
    if is_alive(pid):
        send(pid, "ping")
    assert receive(timeout=0) == expected


def test_a_continue_that_stops_runs_terminate():
    _, pid = GenServer.start(Tuples, self_pid())
    GenServer.cast(pid, lambda o: ("noreply", o, ("continue", "then stop")))
    assert [receive(), receive()] == [("continue", "then stop"), ("terminate", "normal")]
    assert not is_alive(pid)


def test_a_bad_return_value_ends_the_server_with_bad_return_value(capsys):
    """gen_server.erl: the server exits with {bad_return_value, value}, terminate and the
    caller see that reason (twins/genserver_call_bad_return.exs)."""
    _, pid = GenServer.start(Tuples, self_pid())
    with pytest.raises(Exit) as caught:
        GenServer.call(pid, lambda o: ("oops", o))
    assert caught.value.reason[0] == ("bad_return_value", ("oops", self_pid()))
    assert receive() == ("terminate", ("bad_return_value", ("oops", self_pid())))
    assert "GenServer #PID<0.1.0> terminating\n** (stop) ('bad_return_value'" \
        in capsys.readouterr().out


@pytest.mark.parametrize("extra", [-1, 1.5, "soon", None, False])
def test_a_bad_timeout_is_a_bad_return_value_and_the_caller_gets_no_reply(extra):
    """gen_server.erl checks the whole return before replying: terminate, the DOWN and the
    caller's exit all carry ("bad_return_value", return) (twins/callback_timeout_values.exs)."""
    _, pid = GenServer.start(Tuples, self_pid())
    actorlab.monitor(pid)
    with pytest.raises(Exit) as caught:
        GenServer.call(pid, lambda o: ("reply", "r", o, extra))
    bad = ("bad_return_value", ("reply", "r", self_pid(), extra))
    assert caught.value.reason[0] == bad
    assert receive() == ("terminate", bad) and receive()[4] == bad
    assert process_info(self_pid())["messages"] == []        # and no reply came


@pytest.mark.parametrize("extra, expected", [
    ("infinity", ("ok", "pid")), (-1, "bad"), (2.5, "bad"), ("soon", "bad"),
])
def test_init_checks_its_timeout_as_otp_does(extra, expected):
    class Init(GenServer):
        def init(self, extra):
            return ("ok", "state", extra)

    started = GenServer.start(Init, extra)
    if expected == "bad":
        assert started == ("error", ("bad_return_value", ("ok", "state", extra)))
    else:
        assert started[0] == "ok" and is_alive(started[1])


@pytest.mark.parametrize("wrong", [("reply", "x", "state"), ("noreply",), "state",
                                   ("stop", "normal")])
def test_a_cast_must_return_noreply_or_stop(wrong):
    _, pid = GenServer.start(Tuples, self_pid())
    actorlab.monitor(pid)
    GenServer.cast(pid, lambda o: wrong)
    assert receive() == ("terminate", ("bad_return_value", wrong))
    assert receive()[4] == ("bad_return_value", wrong)


def test_call_timeout_none_waits_as_long_as_it_takes():
    _, pid = GenServer.start(Tuples, self_pid())
    GenServer.cast(pid, lambda o: (actorlab.sleep(60_000), ("noreply", o))[1])
    assert GenServer.call(pid, lambda o: ("reply", "finally", o), timeout=None) == "finally"
    assert actorlab.now() == 60_000


def test_a_start_waits_for_a_slow_init_unless_given_a_timeout():
    """gen.erl: with no timeout option a start waits forever (checked on OTP 25)."""
    class Slow(GenServer):
        def init(self, ms):
            actorlab.sleep(ms)
            return ("ok", ms)

    status, pid = GenServer.start(Slow, 7000)
    assert status == "ok" and actorlab.now() == 7000
    assert GenServer.start(Slow, 7000, timeout=100) == ("error", "timeout")
    assert actorlab.now() == 7100


def test_an_unlinked_server_is_its_own_parent():
    """gen.erl: start (nolink) makes the server its own parent, so its starter's exit
    signal is only a message to a trapping server (twins/genserver_start_own_parent.exs)."""
    class Trapping(Counter):
        def init(self, arg):
            trap_exit(True)
            return super().init(arg)

        def handle_info(self, message, state):
            send(state["observer"], ("info", message))
            return ("noreply", state)

    _, pid = GenServer.start(Trapping, (self_pid(), 0))
    exit(pid, "shutdown")
    assert receive() == ("info", ("EXIT", self_pid(), "shutdown"))
    assert is_alive(pid)


def test_stop_from_inside_the_server_exits_with_calling_self():
    class Quitter(Counter):
        def handle_call(self, request, from_, state):
            GenServer.stop(("quitter", "nonode@nohost"))

    _, pid = GenServer.start(Quitter, (self_pid(), 0), name="quitter")
    with pytest.raises(Exit) as caught:
        GenServer.call(pid, "stop yourself")
    inner = ("calling_self", ("GenServer", "stop", [("quitter", "nonode@nohost"), "normal",
                                                   "infinity"]))
    assert caught.value.reason == (inner, ("GenServer", "call", [pid, "stop yourself", 5000]))
    assert receive(("terminate", ANY)) == ("terminate", inner)


def test_a_taken_name_spawns_nothing(node):
    pid = start_counter(name="taken")
    spawned = len([e for e in node.trace.events if e.kind == "spawn"])
    assert GenServer.start_link(Counter, (self_pid(), 0), name="taken") == \
        ("error", ("already_started", pid))
    assert len([e for e in node.trace.events if e.kind == "spawn"]) == spawned


def test_a_start_that_times_out_unlinks_before_it_kills():
    """OTP's proc_lib kill_flush: the caller of start_link is not killed with the server."""
    class Slow(GenServer):
        def init(self, arg):
            actorlab.sleep(500)
            return ("ok", arg)

    shell = self_pid()
    assert GenServer.start_link(Slow, None, timeout=100) == ("error", "timeout")
    assert self_pid() == shell and process_info(shell)["links"] == []


def test_a_name_on_this_node_or_another():
    pid = start_counter(name="counter")
    here, there = ("counter", "nonode@nohost"), ("counter", "other@host")
    assert GenServer.whereis(here) == pid and GenServer.whereis(there) == there
    assert GenServer.call(here, "get") == 0
    with pytest.raises(Exit) as caught:
        GenServer.call(there, "get")
    assert caught.value.reason == (("nodedown", "other@host"),
                                   ("GenServer", "call", [there, "get", 5000]))
    assert GenServer.cast(there, ("add", 1)) == "ok"
    with pytest.raises(BadArgument, match="on another node"):
        GenServer.stop(there)
    assert GenServer.stop(here) == "ok"


def test_a_global_name_is_refused_with_a_clear_error():
    """Not a twin on purpose: on the BEAM, {:global, name} is found in :global (so nobody
    has it: whereis is nil, a call exits noproc, a cast is ok). actorlab runs one node and
    has no :global; read as (name, node), the pair would name a node called "global"."""
    name = ("global", "g")
    for use in (lambda: GenServer.whereis(name), lambda: GenServer.call(name, "x"),
                lambda: GenServer.cast(name, "x"), lambda: GenServer.stop(name),
                lambda: GenServer.start(Counter, (self_pid(), 0), name=name)):
        with pytest.raises(BadArgument, match=r"\('global', 'g'\) is a global name, and "
                                              "actorlab has no :global.*a via-name"):
            use()
    assert len(actorlab.processes()) == 1                    # nothing was started


@pytest.mark.parametrize("name", [("counter", "nonode@nohost"), 42, ""])
def test_a_server_can_only_be_started_under_a_string_or_a_via_name(name):
    with pytest.raises(BadArgument, match="a server's name is a string or"):
        GenServer.start(Counter, (self_pid(), 0), name=name)


def test_a_cast_to_what_cannot_name_a_server_raises_but_to_a_missing_one_is_ok():
    assert GenServer.cast("nobody", "hello") == "ok"
    with pytest.raises(BadArgument, match="a server is a pid, a name"):
        GenServer.cast(42, "hello")


class Doomed(GenServer):
    """An init that never acks: an exit signal ends it first."""

    def init(self, reason):
        exit(self_pid(), reason)


def test_start_answers_the_reason_of_a_server_that_died_before_its_ack():
    """twins/genserver_start_init_killed.exs: proc_lib:start spawns with the monitor, so
    even from the shell, whose spawn runs the server at once, the DOWN gives the reason."""
    assert GenServer.start(Doomed, "kill") == ("error", "killed")
    assert GenServer.start(Doomed, "boom") == ("error", "boom")
    assert process_info(self_pid())["monitors"] == []         # the start's, gone
    assert process_info(self_pid())["messages"] == []         # and its DOWN taken


def test_start_link_takes_the_exit_of_a_server_that_died_before_its_ack():
    """proc_lib:start_link has no monitor: a trapping caller's answer is the EXIT, taken
    from its mailbox; a caller that does not trap dies of the link."""
    trap_exit(True)
    assert GenServer.start_link(Doomed, "boom") == ("error", "boom")
    assert process_info(self_pid())["messages"] == []
    trap_exit(False)
    starter, ref = spawn_monitor(GenServer.start_link, Doomed, "boom")
    assert receive(("DOWN", ref, "process", starter, ANY))[4] == "boom"


def test_a_call_to_a_server_cut_off_exits_with_nodedown():
    """twins/genserver_noconnection.exs: gen:call turns a DOWN with :noconnection into
    exit {:nodedown, node}, node() of the pid: nonode@nohost here."""
    pid, shell = start_counter(), self_pid()
    spawn(lambda: send(shell, ("got", _exit_of(lambda: GenServer.call(pid, "slow")))))
    exit(pid, "noconnection")                   # while it handles the call (200 ms)
    assert receive(("got", ANY))[1] == (("nodedown", "nonode@nohost"),
                                       ("GenServer", "call", [pid, "slow", 5000]))


def _exit_of(action):
    try:
        action()
    except Exit as exit_:
        return exit_.reason


@pytest.mark.parametrize("module, function, says", [
    ("Task", "async_stream", r"Task has no 'async_stream': actorlab lacks Elixir's "
                             r"Task.async_stream; start a Task"),
    ("GenServer", "multi_call", r"GenServer has no 'multi_call'.*one node"),
    ("GenServer", "nope", r"has no 'nope'. It has: call, cast, "),
    ("Task", "child_spec", r"Task has no 'child_spec': .* as a dict: "
                           r"\{'id': 'Task', 'start': \(Task.start_link"),
    ("Registry", "count", r"Registry.count; .*Registry.lookup each key"),
    ("Registry", "match", r"Registry.match; Registry.lookup the key"),
    ("Registry", "select", r"Registry.select; there are no match specs"),
])
def test_an_elixir_function_actorlab_lacks_says_so_and_what_to_do(module, function, says):
    """Still an AttributeError (hasattr works), but one that says what is missing and,
    where there is a way, what to do instead."""
    from actorlab.otp import Registry
    cls = {"Task": Task, "GenServer": GenServer, "Registry": Registry}[module]
    with pytest.raises(AttributeError, match=says):
        getattr(cls, function)
    assert not hasattr(cls, function) and getattr(Task, "_private", 1) == 1


class Plain(GenServer):
    def init(self, arg):
        return ("ok", arg)


@pytest.mark.parametrize("start", [GenServer.start, GenServer.start_link])
@pytest.mark.parametrize("option, says", [
    ("hibernate_after", "(Elixir's GenServer has it, actorlab's has no sys debugging"),
    ("spawn_opt", "(Elixir's GenServer has it"),
    ("debug", "(Elixir's GenServer has it"),
    ("nmae", "has no option nmae=: drop it; the options are name and timeout"),
])
def test_a_start_option_actorlab_lacks_is_a_bad_argument_that_names_it(start, option, says):
    """Elixir's GenServer.start takes debug, hibernate_after and spawn_opt (and ignores an
    option it does not know); actorlab has none of them, and says so before spawning."""
    with pytest.raises(BadArgument) as refused:
        start(Plain, 1, **{option: []})
    assert f"{start.__name__} has no option {option}=" in str(refused.value)
    assert says in str(refused.value)
    assert actorlab.processes() == [self_pid()]               # nothing was started
    assert start(Plain, 1, name="plain", timeout=100)[0] == "ok"  # what it has still works
