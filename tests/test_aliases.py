"""Aliases: refs that reach their owner until deactivated (OTP 24+), so a late reply to a
call that gave up is dropped instead of left in the mailbox."""
import pytest

from actorlab import (ANY, BadArgument, ReceiveTimeout, alias, demonitor, exit, make_ref,
                      monitor, process_info, receive, run_for, self_pid, send, sleep, spawn,
                      unalias)


def test_an_alias_reaches_its_owner_until_unaliased(node):
    a = alias()
    send(a, "hello")
    assert receive(timeout=0) == "hello"
    assert unalias(a) is True and unalias(a) is False
    send(a, "too late")
    with pytest.raises(ReceiveTimeout):
        receive(timeout=0)
    last = node.trace[-1]
    assert last.kind == "send" and last.data["delivered"] is False and last.data["alias"] == a
    assert "dropped: the alias is inactive" in node.trace.format()


def test_only_the_owner_can_unalias():
    a = alias()
    results = []
    spawn(lambda: results.append(unalias(a)))
    assert results == [False]
    send(a, "still active")
    assert receive(timeout=0) == "still active"


def test_a_plain_ref_is_not_a_destination_nor_an_alias_to_end():
    with pytest.raises(BadArgument, match=r"send: #Ref<0\.\d+> is a ref, not an address: "
                                          "send to a pid or a registered name"):
        send(make_ref(), "where to?")
    with pytest.raises(BadArgument, match=r"unalias: #Ref<0\.\d+> is not an alias"):
        unalias(make_ref())


def test_a_monitor_alias_ends_with_demonitor():
    pid = spawn(receive)
    ref = monitor(pid, alias=True)
    send(ref, "reaches me")
    assert receive(timeout=0) == "reaches me"
    demonitor(ref)
    send(ref, "dropped")
    with pytest.raises(ReceiveTimeout):
        receive(timeout=0)


def test_a_monitor_alias_ends_with_the_down_message():
    pid = spawn(receive)
    ref = monitor(pid, alias=True)
    exit(pid, "gone")
    assert receive() == ("DOWN", ref, "process", pid, "gone")
    send(ref, "dropped")
    with pytest.raises(ReceiveTimeout):
        receive(timeout=0)


def test_a_late_reply_to_an_alias_is_dropped():
    """A call that gives up, with an alias as its tag: the late reply never arrives."""
    def slow_server():
        tag, request = receive()
        sleep(100)
        send(tag, (tag, "late reply"))

    server = spawn(slow_server)
    tag = alias()
    send(server, (tag, "work"))
    with pytest.raises(ReceiveTimeout):
        receive((tag, ANY), timeout=50)
    unalias(tag)
    run_for(200)
    assert process_info(self_pid())["messages"] == []


def _sends_through(ref):
    """What a message sent through `ref` becomes: the message, or None if it was dropped."""
    send(ref, "through the alias")
    try:
        return receive(timeout=0)
    except ReceiveTimeout:
        return None


@pytest.mark.parametrize("mode", [True, "demonitor"])
def test_the_demonitor_mode_ends_the_alias_with_the_monitor(mode):
    pid = spawn(receive)
    ref = monitor(pid, alias=mode)
    assert _sends_through(ref) == "through the alias"
    exit(pid, "gone")
    receive(("DOWN", ref, ANY, ANY, ANY))
    assert _sends_through(ref) is None


def test_an_explicit_unalias_alias_outlives_its_monitor():
    pid = spawn(receive)
    ref = monitor(pid, alias="explicit_unalias")
    demonitor(ref)
    assert _sends_through(ref) == "through the alias"
    assert unalias(ref) is True
    assert _sends_through(ref) is None


def test_the_first_reply_through_a_reply_demonitor_alias_ends_monitor_and_alias():
    pid = spawn(receive)
    ref = monitor(pid, alias="reply_demonitor")
    spawn(lambda: (send(ref, "reply1"), send(ref, "reply2")))
    exit(pid, "gone")                           # no DOWN: the reply ended the monitor
    assert process_info(self_pid())["messages"] == ["reply1"]
    assert process_info(self_pid())["monitors"] == []
    assert unalias(ref) is False


@pytest.mark.parametrize("mode", ["yes", 1, "Demonitor", None])
def test_an_unknown_alias_mode_is_refused_naming_the_modes(mode):
    pid = spawn(receive)
    with pytest.raises(BadArgument, match="'demonitor', 'explicit_unalias', 'reply_demonitor'"):
        monitor(pid, alias=mode)
    assert process_info(self_pid())["monitors"] == []


def test_alias_options_are_refused_with_what_to_use_instead():
    with pytest.raises(BadArgument, match=r"alias\(\) takes no options.*reply_demonitor"):
        alias(["reply"])
