"""send and receive: asynchronous sends, mailbox order, selective receive, timeouts."""
import pytest

from actorlab import (ANY, BadArgument, PatternError, Pid, ReceiveTimeout, is_alive, now,
                      receive, register, self_pid, send, spawn)


def echo():
    """Reply to (pid, message) with message, forever."""
    while True:
        sender, message = receive()
        send(sender, message)


def test_send_returns_the_message_and_never_blocks():
    pid = spawn(receive)            # takes one message, then ends
    assert send(pid, "hello") == "hello"
    assert not is_alive(pid)


def test_shell_receives_a_reply():
    pid = spawn(echo)
    send(pid, (self_pid(), "ping"))
    assert receive() == "ping"


def test_messages_from_one_sender_arrive_in_send_order():
    def sender(to):
        for i in range(50):
            send(to, i)

    spawn(sender, self_pid())
    assert [receive() for _ in range(50)] == list(range(50))


def test_selective_receive_takes_the_oldest_match_and_leaves_the_rest():
    me = self_pid()
    for message in [("b", 1), ("a", 1), ("b", 2), ("a", 2)]:
        send(me, message)
    assert receive(("a", ANY)) == ("a", 1)
    assert receive(("a", ANY)) == ("a", 2)
    assert receive() == ("b", 1)         # the unmatched ones kept their order
    assert receive() == ("b", 2)


def test_a_waiting_process_is_woken_only_by_a_matching_message():
    got = []

    def picky():
        got.append(receive(("wanted", ANY)))

    pid = spawn(picky)
    send(pid, "noise")
    assert got == [] and is_alive(pid)
    send(pid, ("wanted", 7))
    assert got == [("wanted", 7)] and not is_alive(pid)


@pytest.mark.parametrize("pattern, message, expected", [
    (None, object(), True),
    (ANY, 3, True),
    (("add", int), ("add", 5), True),
    (("add", int), ("add", "5"), False),
    (("add", int), ("add", 5, 6), False),          # tuple shapes must have the same length
    (("add", ANY), ["add", 1], False),             # a tuple pattern does not match a list
    ([1, ANY], [1, 2], True),
    ({"op": "add"}, {"op": "add", "n": 1}, True),  # dict patterns need only their own keys
    ({"op": "add"}, {"n": 1}, False),
    (lambda m: m > 3, 5, True),
    (lambda m: m > 3, 2, False),
    (str, "text", True),
    (("start", dict), ("start", dict), True),      # a class sent as a value matches itself
    ("exact", "exact", True),
    ((("nested", ANY), int), (("nested", 1), 2), True),
])
def test_pattern_forms(pattern, message, expected):
    send(self_pid(), message)
    if expected:
        assert receive(pattern, timeout=0) is message
    else:
        with pytest.raises(ReceiveTimeout):
            receive(pattern, timeout=0)


def test_timeout_zero_never_blocks_and_keeps_the_mailbox():
    send(self_pid(), "other")
    with pytest.raises(ReceiveTimeout):
        receive("missing", timeout=0)
    assert now() == 0
    assert receive(timeout=0) == "other"


def test_receive_timeout_in_a_process_uses_virtual_time():
    result = []

    def waiter():
        try:
            receive(timeout=250)
        except ReceiveTimeout:
            result.append(now())

    spawn(waiter)
    assert result == []                  # nothing happens until time moves
    send(self_pid(), "tick")
    receive("tick")
    assert result == []
    with pytest.raises(ReceiveTimeout):
        receive("never", timeout=1000)   # the shell waits; the waiter's timer fires on the way
    assert result == [250]
    assert now() == 1000


def test_a_message_before_the_timeout_cancels_the_timer():
    result = []

    def waiter():
        result.append(receive(timeout=100))
        result.append(now())

    pid = spawn(waiter)
    send(pid, "in time")
    with pytest.raises(ReceiveTimeout):
        receive("never", timeout=500)
    assert result == ["in time", 0]


def test_send_to_a_dead_pid_is_dropped_and_traced(node):
    pid = spawn(lambda: None)
    assert not is_alive(pid)
    assert send(pid, "lost") == "lost"
    sends = [e for e in node.trace.events if e.kind == "send"]
    assert sends[-1].data["to"] == pid and sends[-1].data["delivered"] is False


def test_send_by_registered_name():
    pid = spawn(echo)
    register("echo", pid)
    send("echo", (self_pid(), "by name"))
    assert receive() == "by name"


def test_send_to_an_unregistered_name_raises_a_clear_error_and_the_node_stays_usable():
    with pytest.raises(BadArgument, match="no process is registered as 'nobody'"):
        send("nobody", "hi")
    pid = spawn(echo)
    send(pid, (self_pid(), "still works"))
    assert receive() == "still works"


@pytest.mark.parametrize("pattern, complaint", [
    (lambda a, b: True, "takes exactly one argument"),
    ((x for x in []), "cannot be a generator"),
    (("ok", lambda: True), "takes exactly one argument"),
])
def test_bad_patterns_are_refused(pattern, complaint):
    with pytest.raises(PatternError, match=complaint):
        receive(pattern, timeout=0)


def test_a_predicate_that_raises_is_reported_with_the_message():
    send(self_pid(), "not a number")
    with pytest.raises(PatternError, match=r"raised TypeError.*'not a number'"):
        receive(lambda m: m > 3, timeout=0)
    assert receive(timeout=0) == "not a number"     # the message is still there


@pytest.mark.parametrize("timeout", [-1, float("nan"), "5", True, float("inf")])
def test_bad_timeouts_are_refused(timeout):
    with pytest.raises(BadArgument, match="timeout must be"):
        receive(timeout=timeout)


def test_bad_destinations_are_refused():
    with pytest.raises(BadArgument, match="expected a pid|process name"):
        send(42, "hi")
    with pytest.raises(BadArgument, match="saved trace"):
        send(Pid(1), "a pid that no node made")
