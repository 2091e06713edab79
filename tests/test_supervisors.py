"""Supervisor and DynamicSupervisor, checked against Elixir 1.14 / OTP 25."""
import pytest

import actorlab
from actorlab import (BadArgument, DynamicSupervisor, GenServer, Pid, ReceiveTimeout, Supervisor,
                      exit, is_alive, now, receive, run_for, self_pid, send, trap_exit)


class Worker(GenServer):
    """Tells the shell when it starts and terminates (it traps exits, so terminate runs)."""

    def init(self, arg):
        observer, name = arg
        trap_exit(True)
        send(observer, ("started", name))
        return ("ok", arg)

    def handle_call(self, request, from_, state):
        return ("reply", state[1], state)

    def terminate(self, reason, state):
        send(state[0], ("terminated", state[1], reason))


def spec(name, **extra):
    return {"id": name, "start": (GenServer.start_link, (Worker, (self_pid(), name))), **extra}


def events():
    """Everything the workers reported, in order, consumed from the shell's mailbox."""
    seen = []
    while True:
        try:
            seen.append(receive(timeout=0))
        except ReceiveTimeout:
            return seen


def pid_of(sup, child_id):
    return next(pid for cid, pid, _, _ in Supervisor.which_children(sup) if cid == child_id)


def start(strategy, *specs, **options):
    status, sup = Supervisor.start_link(list(specs), strategy=strategy, **options)
    assert status == "ok"
    return sup


def test_children_start_in_order_and_which_children_is_newest_first():
    sup = start("one_for_one", spec("a"), spec("b"), spec("c"))
    assert events() == [("started", "a"), ("started", "b"), ("started", "c")]
    rows = Supervisor.which_children(sup)
    assert [row[0] for row in rows] == ["c", "b", "a"]
    # no "modules" in the spec: the start function's class, GenServer (OTP's {M, _, _})
    assert all(is_alive(pid) and kind == "worker" and modules == [GenServer]
               for _, pid, kind, modules in rows)
    assert Supervisor.count_children(sup) == {"specs": 3, "active": 3, "supervisors": 0,
                                              "workers": 3}


def test_one_for_one_restarts_only_the_dead_child():
    sup = start("one_for_one", spec("a"), spec("b"), spec("c"))
    events()
    old_b = pid_of(sup, "b")
    exit(old_b, "kill")
    assert events() == [("started", "b")]
    assert pid_of(sup, "b") != old_b and is_alive(pid_of(sup, "b"))


def test_one_for_all_stops_the_others_in_reverse_then_restarts_all_in_order():
    sup = start("one_for_all", spec("a"), spec("b"), spec("c"))
    events()
    exit(pid_of(sup, "b"), "kill")
    assert events() == [("terminated", "c", "shutdown"), ("terminated", "a", "shutdown"),
                        ("started", "a"), ("started", "b"), ("started", "c")]


def test_rest_for_one_restarts_the_child_and_those_started_after_it():
    # Elixir: killing a stops c then b (reverse), restarts a then c; temporary b is dropped
    sup = start("rest_for_one", spec("a"), spec("b", restart="temporary"),
                spec("c", restart="transient"))
    events()
    exit(pid_of(sup, "a"), "kill")
    assert events() == [("terminated", "c", "shutdown"), ("terminated", "b", "shutdown"),
                        ("started", "a"), ("started", "c")]
    assert [row[0] for row in Supervisor.which_children(sup)] == ["c", "a"]


def test_restart_types():
    sup = start("one_for_one", spec("perm"), spec("trans", restart="transient"),
                spec("temp", restart="temporary"))
    events()
    GenServer.stop(pid_of(sup, "trans"), "normal")       # normal: a transient stays down
    GenServer.stop(pid_of(sup, "perm"), "normal")        # a permanent always comes back
    exit(pid_of(sup, "temp"), "kill")                   # a temporary never does
    assert [e for e in events() if e[0] == "started"] == [("started", "perm")]
    assert {row[0]: row[1] for row in Supervisor.which_children(sup)}["trans"] == "undefined"
    assert "temp" not in [row[0] for row in Supervisor.which_children(sup)]


def test_restart_intensity_exceeded_shuts_the_supervisor_down():
    trap_exit(True)
    sup = start("one_for_one", spec("a"), spec("z"))
    for _ in range(3):
        exit(pid_of(sup, "a"), "kill")
    assert is_alive(sup)                       # three restarts in 5 s are allowed
    exit(pid_of(sup, "a"), "kill")             # the fourth is one too many
    assert not is_alive(sup)
    assert ("EXIT", sup, "shutdown") in events()


