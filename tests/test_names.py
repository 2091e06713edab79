"""register / unregister / whereis, with Erlang's failure rules."""
import pytest

from actorlab import (BadArgument, exit, is_alive, receive, register, self_pid, send, spawn,
                      unregister, whereis)


def idle():
    receive("never")


def test_register_and_whereis():
    pid = spawn(idle)
    register("worker", pid)
    assert whereis("worker") == pid
    assert whereis("nobody") is None


def test_register_fails_for_a_dead_pid():
    dead = spawn(lambda: None)
    with pytest.raises(BadArgument, match="is not alive"):
        register("late", dead)


def test_register_fails_for_a_taken_name():
    register("taken", spawn(idle))
    with pytest.raises(BadArgument, match="already taken by #PID<0.1.0>"):
        register("taken", spawn(idle))


def test_register_fails_for_a_pid_that_already_has_a_name():
    pid = spawn(idle)
    register("first", pid)
    with pytest.raises(BadArgument, match="already has the name 'first'"):
        register("second", pid)


@pytest.mark.parametrize("bad_name", [42, "", None, ("tuple",)])
def test_names_are_non_empty_strings(bad_name):
    with pytest.raises(BadArgument, match="non-empty string"):
        register(bad_name, spawn(idle))


def test_a_name_is_freed_when_its_process_exits():
    pid = spawn(idle)
    register("temp", pid)
    exit(pid, "stop")
    assert whereis("temp") is None
    register("temp", spawn(idle))       # the name can be used again


def test_unregister():
    pid = spawn(idle)
    register("x", pid)
    unregister("x")
    assert whereis("x") is None and is_alive(pid)
    with pytest.raises(BadArgument, match="no process is registered as 'x'"):
        unregister("x")


def test_the_shell_can_have_a_name():
    register("shell", self_pid())
    spawn(lambda: send("shell", "found you"))
    assert receive() == "found you"


def test_undefined_cannot_be_registered():
    """Erlang's whereis answers undefined for "nobody", so it is no name (badarg)."""
    pid = spawn(idle)
    with pytest.raises(BadArgument, match="cannot register 'undefined'"):
        register("undefined", pid)
    assert whereis("undefined") is None
    assert register("ok", pid) is True
