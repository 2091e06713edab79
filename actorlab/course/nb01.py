"""Checks for notebook 01, processes and mailboxes.

>>> def echo():
...     while True:
...         sender, message = receive()
...         send(sender, message)
>>> check_echo(echo)
✓ echo: all good
  ✓ the first message came back: 'ping'
  ✓ the second message came back too: echo keeps going
  ✓ echo is still alive, waiting for more
"""
from __future__ import annotations

from typing import Callable

from ..runtime import (ReceiveTimeout, current_node, is_alive, process_info, receive,
                       self_pid, send)
from .checks import Check, spawn_learner


def _reply(timeout: float = 100) -> object:
    try:
        return receive(timeout=timeout)
    except ReceiveTimeout:
        return None


def _ended_early(check: Check, pid: object, name: str) -> None:
    """If the process already ended, say how, reading the trace."""
    if is_alive(pid):
        return False
    trace = current_node().trace
    exit_event = next(e for e in trace.events if e.kind == "exit" and e.pid == pid)
    received = [e for e in trace.events if e.kind == "receive" and e.pid == pid]
    reason = exit_event.data["reason"]
    if exit_event.data["crash"]:
        check.fail(f"{name} crashed at step {exit_event.step}: {type(reason).__name__}: "
                   f"{reason}")
    elif not received:
        check.fail(f"{name} ended at step {exit_event.step} without receiving anything: "
                   "it must call receive() to take a message from its mailbox")
    elif not any(e.kind == "send" and e.pid == pid for e in trace.events):
        check.fail(f"{name} took a message at step {received[0].step} and ended at step "
                   f"{exit_event.step} without sending anything back: answer with send(), "
                   "inside a while True: loop so that it keeps going")
    else:
        check.fail(f"{name} ended at step {exit_event.step}, after {len(received)} "
                   "message(s): loop (while True:) to handle the next one")
    return True


def check_echo(echo: Callable) -> None:
    """echo() should send every (sender, message) it receives back to sender, forever."""
    with Check("echo") as check:
        pid = spawn_learner(check, echo, label="echo")
        if pid is None:
            return
        send(pid, (self_pid(), "ping"))
        first = _reply()
        if first is None:
            if not _ended_early(check, pid, "echo"):
                check.fail("(sender, 'ping') went unanswered: send the message back to sender "
                           "with send(sender, message)")
            return
        check.expect(first == "ping", "the first message came back: 'ping'",
                     f"echo sent back {first!r}; send back the message itself, 'ping'")
        send(pid, (self_pid(), "pong"))
        second = _reply()
        if second is None:
            if not _ended_early(check, pid, "echo"):
                check.fail("the second message got no reply: echo must loop to receive again")
            return
        check.expect(second == "pong", "the second message came back too: echo keeps going",
                     f"the second reply was {second!r}, not 'pong'")
        check.expect(is_alive(pid), "echo is still alive, waiting for more",
                     "echo ended: it should wait for the next message")


def check_counter(counter: Callable) -> None:
    """counter(n) keeps a count: ("add", k) adds k; ("get", pid) sends ("count", n) to pid."""
    with Check("counter") as check:
        pid = spawn_learner(check, counter, 10, label="counter")
        if pid is None:
            return
        send(pid, ("add", 2))
        send(pid, ("add", 3))
        send(pid, ("get", self_pid()))
        answer = _reply()
        if answer is None:
            if not _ended_early(check, pid, "counter"):
                left = process_info(pid)["messages"]
                unread = f"; still in its mailbox: {left}" if left else ""
                check.fail("('get', pid) got no answer: send ('count', n) to that pid" + unread)
            return
        check.expect(answer == ("count", 15), "10 + 2 + 3 gives ('count', 15)",
                     f"after starting at 10 and adding 2 and 3, the answer was {answer!r}, not "
                     "('count', 15): keep the count in a variable and pass it round the loop")
        send(pid, ("get", self_pid()))
        again = _reply()
        check.expect(again == ("count", 15), "asking again gives the same count: it kept its state",
                     f"asking a second time gave {again!r}: the loop must go on with the count")