def test_restarts_older_than_the_period_do_not_count():
    trap_exit(True)
    sup = start("one_for_one", spec("a"), max_restarts=1, max_seconds=5)
    exit(pid_of(sup, "a"), "kill")
    run_for(6000)
    exit(pid_of(sup, "a"), "kill")
    assert is_alive(sup)


def test_restarts_are_counted_in_whole_seconds_as_otp_does():
    """supervisor.erl: restarts noted in whole seconds; one max_seconds old still counts."""
    trap_exit(True)
    sup = start("one_for_one", spec("a"), max_restarts=1, max_seconds=5)
    exit(pid_of(sup, "a"), "kill")          # second 0
    run_for(5999)
    exit(pid_of(sup, "a"), "kill")          # second 5: 5 - 0 <= 5, so two restarts in 5 s
    assert not is_alive(sup)


def test_terminate_child_and_restart_child():
    sup = start("one_for_one", spec("a"), spec("c"))
    events()
    assert Supervisor.terminate_child(sup, "c") == "ok"
    assert events() == [("terminated", "c", "shutdown")]
    assert Supervisor.which_children(sup)[0][:2] == ("c", "undefined")
    status, pid = Supervisor.restart_child(sup, "c")
    assert status == "ok" and is_alive(pid)
    assert Supervisor.restart_child(sup, "c") == ("error", "running")
    assert Supervisor.terminate_child(sup, "zz") == ("error", "not_found")


def test_a_child_stays_linked_until_it_is_dead_as_in_otp_25():
    """supervisor.erl (OTP 24+): monitor, exit(Pid, shutdown), DOWN, then unlink."""
    sup = start("one_for_one", spec("a"))
    child = pid_of(sup, "a")
    start_step = len(actorlab.current_node().trace)
    assert Supervisor.terminate_child(sup, "a") == "ok"
    steps = [e.data["outcome"] if e.kind == "signal" else e.kind
             for e in actorlab.current_node().trace.events
             if e.step > start_step and e.kind in ("monitor", "signal", "exit", "unlink")
             and child in (e.pid, e.data.get("target"), e.data.get("peer"), e.data.get("to"))]
    # shutdown (a message: the child traps exits), its exit, then the EXIT its link still
    # sends (unlinking first would have stopped it), and the DOWN
    assert steps == ["monitor", "message", "exit", "message", "down"]


def test_a_supervisor_stops_its_children_in_reverse_order():
    sup = start("one_for_one", spec("a"), spec("b"), spec("c"))
    events()
    GenServer.stop(sup)
    assert events() == [("terminated", "c", "shutdown"), ("terminated", "b", "shutdown"),
                        ("terminated", "a", "shutdown")]


def test_a_child_that_does_not_trap_exits_dies_without_terminate_on_shutdown():
    class Plain(GenServer):
        def init(self, observer):
            return ("ok", observer)

        def terminate(self, reason, observer):
            send(observer, ("terminated", reason))

    status, sup = Supervisor.start_link([(Plain, self_pid())])
    GenServer.stop(sup)
    assert events() == []


def test_a_child_that_fails_to_start_fails_the_supervisor():
    class Broken(GenServer):
        def init(self, arg):
            return ("stop", "no_database")

    trap_exit(True)
    status, reason = Supervisor.start_link([spec("a"), (Broken, None)])
    assert status == "error"
    assert reason == ("shutdown", ("failed_to_start_child", "Broken", "no_database"))
    assert ("terminated", "a", "shutdown") in events()    # the started one was stopped


def test_brutal_kill_and_a_shutdown_timeout():
    class Stubborn(GenServer):
        """Its terminate takes a minute: the supervisor kills it when the shutdown time is up."""

        def init(self, arg):
            trap_exit(True)
            return ("ok", arg)

        def terminate(self, reason, state):
            actorlab.sleep(60_000)

    sup = start("one_for_one", {"id": "s", "start": (GenServer.start_link, (Stubborn, None)),
                                "shutdown": 1000})
    started = now()
    Supervisor.terminate_child(sup, "s")
    assert now() - started == 1000                 # waited the shutdown time, then killed
    Supervisor.restart_child(sup, "s")
    sup2 = start("one_for_one", {"id": "b", "start": (GenServer.start_link, (Stubborn, None)),
                                 "shutdown": "brutal_kill"})
    before = now()
    Supervisor.terminate_child(sup2, "b")
    assert now() == before


