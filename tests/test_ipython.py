"""What a learner sees in Jupyter: short errors from IPython, and Ctrl-C that leaves the
kernel and the node usable."""
import contextlib
import gc
import signal

import pytest
from IPython.core.interactiveshell import InteractiveShell

import actorlab
from actorlab import receive, reset, self_pid, send, spawn


@pytest.fixture
def ipython():
    shell = InteractiveShell.instance()
    yield shell
    InteractiveShell.clear_instance()


def test_a_deadlock_shows_as_a_short_error_in_ipython(ipython, capsys):
    ipython.run_cell("from actorlab import receive\nreceive('never')")
    out = capsys.readouterr().out
    assert out.startswith("DeadlockError: deadlock at 0 ms: the shell waits for a message")
    assert "  at line 2: receive('never')" in out
    assert "Traceback" not in out and "node.py" not in out and "greenlet" not in out
    assert len(out.splitlines()) <= 6


def test_a_bad_argument_shows_as_a_short_error_in_ipython(ipython, capsys):
    ipython.run_cell("from actorlab import send\nsend('nobody', 1)")
    out = capsys.readouterr().out
    assert out.splitlines()[0] == (
        "BadArgument: send: no process is registered as 'nobody' (registered names: none). "
        "Start it and register it first, or use its pid.")
    assert "Traceback" not in out


@pytest.mark.parametrize("cell, first", [
    ("from actorlab import GenServer\nGenServer.start(42)",
     "BadArgument: GenServer.start needs a GenServer subclass, not 42"),
    ("from actorlab import Registry\nRegistry.lookup('nowhere', 'key')",
     "BadArgument: unknown registry: 'nowhere'"),
    ("from actorlab import reset\nreset().trace.diagram(max_rows=0)",
     "BadArgument: max_rows is the number of rows to show"),
    ("from actorlab import explore\nexplore(42)", "BadArgument: explore needs a function"),
    ("from actorlab import faults\nfaults.kill('a', after=0)",
     "BadArgument: kill: after counts from 1"),
])
def test_errors_from_the_library_layers_are_short_too(ipython, capsys, cell, first):
    """otp, views, explore and faults raise the runtime's readable errors: no traceback."""
    ipython.run_cell(cell)
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(first) and len(lines) <= 2
    assert "Traceback" not in "\n".join(lines)


@contextlib.contextmanager
def ctrl_c_every(seconds):
    """Ctrl-C (SIGALRM acting as it) after `seconds`, and again every `seconds` until the
    block ends. An interrupt that lands in a garbage-collector callback is swallowed by
    Python (and a second one can then land in pytest's hook that reports it), so the
    callbacks (hypothesis installs one) are set aside meanwhile; one may still be swallowed
    elsewhere, in a `__del__`, hence the repeats."""
    callbacks = gc.callbacks[:]
    gc.callbacks.clear()
    signal.signal(signal.SIGALRM, signal.default_int_handler)
    signal.setitimer(signal.ITIMER_REAL, seconds, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        gc.callbacks[:] = callbacks


def test_ctrl_c_stops_a_process_stuck_in_pure_python_and_the_node_carries_on(capsys):
    reset()

    def spin():
        while True:
            pass

    with ctrl_c_every(0.2), pytest.raises(KeyboardInterrupt):
        spawn(spin, label="spinner")
    assert "[interrupted] #PID<0.1.0> (spinner) was running and has been stopped" in \
        capsys.readouterr().out
    echo = spawn(lambda: send(*receive()))
    send(echo, (self_pid(), "still usable"))
    assert receive() == "still usable"


def test_ctrl_c_during_a_busy_exchange_leaves_the_node_usable():
    reset(max_steps=10**9, max_seconds=60, log=None)

    def bounce():
        while True:
            peer, ball = receive()
            send(peer, (self_pid(), ball))

    a, b = spawn(bounce), spawn(bounce)
    with ctrl_c_every(0.2), pytest.raises(KeyboardInterrupt):
        send(a, (b, "ball"))
    node = actorlab.current_node()
    assert node.current is node.shell                   # back in the shell
    echo = spawn(lambda: send(*receive()))
    send(echo, (self_pid(), "still usable"))
    assert receive() == "still usable"
