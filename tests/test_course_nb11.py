"""Notebook 11's course helpers: two diagrams compared, one above the other, and checks that explore the
learner's code (every interleaving, every single fault) and draw the shortest wrong run."""
import re

from actorlab import (Exit, GenServer, faults, receive, register, reset, self_pid, send, sleep,
                      spawn, whereis)
from actorlab.course import checks, nb11


def test_two_diagrams_compared_are_one_picture_one_above_the_other():
    node = reset(log=None)
    send(self_pid(), "hi")
    picture = nb11.compare(node.trace, node.trace, ("first", "second"))
    svg = picture.svg()
    assert svg.count("<svg") == 3 and ">first</text>" in svg and ">second</text>" in svg
    ids = re.findall(r' id="([^"]+)"', svg)
    assert ids and len(ids) == len(set(ids))                  # no id twice in one page
    assert [i[:2] for i in ids].count("a_") == [i[:2] for i in ids].count("b_")
    tops = [float(y) for y in re.findall(r'<svg x="0" y="([\d.]+)"', svg)]
    assert len(tops) == 2 and tops[1] > tops[0]               # the second below the first
    assert picture._repr_mimebundle_()["text/plain"].startswith("Compared: first | second")


def shown_as_in_a_notebook(monkeypatch):
    """A check displays its diagram only in a notebook: pretend, so that it prints it."""
    monkeypatch.setattr(checks, "in_a_kernel", lambda: True)


def test_a_check_then_act_in_two_calls_is_counted_and_its_shortest_run_drawn(capsys,
                                                                              monkeypatch):
    shown_as_in_a_notebook(monkeypatch)
    class Bank(GenServer):
        def init(self, balance):
            return ("ok", balance)

        def handle_call(self, request, from_, balance):
            if request == "balance":
                return ("reply", balance, balance)
            return ("reply", "ok", balance - request[1])

    def withdraw(bank, amount):
        if amount > GenServer.call(bank, "balance"):
            return "refused"
        return GenServer.call(bank, ("withdraw", amount))

    nb11.check_withdraw(Bank, withdraw)
    out = capsys.readouterr().out
    assert "8 of the 12 distinct interleavings of ann (70) and bob (50) withdrawing go " \
        "wrong, the default order among them: ann got 'ok', bob got 'ok'" in out
    assert "✗ each withdrawal made 2 calls ('balance', ('withdraw', 70))" in out
    assert "Sequence diagram: 3 processes (ann, bank, bob)" in out    # the drawing, as text


def price(item):
    for _ in range(3):
        try:
            return GenServer.call("prices", ("price", item))
        except Exit:
            sleep(10)
    return GenServer.call("prices", ("price", item))


def keeps_the_pid(items):
    prices = whereis("prices")
    return tuple(GenServer.call(prices, ("price", item)) for item in items)


def test_a_design_is_proven_against_every_kill_and_a_stale_pid_is_named(capsys, monkeypatch):
    shown_as_in_a_notebook(monkeypatch)
    nb11.check_design(lambda items: tuple(price(item) for item in items))
    assert "with each of the 3 kills of 'prices'), ann got (3, 5) and bob (5,)" in \
        capsys.readouterr().out
    nb11.check_design(keeps_the_pid)
    out = capsys.readouterr().out
    assert "bob saw its call exit with 'noproc'" in out and "the old pid of 'prices'" in out
    assert "Sequence diagram: 5 processes (Supervisor, prices, ann, prices#2, bob)" in out


def test_a_customer_that_never_stops_trying_is_caught(capsys):
    def customer(items):
        while True:
            try:
                return tuple(GenServer.call("prices", ("price", i)) for i in items)
            except Exit:
                pass

    nb11.check_design(customer)
    out = capsys.readouterr().out
    assert "tries again without a pause" in out and "sleep(10)" in out


def test_a_run_longer_than_a_check_keeps_is_a_finding_not_a_crash(monkeypatch, capsys):
    def ping():
        echo = spawn(lambda: send(receive(), "pong"))
        register("echo", echo)
        send(echo, self_pid())
        return receive()

    monkeypatch.setattr(nb11, "RUN_EVENTS", 5)
    found = nb11._explore_faults(ping, fault=faults.kill("echo"))
    assert found.result is None
    with checks.Check("long") as check:
        assert found.unfinished(check, "does it end?")
    assert "a run never ended (more than 5 events): does it end?" in capsys.readouterr().out