def test_dynamic_supervisor_starts_children_on_demand_and_restarts_them():
    status, sup = DynamicSupervisor.start_link(strategy="one_for_one")   # as Elixir's
    assert DynamicSupervisor.count_children(sup)["active"] == 0
    status, pid = DynamicSupervisor.start_child(sup, (Worker, (self_pid(), "job1")))
    assert status == "ok" and events() == [("started", "job1")]
    exit(pid, "kill")
    assert events() == [("started", "job1")]                 # restarted (permanent)
    [(undefined, new_pid, kind, modules)] = DynamicSupervisor.which_children(sup)
    assert (undefined, kind, modules) == ("undefined", "worker", [Worker]) and new_pid != pid
    assert DynamicSupervisor.terminate_child(sup, new_pid) == "ok"
    assert DynamicSupervisor.terminate_child(sup, new_pid) == ("error", "not_found")


def test_dynamic_supervisor_refuses_to_terminate_anything_but_a_pid_and_lives_on():
    _, sup = DynamicSupervisor.start_link(strategy="one_for_one")
    _, pid = DynamicSupervisor.start_child(sup, (Worker, (self_pid(), "job")))
    for wrong in ("job", [(pid, None)], (pid, None)):
        with pytest.raises(BadArgument, match="takes the pid of one of its children"):
            DynamicSupervisor.terminate_child(sup, wrong)
    assert is_alive(sup) and is_alive(pid)
    assert DynamicSupervisor.terminate_child(sup, pid) == "ok"


def test_dynamic_supervisor_max_children():
    _, sup = DynamicSupervisor.start_link(max_children=1)
    assert DynamicSupervisor.start_child(sup, (Worker, (self_pid(), "one")))[0] == "ok"
    assert DynamicSupervisor.start_child(sup, (Worker, (self_pid(), "two"))) == \
        ("error", "max_children")


def test_bad_flags_and_specs_are_otps_errors():
    """supervisor.erl returns these as errors (twins/supervisor_bad_start.exs); only what
    is not a child spec at all raises, as Elixir raises ArgumentError."""
    trap_exit(True)
    assert Supervisor.start_link([], strategy="one_for_some") == \
        ("error", ("supervisor_data", ("invalid_strategy", "one_for_some")))
    assert Supervisor.start_link([], max_seconds=0) == \
        ("error", ("supervisor_data", ("invalid_period", 0)))
    assert DynamicSupervisor.start_link(strategy="one_for_all") == \
        ("error", ("supervisor_data", ("invalid_strategy", "one_for_all")))
    assert DynamicSupervisor.start_link(max_children=-1) == \
        ("error", ("supervisor_data", ("invalid_max_children", -1)))
    assert Supervisor.start_link([spec("a"), spec("a")]) == \
        ("error", ("start_spec", ("duplicate_child_name", "a")))
    assert Supervisor.start_link([spec("a", shutdown=-1)]) == \
        ("error", ("start_spec", ("invalid_shutdown", -1)))
    assert Supervisor.start_link([{"id": "a", "start": "main"}]) == \
        ("error", ("start_spec", ("invalid_mfa", "main")))
    with pytest.raises(BadArgument, match="a child spec is a dict"):
        Supervisor.start_link(["not a spec"])


def test_the_trace_records_the_supervision_tree(node):
    trap_exit(True)
    sup = start("one_for_one", spec("a"), spec("b"))
    old_a = pid_of(sup, "a")
    for _ in range(4):
        exit(pid_of(sup, "a"), "kill")
    notes = [(e.pid, e.data["data"]) for e in node.trace.events
             if e.kind == "note" and e.data["data"]]
    started = [(who, d["id"], d["replaces"] is not None) for who, d in notes
               if d["event"] == "child_started"]
    assert started == [(sup, "a", False), (sup, "b", False)] + [(sup, "a", True)] * 3
    assert notes[-1] == (sup, {"event": "shutdown", "reason": "reached_max_restart_intensity"})
    first = next(d for _, d in notes if d["event"] == "child_started")
    assert first["child"] == old_a and first["type"] == "worker"
    spawns = {e.data["child"]: e.pid for e in node.trace.events if e.kind == "spawn"}
    assert spawns[old_a] == sup                 # the supervisor spawned (and linked) it
    assert actorlab.Trace.from_json(node.trace.to_json()) == node.trace


