"""Registry and via-names, the stale-pid problem, and Task."""
import pytest

from actorlab import (ANY, BadArgument, Exit, GenServer, Registry, Supervisor, Task, exit,
                      is_alive, now, process_info, receive, register, self_pid, send, sleep,
                      processes, spawn, trap_exit, whereis)


class Echo(GenServer):
    def init(self, arg):
        return ("ok", arg)

    def handle_call(self, request, from_, state):
        return ("reply", (state, request), state)


class Forwarder(GenServer):
    """Keeps whatever it was given at start (a pid or a name) and calls it."""

    def init(self, target):
        return ("ok", target)

    def handle_call(self, request, from_, target):
        return ("reply", GenServer.call(target, request), target)


def test_the_registry_links_to_what_it_registers_as_elixirs_does():
    _, registry = GenServer.start(Registry, None, name="reg")     # not linked to the shell
    worker = spawn(lambda: (Registry.register("reg", "job"), receive("stop")))
    assert registry in process_info(worker)["links"]
    exit(registry, "kill")                           # the registry dies: so does the worker
    assert not is_alive(worker)


def test_unregistering_the_last_key_unlinks():
    _, registry = GenServer.start(Registry, None, name="reg")
    worker = spawn(lambda: (Registry.register("reg", "job"), Registry.unregister("reg", "job"),
                            receive("stop")))
    assert registry not in process_info(worker)["links"]


def test_an_unknown_registry_is_an_error_for_a_call_and_ignored_by_a_cast():
    name = ("via", Registry, ("nowhere", "garden"))
    with pytest.raises(BadArgument, match="unknown registry: 'nowhere'"):
        GenServer.call(name, "hi")
    assert GenServer.cast(name, "hi") == "ok"        # Elixir's cast rescues it too


def test_register_lookup_and_entries_removed_when_the_process_dies():
    Registry.start_link(keys="unique", name="reg")
    worker = spawn(lambda: (Registry.register("reg", "job", 1), receive("stop")))
    assert Registry.lookup("reg", "job") == [(worker, 1)]
    assert Registry.keys("reg", worker) == ["job"]
    assert Registry.register("reg", "job") == ("error", ("already_registered", worker))
    send(worker, "stop")
    assert Registry.lookup("reg", "job") == []


def test_a_via_name_reaches_a_genserver():
    Registry.start_link(keys="unique", name="rooms")
    name = ("via", Registry, ("rooms", "lobby"))
    status, pid = GenServer.start(Echo, "lobby", name=name)
    assert GenServer.call(name, "hi") == ("lobby", "hi")
    assert Registry.lookup("rooms", "lobby") == [(pid, None)]
    assert GenServer.start(Echo, "again", name=name) == ("error", ("already_started", pid))


def test_a_pid_passed_at_start_is_stale_after_a_restart_but_a_name_is_not():
    Registry.start_link(keys="unique", name="reg")
    via = ("via", Registry, ("reg", "echo"))
    sup_children = [{"id": "echo", "start": (GenServer.start_link, (Echo, "v1"),
                                              {"name": via})}]
    status, sup = Supervisor.start_link(sup_children)
    echo_pid = Supervisor.which_children(sup)[0][1]
    _, by_pid = GenServer.start(Forwarder, echo_pid)      # remembers the pid
    _, by_name = GenServer.start(Forwarder, via)          # remembers the name
    assert GenServer.call(by_pid, "x") == GenServer.call(by_name, "x") == ("v1", "x")

    exit(echo_pid, "kill")                                # the supervisor restarts echo
    assert Supervisor.which_children(sup)[0][1] != echo_pid
    assert GenServer.call(by_name, "y") == ("v1", "y")    # the name finds the new process
    with pytest.raises(Exit) as caught:
        GenServer.call(by_pid, "y")                       # the old pid is dead: noproc
    assert caught.value.reason[0] == ("noproc", ("GenServer", "call", [echo_pid, "y", 5000]))


def test_task_async_await():
    def slow_square(n):
        sleep(100)
        return n * n

    tasks = [Task.async_(slow_square, n) for n in range(4)]
    assert [Task.await_(t) for t in tasks] == [0, 1, 4, 9]
    assert now() == 100                       # they ran in parallel (in virtual time)


