"""The course checks' shared helpers (actorlab/course/checks.py)."""
from actorlab import receive, reset, self_pid, send, spawn
from actorlab.course.checks import crash_text, exit_of


def test_a_crash_says_once_where_it_was_raised():
    reset(log=None)

    def shout():
        sender, message = receive()
        send(sender, message.upper())

    pid = spawn(shout)
    send(pid, (self_pid(), ("not", "a", "string")))
    text = crash_text(exit_of(pid))
    assert text.startswith("crashed at step ") and "AttributeError" in text
    assert text.count("(in shout, line") == 1


def test_time_sleep_is_refused_and_asyncio_sleep_next_to_the_time_module_is_not():
    import asyncio
    import time
    from time import sleep as pause

    from actorlab.course.checks import blocking_parts

    def naps():
        time.sleep(1)

    def pauses():
        pause(1)

    async def polls(reply, timeout):
        deadline = time.monotonic() + timeout
        while not reply.done() and time.monotonic() < deadline:
            await asyncio.sleep(0.001)

    assert blocking_parts(naps) == ["time.sleep"]
    assert blocking_parts(pauses) == ["time.sleep"]
    assert blocking_parts(polls) == []