def test_start_child_and_delete_child_on_a_static_supervisor(node):
    sup = start("one_for_one", spec("a"))
    status, b = Supervisor.start_child(sup, spec("b"))
    assert status == "ok" and events() == [("started", "a"), ("started", "b")]
    assert [row[0] for row in Supervisor.which_children(sup)] == ["b", "a"]
    assert Supervisor.start_child(sup, spec("b")) == ("error", ("already_started", b))
    assert Supervisor.delete_child(sup, "b") == ("error", "running")
    assert Supervisor.terminate_child(sup, "b") == "ok"
    assert Supervisor.start_child(sup, spec("b")) == ("error", "already_present")
    assert Supervisor.delete_child(sup, "b") == "ok"
    assert Supervisor.delete_child(sup, "b") == ("error", "not_found")
    notes = [e.data["data"]["id"] for e in node.trace.events
             if e.kind == "note" and e.data["data"] and e.data["data"]["event"] == "child_started"]
    assert notes == ["a", "b"]                  # a view draws a started child in the tree


def test_a_child_added_later_is_restarted_and_stopped_like_the_others():
    trap_exit(True)
    sup = start("one_for_all", spec("a"))
    Supervisor.start_child(sup, spec("b"))
    events()
    exit(pid_of(sup, "a"), "kill")
    assert events() == [("terminated", "b", "shutdown"), ("started", "a"), ("started", "b")]


def test_a_supervisor_childs_shutdown_defaults_to_infinity():
    inner = {"id": "inner", "start": (Supervisor.start_link, ([spec("leaf")],)),
             "type": "supervisor"}
    sup = start("one_for_one", inner)
    status, _, kind, modules = Supervisor.which_children(sup)[0]
    assert (kind, modules) == ("supervisor", [Supervisor])
    assert Supervisor.stop(sup) == "ok"
    assert events() == [("started", "leaf"), ("terminated", "leaf", "shutdown")]


def test_a_dynamic_supervisor_stops_its_children_at_once_killing_the_slow_ones():
    class Stubborn(Worker):
        def terminate(self, reason, state):
            send(state[0], ("terminating", state[1], now()))
            actorlab.sleep(10_000)

    _, sup = DynamicSupervisor.start_link()
    DynamicSupervisor.start_child(sup, {"id": "s", "start": (GenServer.start_link,
                                                              (Stubborn, (self_pid(), "s"))),
                                        "shutdown": 300})
    DynamicSupervisor.start_child(sup, {**spec("quick"), "shutdown": "infinity"})
    DynamicSupervisor.start_child(sup, {**spec("brutal"), "shutdown": "brutal_kill"})
    events()
    assert DynamicSupervisor.stop(sup) == "ok" and now() == 300
    assert events() == [("terminating", "s", 0), ("terminated", "quick", "shutdown")]


def test_a_dynamic_supervisor_checks_a_spec_before_it_calls():
    _, sup = DynamicSupervisor.start_link()
    assert DynamicSupervisor.start_child(sup, {"id": "x"}) == \
        ("error", ("invalid_child_spec", {"id": "x"}))
    assert DynamicSupervisor.start_child(sup, {**spec("x"), "type": "boss"}) == \
        ("error", ("invalid_child_type", "boss"))
    with pytest.raises(BadArgument, match="a child spec is a dict"):
        DynamicSupervisor.start_child(sup, "x")
    assert DynamicSupervisor.count_children(sup)["specs"] == 0


class Once(GenServer):
    """Starts the first time; every later start (a restart) returns "ignore"."""
    started = False

    def init(self, arg):
        if Once.started:
            return "ignore"
        Once.started = True
        return ("ok", arg)


def test_a_dynamic_supervisor_forgets_a_child_whose_restart_ignores():
    """Elixir drops it at once: with one restart allowed, a retry would be one too many and
    stop the supervisor (twins/dynsup_restart_ignore.exs)."""
    Once.started = False
    _, sup = DynamicSupervisor.start_link(max_restarts=1)
    _, pid = DynamicSupervisor.start_child(sup, (Once, None))
    exit(pid, "kill")
    assert is_alive(sup)
    assert DynamicSupervisor.count_children(sup) == {"specs": 0, "active": 0,
                                                     "supervisors": 0, "workers": 0}


def test_a_supervisor_keeps_a_child_whose_restart_ignores_without_a_pid():
    Once.started = False
    sup = start("one_for_one", {"id": "once", "start": (GenServer.start_link, (Once, None))},
                max_restarts=1)
    exit(pid_of(sup, "once"), "kill")
    assert is_alive(sup) and pid_of(sup, "once") == "undefined"


