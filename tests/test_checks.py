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
