"""Python that blocks does not hang the kernel: the watchdog stops a process that holds the
thread (time.sleep, a lock, a busy loop), reports it, and the node carries on."""
import textwrap
import threading
import time

import nbformat
import pytest
from nbclient import NotebookClient

from actorlab import is_alive, receive, reset, self_pid, send, spawn


def still_usable():
    echo = spawn(lambda: send(*receive()))
    send(echo, (self_pid(), "still here"))
    return receive(timeout=10) == "still here"


def stuck_in_sleep():
    time.sleep(30)


def stuck_on_a_lock(lock):
    lock.acquire()


def spinning():
    while True:
        pass


@pytest.mark.parametrize("body, args, lines", [
    (stuck_in_sleep, (), ["time.sleep(30)"]),
    (stuck_on_a_lock, "lock", ["lock.acquire()"]),
    (spinning, (), ["while True:", "pass"]),     # wherever the loop was interrupted
])
def test_a_process_that_holds_the_thread_is_stopped_and_named(body, args, lines, capsys):
    node = reset(max_seconds=0.3)
    assert node.watchdog
    lock = threading.Lock()
    lock.acquire()                      # held by the shell: the process waits forever
    started = time.monotonic()
    pid = spawn(body, *((lock,) if args == "lock" else args), label="stuck")
    assert time.monotonic() - started < 5
    out = capsys.readouterr().out
    assert out.startswith("[stuck] #PID<0.1.0> (stuck) held the thread for more than 0.3 s "
                          "without a runtime call, so it has been stopped (reason "
                          "\"interrupted\").")
    assert f"It was in {body.__name__}(), at line " in out
    assert any(f": {line}. Processes share one thread" in out for line in lines)
    assert "use sleep(ms)" in out and "receive()" in out
    assert not is_alive(pid)
    assert still_usable()


def test_the_watchdog_leaves_a_busy_but_talking_process_to_the_budget():
    """Sending and receiving is progress: a chatty runaway is the step budget's business."""
    reset(max_seconds=0.3, log=None)

    def chatty():
        while True:
            send(self_pid(), "again")
            receive()

    with pytest.raises(Exception, match="kept running for 0.3 s without settling"):
        spawn(chatty)


def test_the_watchdog_is_off_outside_the_main_thread():
    made = []
    thread = threading.Thread(target=lambda: made.append(reset(log=None).watchdog))
    thread.start()
    thread.join()
    assert made == [False]


def test_in_a_real_kernel_blocking_python_in_a_process_does_not_hang_it(tmp_path):
    """The learner's view: three cells that would each freeze the kernel, then one more."""
    cells = [
        "import threading, time\n"
        "from actorlab import reset, spawn, send, receive, self_pid\n"
        "reset(max_seconds=1)",
        "spawn(lambda: time.sleep(60), label='sleeper')",
        "lock = threading.Lock(); lock.acquire()\n"
        "spawn(lambda: lock.acquire(), label='locker')",
        "def spin():\n    while True:\n        pass\nspawn(spin, label='spinner')",
        "echo = spawn(lambda: send(*receive()))\n"
        "send(echo, (self_pid(), 'the kernel is fine'))\n"
        "print(receive())",
    ]
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(textwrap.dedent(c))
                                               for c in cells])
    started = time.monotonic()
    NotebookClient(notebook, timeout=60, kernel_name="python3",
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    assert time.monotonic() - started < 40
    printed = ["".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")
               for cell in notebook.cells]
    for index, name in ((1, "sleeper"), (2, "locker"), (3, "spinner")):
        assert f"[stuck] #PID<0.{index}.0> ({name}) held the thread for more than 1 s" in \
            printed[index], printed[index]
    assert "It was in a lambda, at line 1: spawn(lambda: time.sleep(60), label='sleeper')" \
        in printed[1]
    assert printed[4] == "the kernel is fine\n"