def start_with_info(observer, name):
    """A start function that returns ("ok", pid, info), as OTP allows."""
    _, pid = GenServer.start_link(Worker, (observer, name))
    return ("ok", pid, ("info", name))


def test_a_start_function_may_return_ok_pid_and_info():
    info_spec = {"id": "i", "start": (start_with_info, (self_pid(), "i"))}
    sup = start("one_for_one", info_spec)
    old = pid_of(sup, "i")
    exit(old, "kill")                                # restarted, and the new pid kept
    assert pid_of(sup, "i") not in (old, "undefined") and is_alive(pid_of(sup, "i"))
    _, sup = Supervisor.start_link([])
    status, pid, info = Supervisor.start_child(sup, info_spec)
    assert (status, info) == ("ok", ("info", "i")) and pid_of(sup, "i") == pid
    Supervisor.terminate_child(sup, "i")
    status, pid, info = Supervisor.restart_child(sup, "i")
    assert (status, info) == ("ok", ("info", "i")) and pid_of(sup, "i") == pid
    _, dsup = DynamicSupervisor.start_link()
    status, pid, info = DynamicSupervisor.start_child(dsup, info_spec)
    assert (status, info) == ("ok", ("info", "i"))
    assert DynamicSupervisor.which_children(dsup)[0][1] == pid


def test_ok_with_anything_but_a_pid_is_a_failed_start_as_in_otp():
    bad_spec = {"id": "bad", "start": (lambda: ("ok", "not a pid"), ())}
    _, sup = Supervisor.start_link([])
    assert Supervisor.start_child(sup, bad_spec) == \
        ("error", (("ok", "not a pid"), {**bad_spec, "restart": "permanent",
                                         "shutdown": 5000, "type": "worker"}))
    _, dsup = DynamicSupervisor.start_link()
    assert DynamicSupervisor.start_child(dsup, bad_spec) == ("error", ("ok", "not a pid"))


def test_a_dynamic_supervisors_extra_arguments_come_first_at_every_start():
    def start_link(observer, name):
        return GenServer.start_link(Worker, (observer, name))

    _, sup = DynamicSupervisor.start_link(extra_arguments=[self_pid()])
    _, pid = DynamicSupervisor.start_child(sup, {"id": "w", "start": (start_link, ("w",))})
    exit(pid, "kill")
    assert events() == [("started", "w"), ("started", "w")]
    trap_exit(True)
    assert DynamicSupervisor.start_link(extra_arguments="w") == \
        ("error", ("supervisor_data", ("invalid_extra_arguments", "w")))


class Flaky:
    """A start function whose next `fails` starts return ("error", "flaky"). Each start
    tells the shell it runs, then takes 300 ms, so a call the shell makes on hearing it
    reaches the supervisor before that try ends."""

    def __init__(self, fails):
        self.fails, self.observer = fails, self_pid()

    def __call__(self, name):
        send(self.observer, "starting")
        actorlab.sleep(300)
        if self.fails > 0:
            self.fails -= 1
            return ("error", "flaky")
        return GenServer.start_link(Worker, (self.observer, name))


def test_a_failed_restart_is_tried_again_by_a_cast_with_calls_served_between_tries():
    """OTP 25 marks the child "restarting" and casts itself a retry: which_children shows
    it, restart_child and delete_child are refused, and terminate_child ends the retries
    (twins/restarting_window.exs)."""
    flaky = Flaky(fails=0)
    sup = start("one_for_one", {"id": "a", "start": (flaky, ("a",))}, max_restarts=10)
    receive("starting")
    flaky.fails = 3
    exit(pid_of(sup, "a"), "kill")
    receive("starting")
    assert pid_of(sup, "a") == "restarting"
    receive("starting")
    assert Supervisor.count_children(sup)["active"] == 0
    receive("starting")
    assert Supervisor.restart_child(sup, "a") == ("error", "restarting")
    receive("starting")                         # the fourth try, which starts it
    assert is_alive(pid_of(sup, "a"))
    flaky.fails = 5
    exit(pid_of(sup, "a"), "kill")
    receive("starting")
    assert Supervisor.terminate_child(sup, "a") == "ok"
    with pytest.raises(ReceiveTimeout):         # the retry it had cast finds nothing to do
        receive("starting", timeout=1000)
    assert pid_of(sup, "a") == "undefined" and flaky.fails == 4