def test_task_await_timeout_and_crash():
    task = Task.async_(sleep, 10_000)
    with pytest.raises(Exit) as caught:
        Task.await_(task, timeout=50)
    assert caught.value.reason == ("timeout", ("Task", "await", [task, 50]))


def test_a_task_crash_reaches_its_linked_owner():
    def owner():
        Task.await_(Task.async_(lambda: 1 / 0))

    pid = spawn(owner)
    assert not is_alive(pid)


def test_only_the_owner_may_collect_a_task():
    """Elixir raises ArgumentError (twins/task_not_owner.exs): BadArgument here."""
    task = Task.async_(lambda: 1)
    results = []

    def stranger():
        for collect in (Task.await_, Task.yield_, Task.shutdown, lambda t: Task.yield_many([t])):
            try:
                collect(task)
            except BadArgument as e:
                results.append(str(e))

    spawn(stranger)
    assert results == [f"task #PID<0.1.0> must be queried from its owner, #PID<0.0.0>, but "
                       f"{what} was called from #PID<0.2.0>: only the process that started a "
                       "task may collect its result"
                       for what in ("await", "yield", "shutdown", "yield_many")]
    assert Task.await_(task) == 1


def test_yield_many_waits_once_for_all():
    tasks = [Task.async_(sleep, ms) for ms in (100, 300, 900)]
    results = Task.yield_many(tasks, 500)
    assert [r for _, r in results] == [("ok", "ok"), ("ok", "ok"), None]   # sleep's "ok"
    assert now() == 500                      # one timeout in all, not one per task
    assert Task.yield_many(tasks[2:], "infinity") == [(tasks[2], ("ok", "ok"))]


def test_shutdown_of_a_task_already_collected_says_noproc():
    """Elixir: with no reply or DOWN left to read, shutdown answers {:exit, :noproc}."""
    task = Task.async_(lambda: 7)
    assert Task.await_(task) == 7
    assert Task.shutdown(task) == ("exit", "noproc")


def test_a_task_that_exits_normally_is_an_exit_not_a_result():
    task = Task.async_(exit, "normal")
    assert Task.yield_(task, 100) == ("exit", "normal")
    with pytest.raises(Exit) as caught:
        Task.await_(Task.async_(exit, "normal"))
    assert caught.value.reason[0] == "normal"


def test_a_stopped_registry_takes_its_processes_down_with_shutdown():
    def member(key):
        Registry.register("reg", key)
        receive()

    _, reg = Registry.start_link(keys="unique", name="reg")
    members = [spawn(member, key) for key in "ab"]
    assert GenServer.stop(reg) == "ok"
    assert [process_info(m) for m in members] == [None, None]
    with pytest.raises(BadArgument, match="unknown registry: 'reg'; check the name, or start"):
        Registry.lookup("reg", "a")


def test_a_via_name_with_a_value_registers_the_value():
    Registry.start_link(keys="unique", name="rooms")
    _, pid = GenServer.start(Echo, "lobby", name=("via", Registry, ("rooms", "lobby", 42)))
    assert Registry.lookup("rooms", "lobby") == [(pid, 42)]
    assert GenServer.whereis(("via", Registry, ("rooms", "lobby", "any value"))) == pid
    assert GenServer.start(Echo, "again", name=("via", Registry, ("rooms", "lobby", 0))) == \
        ("error", ("already_started", pid))


@pytest.mark.parametrize("term", ["lobby", ("rooms",), ("rooms", "lobby", 1, 2)])
def test_a_registry_via_name_of_the_wrong_shape_is_a_bad_argument(term):
    Registry.start_link(keys="unique", name="rooms")
    with pytest.raises(BadArgument, match=r"\(registry, key, value\)\), not \('via', Registry"):
        GenServer.start(Echo, None, name=("via", Registry, term))
    with pytest.raises(BadArgument, match="a Registry via-name is"):
        GenServer.whereis(("via", Registry, term))