def test_one_for_all_marks_the_child_that_failed_to_restart_and_leaves_the_rest_stopped():
    flaky = Flaky(fails=0)
    sup = start("one_for_all", spec("a"), {"id": "b", "start": (flaky, ("b",))}, spec("c"),
                max_restarts=10)
    receive("starting")
    events()
    flaky.fails = 1
    exit(pid_of(sup, "a"), "kill")
    receive("starting")
    rows = {child_id: pid for child_id, pid, _, _ in Supervisor.which_children(sup)}
    assert rows["b"] == "restarting" and rows["c"] == "undefined" and type(rows["a"]) is Pid
    receive("starting")                         # the retry stops a, then starts all three
    assert all(is_alive(pid_of(sup, child_id)) for child_id in "abc")


def test_each_try_counts_against_the_restart_intensity():
    flaky = Flaky(fails=0)
    trap_exit(True)
    sup = start("one_for_one", {"id": "a", "start": (flaky, ("a",))}, max_restarts=2)
    receive("starting")
    flaky.fails = 10
    exit(pid_of(sup, "a"), "kill")
    assert receive(("EXIT", sup, "shutdown"))[2] == "shutdown"
    # two tries; the third would be one restart too many, so it gives up before it
    assert [m for m in events() if m == "starting"] == ["starting"] * 2


def test_a_dynamic_supervisor_retries_by_a_message_and_the_child_keeps_its_place():
    """Elixir keeps a restarting child under its old pid: it still counts for max_children,
    and terminate_child with that pid forgets it (twins/restarting_window.exs)."""
    flaky = Flaky(fails=0)
    _, sup = DynamicSupervisor.start_link(max_children=1, max_restarts=10)
    _, old = DynamicSupervisor.start_child(sup, {"id": "a", "start": (flaky, ("a",))})
    receive("starting")
    flaky.fails = 2
    exit(old, "kill")
    receive("starting")
    assert DynamicSupervisor.which_children(sup) == [("undefined", "restarting", "worker",
                                                      "dynamic")]
    receive("starting")
    assert DynamicSupervisor.start_child(sup, spec("b")) == ("error", "max_children")
    receive("starting")                         # the third try starts it
    [(_, new, _, _)] = DynamicSupervisor.which_children(sup)
    assert is_alive(new) and new != old
    flaky.fails = 5
    exit(new, "kill")
    receive("starting")
    assert DynamicSupervisor.terminate_child(sup, new) == "ok"
    with pytest.raises(ReceiveTimeout):
        receive("starting", timeout=1000)
    assert DynamicSupervisor.count_children(sup)["specs"] == 0


def test_child_spec_puts_overrides_into_the_spec_as_elixir_does():
    """twins/supervisor_child_spec_overrides.exs."""
    one = Supervisor.child_spec((Worker, (self_pid(), 1)), id="one", restart="temporary")
    assert one == {**Worker.child_spec((self_pid(), 1)), "id": "one", "restart": "temporary"}
    assert Supervisor.child_spec({"id": "m", "start": (print, ())}, shutdown=10) == \
        {"id": "m", "start": (print, ()), "shutdown": 10}
    with pytest.raises(BadArgument, match="unknown key 'significant'"):
        Supervisor.child_spec(Worker, significant=True)   # not an override in Elixir 1.14


def test_a_supervisor_as_a_shorthand_child_or_a_subclass_is_refused_with_what_to_do():
    for module, instead in ((Supervisor, "start_link"), (DynamicSupervisor, "child_spec")):
        with pytest.raises(BadArgument, match=rf"or \({module.__name__}, arg\) in .*"
                                              rf"{module.__name__}\.{instead}"):
            Supervisor.start_link([(module, [])])
    with pytest.raises(BadArgument, match="no module-based supervisors"):
        type("MySupervisor", (Supervisor,), {})


def test_significant_is_refused_by_a_supervisor_and_ignored_by_a_dynamic_one():
    """OTP refuses significant: true without auto_shutdown, which actorlab lacks; Elixir
    1.14's DynamicSupervisor does not look at the key."""
    trap_exit(True)
    combination = ("bad_combination", [("auto_shutdown", "never"), ("significant", True)])
    assert Supervisor.start_link([spec("s", significant=True)]) == \
        ("error", ("start_spec", combination))
    assert Supervisor.start_link([spec("s", significant="yes")]) == \
        ("error", ("start_spec", ("invalid_significant", "yes")))
    sup = start("one_for_one", spec("s", significant=False))
    assert Supervisor.start_child(sup, spec("t", significant=True)) == ("error", combination)
    _, dsup = DynamicSupervisor.start_link()
    assert DynamicSupervisor.start_child(dsup, spec("d", significant=True))[0] == "ok"


class Keeper(GenServer):
    """Answers every call with the argument its init got."""

    def init(self, arg):
        return ("ok", arg)

    def handle_call(self, request, from_, arg):
        return ("reply", arg, arg)


def test_a_bare_class_child_starts_with_an_empty_list_as_elixirs_bare_module():
    """twins/supervisor_bare_module_child.exs: `Worker` is `{Worker, []}`."""
    _, sup = Supervisor.start_link([Keeper])
    assert GenServer.call(pid_of(sup, "Keeper"), "arg") == []
    _, dyn = DynamicSupervisor.start_link()
    _, pid = DynamicSupervisor.start_child(dyn, Keeper)
    assert GenServer.call(pid, "arg") == []


def test_a_genserver_child_spec_has_id_and_start_and_the_class_keywords():
    """twins/genserver_child_spec_keys.exs: `use GenServer, restart: ..., shutdown: ...`."""

    class Tuned(Keeper, restart="transient", shutdown=10_000):
        pass

    class Tighter(Tuned, shutdown=100):        # a subclass keeps its parent's keywords
        pass

    # the start is the class's own, as Elixir's Keeper.start_link(7) (see the modules test)
    assert Keeper.child_spec(7) == {"id": "Keeper", "start": (Keeper.start_link_spec, (7,))}
    assert Tuned.child_spec(7) == {"id": "Tuned", "start": (Tuned.start_link_spec, (7,)),
                                   "restart": "transient", "shutdown": 10_000}
    assert (Tighter.child_spec(1)["restart"], Tighter.child_spec(1)["shutdown"]) == \
        ("transient", 100)
    with pytest.raises(BadArgument, match="keywords of a GenServer class are child spec keys"):
        type("Bad", (Keeper,), {}, restrat="temporary")


def test_a_transient_class_is_not_restarted_after_a_normal_stop():
    """The class keyword reaches the supervisor: it is what makes the child transient."""

    class Once(Keeper, restart="transient"):
        pass

    _, sup = Supervisor.start_link([(Once, 1)])
    GenServer.stop(pid_of(sup, "Once"))
    assert Supervisor.which_children(sup) == [("Once", "undefined", "worker", [Once])]


def test_dynamic_supervisor_child_spec_is_a_supervisor_named_by_its_name():
    """twins/dynamic_supervisor_child_spec.exs."""
    plain = DynamicSupervisor.child_spec(strategy="one_for_one")
    assert plain == {"id": "DynamicSupervisor", "type": "supervisor",
                     "start": (DynamicSupervisor.start_link, (), {"strategy": "one_for_one"})}
    via = ("via", actorlab.Registry, ("reg", "rooms"))
    assert DynamicSupervisor.child_spec(name=via)["id"] == ("reg", "rooms")
    _, top = Supervisor.start_link([DynamicSupervisor.child_spec(name="rooms", max_children=1)])
    assert Supervisor.which_children(top)[0][:1] + Supervisor.which_children(top)[0][2:] == \
        ("rooms", "supervisor", [DynamicSupervisor])
    DynamicSupervisor.start_child("rooms", Keeper)
    assert DynamicSupervisor.start_child("rooms", Keeper) == ("error", "max_children")
    with pytest.raises(BadArgument, match="child_spec has no option stratgy=: drop it"):
        DynamicSupervisor.child_spec(stratgy="one_for_one")


class Own(Keeper):
    """A server with its own start_link, as an Elixir module has. (At module level: the
    modules column finds the class of a static method by its qualified name.)"""

    @staticmethod
    def start_link(arg):
        return GenServer.start_link(Own, arg)


def test_which_children_modules_is_the_class_of_the_start_function():
    """twins/supervisor_which_children_modules.exs: OTP shows the start function's module,
    so a spec that calls GenServer.start_link shows [GenServer], whatever class it starts;
    a class's child_spec (Elixir's Keeper.start_link) and a class's own start_link show
    the class; a "modules" in the spec wins."""
    by_hand = {"id": "hand", "start": (GenServer.start_link, (Keeper, 1))}
    own = {"id": "own", "start": (Own.start_link, (2,))}
    given = {"id": "given", "start": (GenServer.start_link, (Keeper, 3)), "modules": [Own]}
    _, sup = Supervisor.start_link([by_hand, (Keeper, 4), own, given])
    assert {child_id: modules for child_id, _, _, modules in Supervisor.which_children(sup)} \
        == {"hand": [GenServer], "Keeper": [Keeper], "own": [Own], "given": [Own]}
    _, dyn = DynamicSupervisor.start_link(strategy="one_for_one")
    DynamicSupervisor.start_child(dyn, by_hand)
    DynamicSupervisor.start_child(dyn, (Keeper, 5))
    assert [row[3] for row in DynamicSupervisor.which_children(dyn)] == [[GenServer], [Keeper]]