def test_a_via_name_needs_a_module_with_the_via_methods():
    with pytest.raises(BadArgument, match=r"a server's name is a string or \('via'"):
        GenServer.start(Echo, None, name=("via", "Registry", ("rooms", "lobby")))
    with pytest.raises(BadArgument, match=r"a server is a pid"):
        GenServer.whereis(("via", Echo, ("rooms", "lobby")))


@pytest.mark.parametrize("timeout", ["soon", -1, 1.5])
def test_a_bad_shutdown_timeout_is_refused_before_the_task_is_touched(timeout):
    """twins/task_shutdown_bad_timeout: the task stays linked and running."""
    task = Task.async_(lambda: (sleep(200), "finished")[1])
    with pytest.raises(BadArgument, match="a timeout is a whole number of milliseconds"):
        Task.shutdown(task, timeout)
    assert task.pid in process_info(self_pid())["links"]
    assert Task.await_(task, 1000) == "finished"


@pytest.mark.parametrize("call, wrong", [
    (lambda: Task.async_("Kernel", "abs", [1]), "not 'Kernel'"),     # Elixir's module form
    (lambda: Task.async_(42), "not 42"),
    (lambda: Task.async_(lambda name: name), "with 0 argument"),
    (lambda: Task.async_(abs, 1, 2), "with 2 argument"),
])
def test_async_refuses_what_it_could_not_run_and_starts_nothing(call, wrong):
    """twins/task_async_bad_function: refused at the call, not a task that crashes."""
    with pytest.raises(BadArgument, match=wrong) as caught:
        call()
    assert r"Task.async_(fn, *args)" in str(caught.value)
    assert process_info(self_pid())["links"] == []
    assert process_info(self_pid())["messages"] == []


@pytest.mark.parametrize("collect, action", [
    (Task.await_, "await"), (Task.yield_, "yield"), (Task.shutdown, "shutdown"),
    (lambda t: Task.yield_many([t]), "yield_many")])
def test_task_functions_refuse_what_is_not_a_task(collect, action):
    with pytest.raises(BadArgument, match=f"^{action} needs a task, the value Task.async_ "
                                          "returned, not 'job'$"):
        collect("job")


def test_yield_many_refuses_what_is_not_a_list():
    task = Task.async_(lambda: 1)
    with pytest.raises(BadArgument, match=r"takes a list of tasks, not Task\("):
        Task.yield_many(task)
    assert Task.await_(task) == 1


@pytest.mark.parametrize("use", [
    lambda reg: Registry.lookup(reg, "lobby"),
    lambda reg: Registry.register(reg, "hall"),
    lambda reg: Registry.unregister(reg, "lobby"),
    lambda reg: Registry.keys(reg, self_pid()),
    lambda reg: GenServer.whereis(("via", Registry, (reg, "lobby"))),
    lambda reg: GenServer.start(Echo, None, name=("via", Registry, (reg, "hall"))),
])
def test_a_registry_is_known_by_its_name_not_its_pid(use):
    """twins/registry_by_name_only: Elixir raises ArgumentError for a pid."""
    _, reg = Registry.start_link(keys="unique", name="rooms")
    Registry.register("rooms", "lobby")
    with pytest.raises(BadArgument, match=r"^a registry is known by its name, not #PID<0\.1\.0>: "
                                          r"pass the name given to Registry\.start_link"):
        use(reg)
    assert Registry.lookup("rooms", "lobby") == [(self_pid(), None)]
    assert Registry.lookup("rooms", "hall") == []


def test_registry_keys_needs_a_pid():
    Registry.start_link(keys="unique", name="rooms")
    with pytest.raises(BadArgument, match="Registry.keys needs a pid, not 'lobby'"):
        Registry.keys("rooms", "lobby")


def test_a_name_held_by_a_process_that_is_no_registry_is_refused_not_waited_on():
    """twins/registry_name_not_a_registry.exs: Elixir raises ArgumentError; calling the
    process would wait forever for an answer it never sends."""
    register("plain", spawn(lambda: receive("stop")))
    GenServer.start(Echo, None, name="echo")
    for name in ("plain", "echo"):
        with pytest.raises(BadArgument, match=f"unknown registry: '{name}' \\(the process "
                                              "named so is not a registry\\)"):
            Registry.lookup(name, "k")
        with pytest.raises(BadArgument, match="not a registry"):
            Registry.register(name, "k")
    assert process_info(whereis("plain"))["messages"] == []