@pytest.mark.parametrize("start, option, says", [
    (lambda **o: Supervisor.start_link([], **o), "debug",
     "Supervisor.start_link has no option debug= (Elixir's Supervisor has it, "),
    (lambda **o: Supervisor.start_link([], **o), "auto_shutdown",
     "has no option auto_shutdown= (Elixir's Supervisor has it, actorlab's has no sys "
     "debugging, no hibernation and no spawn options, no auto_shutdown and no start "
     "timeout, which Elixir's ignores)"),
    (lambda **o: Supervisor.start_link([], **o), "stategy",
     "has no option stategy=: drop it; the options are strategy, max_restarts, max_seconds "
     "and name"),
    (DynamicSupervisor.start_link, "hibernate_after",
     "DynamicSupervisor.start_link has no option hibernate_after= (Elixir's "
     "DynamicSupervisor has it"),
    (DynamicSupervisor.start_link, "max_child", "the options are strategy, max_restarts, "
     "max_seconds, max_children, extra_arguments, name and timeout"),
    (DynamicSupervisor.child_spec, "spawn_opt",
     "DynamicSupervisor.child_spec has no option spawn_opt= (Elixir's"),
])
def test_a_supervisor_start_option_it_lacks_is_a_bad_argument(start, option, says):
    """Elixir 1.14's Supervisor.start_link ignores options it does not know; its
    DynamicSupervisor passes debug, hibernate_after and spawn_opt on to GenServer."""
    with pytest.raises(BadArgument) as refused:
        start(**{option: 1})
    assert says in str(refused.value)
    assert actorlab.processes() == [self_pid()]


def test_a_dynamic_supervisor_passes_its_timeout_to_its_start():
    """Elixir's DynamicSupervisor.start_link passes timeout: on to GenServer.start_link
    (its Supervisor.start_link takes one and ignores it: refused here)."""
    assert DynamicSupervisor.start_link(timeout=100)[0] == "ok"
    with pytest.raises(BadArgument, match="timeout= .*no start timeout, which Elixir's "
                                          "ignores"):
        Supervisor.start_link([], strategy="one_for_one", timeout=100)


def test_a_start_written_as_elixir_module_function_args_says_how_to_write_it():
    elixir_style = {"id": "w", "start": (Worker, "start_link", ["a"])}
    for start in (lambda: Supervisor.start_link([elixir_style], strategy="one_for_one"),
                  lambda: DynamicSupervisor.start_child(
                      DynamicSupervisor.start_link(strategy="one_for_one")[1], elixir_style)):
        with pytest.raises(BadArgument, match=r"Elixir's \{Worker, :start_link, \['a'\]\} is "
                                              r"\(Worker.start_link, \('a',\)\) here"):
            start()


def test_simple_one_for_one_points_at_a_dynamic_supervisor():
    with pytest.raises(BadArgument, match="simple_one_for_one.*DynamicSupervisor.start_link"):
        Supervisor.start_link([], strategy="simple_one_for_one")
    assert actorlab.processes() == [self_pid()]


@pytest.mark.parametrize("module, instead", [
    (Supervisor, 'start it with Supervisor.start_link(children, strategy="one_for_one")'),
    (DynamicSupervisor, 'start it with DynamicSupervisor.start_link(strategy="one_for_one")'),
])
def test_a_supervisor_has_no_start_link_spec(module, instead):
    """start_link_spec(arg) is the start of a GenServer class's child_spec(arg); a
    supervisor takes options, so calling it is an error that says how to start one."""
    with pytest.raises(BadArgument, match=f"{module.__name__} has no start_link_spec"
                                          r"\(arg\)") as refused:
        module.start_link_spec([])
    assert str(refused.value).endswith(instead)
    assert actorlab.processes() == [self_pid()]
    assert Worker.start_link_spec((self_pid(), "w"))[0] == "ok"    # a server's still works