def test_task_start_runs_unlinked_and_start_link_linked():
    """twins/task_start.exs."""
    def boom():
        raise RuntimeError("boom")

    status, pid = Task.start(boom)
    assert status == "ok" and pid not in process_info(self_pid())["links"]
    sleep(10)
    assert is_alive(self_pid()) and not is_alive(pid)
    trap_exit(True)
    _, linked = Task.start_link(boom)
    assert receive(("EXIT", linked, ANY))[2].args == ("boom",)
    with pytest.raises(BadArgument, match=r"Task.start_link would call .* with 1 argument"):
        Task.start_link(boom, 1)


def test_registry_start_link_takes_one_partition_the_one_it_has():
    assert Registry.start_link(keys="unique", name="rooms", partitions=1)[0] == "ok"


@pytest.mark.parametrize("options, wrong", [
    ({"name": "rooms"}, "needs keys=\"unique\""),                 # Elixir requires :keys
    ({"keys": "sometimes", "name": "rooms"}, "not keys='sometimes'"),
    ({"keys": "duplicate", "name": "rooms"}, "unique keys only"),
    ({"keys": "unique"}, "needs a name"),                          # and :name
    ({"keys": "unique", "name": None}, "needs a name, a string, not None"),
    ({"keys": "unique", "name": "rooms", "partitions": 4}, "Elixir's Registry has it"),
    ({"keys": "unique", "name": "rooms", "listeners": []}, "Elixir's Registry has it"),
    ({"keys": "unique", "name": "rooms", "meta": []}, "Elixir's Registry has it"),
    ({"keys": "unique", "name": "rooms", "nmae": "x"}, "no option nmae="),
])
def test_registry_start_link_refuses_missing_or_unsupported_options(options, wrong):
    """twins/registry_start_options.exs: no keys or no name is an ArgumentError in Elixir."""
    with pytest.raises(BadArgument, match=wrong):
        Registry.start_link(**options)
    with pytest.raises(BadArgument, match="keywords only"):
        Registry.start_link("rooms")
    assert len(processes()) == 1                  # nothing was started


def test_task_cut_off_by_a_partition_exits_with_nodedown():
    """twins/task_noconnection.exs: Elixir's Task turns a DOWN with :noconnection into
    exit {:nodedown, node} in await, yield, yield_many and shutdown."""
    trap_exit(True)
    nodedown = ("nodedown", "nonode@nohost")
    for collect, where in [(lambda t: Task.yield_(t), ("yield", [ANY, 5000])),
                           (lambda t: Task.yield_many([t], 100), ("yield_many", [ANY, 100])),
                           (lambda t: Task.shutdown(t, "brutal_kill"),
                            ("shutdown", [ANY, "brutal_kill"]))]:
        task = Task.async_(sleep, 1000)
        exit(task.pid, "noconnection")
        with pytest.raises(Exit) as caught:
            collect(task)
        reason, (module, function, args) = caught.value.reason
        assert (reason, module, function) == (nodedown, "Task", where[0])
        assert args[1] == where[1][1]


def test_a_registry_under_a_supervisor_comes_from_its_child_spec_not_a_shorthand():
    """Elixir's {Registry, keys: :unique, name: Reg} child: its options are keywords, so
    here it is Registry.child_spec(...); the shorthand, which would start a registry with
    no name, is refused and says so."""
    with pytest.raises(BadArgument, match=r"give Registry.child_spec\(keys='unique'"):
        Supervisor.start_link([(Registry, {"keys": "unique", "name": "Reg"})])
    with pytest.raises(BadArgument, match="needs keys="):
        Registry.child_spec(name="Reg")
    Supervisor.start_link([Registry.child_spec(keys="unique", name="Reg")])
    assert Registry.register("Reg", "k")[0] == "ok"


def test_a_registry_has_no_start_link_spec():
    with pytest.raises(BadArgument, match=r"Registry has no start_link_spec\(arg\).*start "
                                          r"it with Registry.start_link\(keys=\"unique\""):
        Registry.start_link_spec("rooms")
    assert len(processes()) == 1
