"""Notebook 11, finding concurrency bugs: two interleavings drawn one above the other, and the
checks, which explore the learner's code in every interleaving (and with every single
fault) instead of trying a few.

A check that finds a wrong run says how many runs went wrong out of how many and what the
shortest wrong one gave, and shows its diagram after the findings (with the race that
decided it marked; `Check.show`). Without a fault, the exploring is
`checks.every_interleaving`'s; with faults, it is `Explored`'s.

>>> class Careless(GenServer):
...     def init(self, balance):
...         return ("ok", balance)
...     def handle_call(self, request, from_, balance):
...         if request == "balance":
...             return ("reply", balance, balance)
...         return ("reply", "ok", balance - request[1])       # never refuses
>>> check_withdraw(Careless, lambda bank, amount: GenServer.call(bank, ("withdraw", amount)))
... # doctest: +NORMALIZE_WHITESPACE
✗ a bank that checks and withdraws in one message: not yet
  ✗ ('withdraw', 80) on a balance of 70 answered 'ok' and left -10: refuse a withdrawal
    larger than the balance, and leave the balance as it is
"""
from __future__ import annotations

import contextlib
import io
import re
from types import FunctionType
from typing import Any, Callable

from ..explore import FaultsResult, explore
from ..explore.runs import TraceTooLong
from ..otp import GenServer, Supervisor
from ..runtime import (ANY, Exit, Node, Ref, RunawayError, current_node, faults,
                       make_ref, receive, reset, self_pid, send, spawn)
from ..trace import Pid, Trace, short
from ..trace.protocol import is_gen_call, is_gen_cast
from ..views.model import lane_names
from ..views.render import View, fit_width
from .checks import (EXPLORE_SECONDS, STATE_IN_THE_PROCESS, Check, death_text,
                     every_interleaving, exit_of, explain, fresh_node, kept_outside_state,
                     names_used, reason_text, string_constants)

PRE_RUN_SECONDS = 0.5
"""The wall-clock budget of the design check's first run (a right answer takes
milliseconds)."""
RUN_EVENTS = 2_000
"""The trace events one explored run may make: a hundred times what a right answer needs,
and few enough that a process that never stops is caught within a second or two."""


# -- two diagrams, one above the other -------------------------------------------------------

_ROOT = re.compile(r"<svg\b[^>]*>")
_VIEWBOX = re.compile(r'viewBox="([\d.\-]+) ([\d.\-]+) ([\d.]+) ([\d.]+)"')
_PROLOGUE = re.compile(r"^.*?(?=<svg\b)", re.S)
GAP = 18
"""Points between the two pictures."""
TITLE = 22
"""Points above each picture for its title."""


class Comparison:
    """Two views in one picture, one above the other, each under its title (above each
    other, not side by side, so that each keeps a readable size in a notebook's width);
    its text form is both texts."""

    def __init__(self, first: View, second: View, titles: tuple[str, str]) -> None:
        self.first, self.second, self.titles = first, second, titles
        self.text = (f"Compared: {titles[0]} | {titles[1]}\n"
                     f"-- {titles[0]}: {first.text}\n-- {titles[1]}: {second.text}")

    def svg(self) -> str:
        """The two SVGs nested in one, the first above the second, each under its title."""
        parts, y, width = [], 0.0, 0.0
        for index, (view, title) in enumerate(zip((self.first, self.second), self.titles)):
            inner = _PROLOGUE.sub("", view.svg(), count=1)
            box = _VIEWBOX.search(inner)
            wide, tall = float(box.group(3)), float(box.group(4))
            inner = inner.replace(' id="', f' id="{"ab"[index]}_')     # ids stay unique
            inner = _ROOT.sub(f'<svg x="0" y="{y + TITLE:.1f}" width="{wide:.1f}" '
                              f'height="{tall:.1f}" viewBox="{box.group(0)[9:-1]}">',
                              inner, count=1)
            parts.append(f'<text x="8" y="{y + TITLE - 8:.1f}" '
                         f'font-family="Helvetica,sans-serif" font-size="13" '
                         f'font-weight="bold">{_escape(title)}</text>{inner}')
            y += TITLE + tall + GAP
            width = max(width, wide)
        height = y - GAP
        return fit_width(f'<svg width="{width:.1f}pt" height="{height:.1f}pt" '
                         f'viewBox="0 0 {width:.1f} {height:.1f}" '
                         'xmlns="http://www.w3.org/2000/svg" '
                         f'xmlns:xlink="http://www.w3.org/1999/xlink">{"".join(parts)}</svg>')

    def _repr_mimebundle_(self, include: object = None, exclude: object = None) -> dict:
        return {"image/svg+xml": self.svg(), "text/plain": self.text}

    def __repr__(self) -> str:
        return self.text


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def compare(first: Trace, second: Trace, titles: tuple[str, str] = ("first", "second"),
            **options: Any) -> Comparison:
    """The sequence diagrams of two traces, one above the other, drawn with the same
    `options` (those of `Trace.diagram`), each under its title: to compare two
    interleavings step by step.

    >>> from actorlab import reset, send, self_pid
    >>> node = reset(log=None)
    >>> _ = send(self_pid(), "hi")
    >>> print(compare(node.trace, node.trace, ("one", "two")).text.splitlines()[0])
    Compared: one | two
    """
    return Comparison(first.diagram(**options), second.diagram(**options), titles)


# -- what the checks share ------------------------------------------------------------------

def _explore_faults(scenario: Callable, *args: Any, fault: Any) -> Explored:
    """explore() with `fault` at each of its points, for a check (no progress bar, a
    time limit, a small trace per run), summed up."""
    try:
        result = explore(scenario, *args, faults=[fault], max_seconds=EXPLORE_SECONDS,
                         progress=False, trace_limit=RUN_EVENTS)
    except TraceTooLong:
        return Explored(None)
    return Explored(result)


class Explored:
    """What a check's exploration with faults found (`checks.every_interleaving` does the
    same without faults): how many runs went wrong (`wrong` of `runs`), the wrong outcome
    to explain (`outcome`, None if none) and the fault it came with (`fault`, None:
    without a fault). `result` is None when one run never ended (more than RUN_EVENTS
    events)."""

    def __init__(self, result: FaultsResult | None) -> None:
        self.result = result
        self.wrong, self.fault, self.outcome = 0, None, None
        self.runs = 0 if result is None else result.runs

    def judge(self, good: Callable[[Any], bool],
              first: Callable[[Any], int] = lambda outcome: 0) -> Explored:
        """Count the runs whose outcome is not `good`, and pick the wrong outcome to
        explain: the lowest `first(outcome)`, then the one seen without a fault, then
        with the earliest fault, then the most frequent."""
        if self.result is None:
            return self
        bad = []
        groups = [(None, self.result.baseline)] + list(self.result.by_fault.items())
        for order, (fault, found) in enumerate(groups):
            for outcome, count in found.outcomes.items():
                if not good(outcome):
                    self.wrong += count
                    bad.append((first(outcome), order, -count, repr(outcome), fault, outcome))
        if bad:
            *_, self.fault, self.outcome = min(bad, key=lambda b: b[:4])
        return self

    def when(self) -> str:
        """The fault of the outcome to explain, in words."""
        return f'with the fault "{self.fault}"' if self.fault else "without a fault"

    @property
    def complete(self) -> bool:
        return self.result is not None and self.result.complete

    def replay(self) -> Node:
        """The node of the shortest run that gave the outcome to explain, replayed
        quietly (a replay prints its warnings and crash reports)."""
        with contextlib.redirect_stdout(io.StringIO()):
            return self.result.replay(self.fault, self.outcome)

    def how_many(self) -> str:
        """ "3 of 12 runs went wrong", or, for a search cut short, "at least 3 of 700 runs
        went wrong, in the 3 s explored, which were not all". """
        if self.complete:
            return f"{self.wrong} of {self.runs} runs went wrong"
        return (f"at least {self.wrong} of {self.runs:,} runs went wrong, in the "
                f"{EXPLORE_SECONDS:g} s explored, which were not all")

    def unfinished(self, check: Check, advice: str) -> bool:
        """If the search ended early and found nothing wrong, say so (with `advice`)."""
        if self.result is None:
            check.fail(f"a run never ended (more than {RUN_EVENTS:,} events): {advice}")
        elif not self.complete and not self.wrong:
            check.fail(f"explore() could not finish within {EXPLORE_SECONDS:g} s "
                       f"({self.runs:,} runs so far): {advice}")
        else:
            return False
        return True


def _diagram(trace: Trace, lanes: list[str]) -> Any:
    """A wrong run's diagram, with these lanes (those the run had), OTP's bookkeeping hidden."""
    known = set(lane_names(trace).values())
    return trace.diagram(hide_system=True, processes=[lane for lane in lanes if lane in known])


def _with_helpers(function: Callable) -> list[Callable]:
    """`function` and the functions of its module that it calls by name (a learner's
    `customer` calls their own `price`), for `Check.refuse_blocking`."""
    scope = getattr(function, "__globals__", {})
    return [function] + [scope[name] for name in sorted(names_used(function))
                         if isinstance(scope.get(name), FunctionType)
                         and scope[name] is not function]


def _requests(trace: Trace, name: str, to: str | None = None,
              helpers: bool = False) -> list[Any]:
    """The requests of the calls that the process called `name` made, in order (only
    those to a process called `to`, if given; with `helpers`, also those of the processes
    it started, such as its Tasks, and theirs)."""
    names = trace.names()
    pids = {pid for pid, label in names.items() if label == name}
    if helpers:
        for event in trace.events:          # a parent's spawn comes before its child's
            if event.kind == "spawn" and event.pid in pids:
                pids.add(event.data["child"])
    return [e.data["msg"][2] for e in trace.events
            if e.kind == "send" and e.pid in pids and is_gen_call(e.data["msg"])
            and (to is None or names.get(e.data["to"]) == to)]


def _casts(trace: Trace, name: str) -> list[Any]:
    """The casts that the process called `name` sent."""
    pids = {pid for pid, label in trace.names().items() if label == name}
    return [e.data["msg"][1] for e in trace.events
            if e.kind == "send" and e.pid in pids and is_gen_cast(e.data["msg"])]


def _failure(error: Exception | Exit) -> tuple:
    """What a client sends instead of its answer when its code fails: ("exit", reason) or
    ("raised", "TypeError: ...")."""
    if isinstance(error, Exit):
        reason = error.reason
        if (type(reason) is tuple and len(reason) == 2 and type(reason[1]) is tuple
                and reason[1][:2] == ("GenServer", "call")):
            reason = reason[0]
        return ("exit", reason if _hashable(reason) else short(reason, 80))
    return ("raised", f"{type(error).__name__}: {error}")


def _hashable(term: Any) -> bool:
    try:
        hash(term)
    except TypeError:
        return False
    return True


def _answer_text(answer: Any) -> str:
    """A client's answer, or its failure, in words."""
    if type(answer) is tuple and len(answer) == 2 and answer[0] == "exit":
        return f"saw its call exit with {short(answer[1], 60)}"
    if type(answer) is tuple and len(answer) == 2 and answer[0] == "raised":
        kind, _, message = answer[1].partition(": ")
        return f'raised {kind} ("{message}")'
    return f"got {short(answer, 60)}"


# -- exercise 1: a bank that checks and withdraws in one message ----------------------------

START = 100
"""The balance of every bank in the checks."""
ANN, BOB = 70, 50
"""What ann and bob withdraw, together: more than the balance, so one must be refused."""


def _two_withdrawals(bank: type, withdraw: Callable) -> tuple:
    """ann withdraws 70 and bob 50 from a bank of 100, at the same time: (ann's answer,
    bob's answer, the balance after)."""
    GenServer.start(bank, START, name="bank")
    shell = self_pid()

    def client(amount: int) -> None:
        try:
            answer = withdraw("bank", amount)
        except (Exception, Exit) as error:    # the check says what it was
            answer = _failure(error)
        send(shell, (self_pid(), answer if _hashable(answer) else short(answer)))

    spawn(lambda: [spawn(client, ANN, label="ann"), spawn(client, BOB, label="bob")],
          label="start")
    answers = dict(receive((ANY, ANY)) for _ in range(2))
    ann, bob = sorted(answers, key=lambda pid: pid.number)
    try:
        balance = GenServer.call("bank", "balance", 1000)
    except Exit as exit_:
        balance = _failure(exit_)
    return answers[ann], answers[bob], balance


def _good_withdrawals(outcome: Any) -> bool:
    return outcome in (("ok", "refused", START - ANN), ("refused", "ok", START - BOB))


def check_withdraw(bank: type, withdraw: Callable) -> None:
    """`bank` answers ("withdraw", amount) with "ok" (and takes it) or "refused" (and
    leaves the balance), in one message; `withdraw(bank, amount)` asks it. Tried alone
    first, then explored: ann withdraws 70 and bob 50 from 100, in every interleaving."""
    with Check("a bank that checks and withdraws in one message") as check:
        if check.refuse_blocking(bank, withdraw, advice=". A server never needs a lock: it "
                                 "handles one message at a time, so check and withdraw in "
                                 "one message"):
            return
        if not _withdraw_alone(check, bank, withdraw):
            return
        wrong = every_interleaving(
            check, _two_withdrawals, bank, withdraw, right=_good_withdrawals,
            words=_withdrawals_text, what="ann (70) and bob (50) withdrawing",
            ok="one of ann (70) and bob (50) was refused, and the balance is "
               f"{START - ANN} or {START - BOB}", lanes=["ann", "bank", "bob"])
        trace = current_node().trace                        # the drawn interleaving
        calls = _requests(trace, "ann")
        if wrong is not None and wrong[:2] == ("ok", "ok") and _bank_refused(trace):
            check.fail("in that run the bank refused one withdrawal, but safe_withdraw "
                       "answered 'ok' all the same: return what the bank answered, return "
                       "GenServer.call(bank, ('withdraw', amount))")
        elif wrong is not None and len(calls) > 1:
            check.fail(f"each withdrawal made {len(calls)} calls "
                       f"({', '.join(map(short, calls))}): between the check and the "
                       "withdrawal, the other client's withdrawal came. Make it one call, "
                       "('withdraw', amount), and let handle_call check and subtract")


def _withdrawals_text(outcome: tuple) -> str:
    ann, bob, balance = outcome
    said = f"ann {_answer_text(ann)}, bob {_answer_text(bob)}, and the balance is {short(balance)}"
    if (ann, bob) == ("ok", "ok"):
        return (f"{said}: both were told 'ok', for {ANN + BOB} together, more than the "
                f"bank's {START}")
    return (f"{said}: exactly one of them must be refused, and the balance left must be "
            f"{START - ANN} or {START - BOB}")


def _bank_refused(trace: Trace) -> bool:
    """Did the bank answer a withdrawal with 'refused' in `trace`?"""
    return any(e.kind == "send" and type(e.data["msg"]) is tuple and len(e.data["msg"]) == 2
               and type(e.data["msg"][0]) is Ref and e.data["msg"][1] == "refused"
               for e in trace.events)


def _withdraw_alone(check: Check, bank: type, withdraw: Callable) -> bool:
    """One client, one withdrawal at a time: 30 (ok), 80 (refused), then the other 70
    (ok: the whole balance). True if all answered as they should."""
    started = GenServer.start(bank, START)
    if not (type(started) is tuple and started[0] == "ok"):
        check.fail(f"GenServer.start({bank.__name__}, {START}) returned {short(started)}: "
                   "init must return ('ok', balance)")
        return False
    pid, balance = started[1], START
    for amount, wanted in ((30, "ok"), (80, "refused"), (70, "ok"), (10, "refused")):
        asked_before = len(_requests(current_node().trace, "shell"))
        try:
            answer = withdraw(pid, amount)
        except Exit as exit_:
            wrong_calls = _asked_instead(amount, asked_before)
            check.fail(f"withdrawing {amount} from {balance} exited: "
                       f"{_withdraw_failed(withdraw, pid, exit_.reason, wrong_calls)}")
            return False
        casts = _casts(current_node().trace, "shell")
        if casts:
            check.fail(f"{short(withdraw)} casts {short(casts[0])}: a cast answers 'ok' at "
                       "once, so the client never learns that a withdrawal was refused. "
                       "Call the bank, and return its answer")
            return False
        wrong_calls = _asked_instead(amount, asked_before)
        try:
            after = GenServer.call(pid, "balance", 1000)
        except Exit as exit_:
            check.fail(f"after withdrawing {amount}, 'balance' exited: "
                       f"{_withdraw_failed(withdraw, pid, exit_.reason, wrong_calls)}")
            return False
        expected = balance - amount if wanted == "ok" else balance
        if wrong_calls and (answer, after) != (wanted, expected):
            check.fail(f"withdrawing {amount} from {balance} answered {short(answer)}, and "
                       f"the balance is {short(after)}{wrong_calls}")
            return False
        if answer not in ("ok", "refused"):
            check.fail(f"withdrawing {amount} from {balance} answered {short(answer)}, not "
                       f"{wanted!r}: " + (
                           f"that is what {bank.__name__} replied: reply 'ok' or 'refused' "
                           "(and for 'ok', keep balance - amount as the new state)"
                           if answer is not None
                           and _bank_replies(bank, amount, balance) == answer else
                           "return the bank's answer, 'ok' or 'refused'"))
            return False
        if answer == "ok" and wanted == "refused" and after == balance:
            check.fail(f"withdrawing {amount} from {balance} returned 'ok', but the balance is "
                       f"still {after}: the bank refused, and {short(withdraw)} did not say "
                       "so. Return the bank's answer: return GenServer.call(bank, "
                       "('withdraw', amount))")
            return False
        if answer == "ok" and wanted == "refused":
            check.fail(f"('withdraw', {amount}) on a balance of {balance} answered 'ok' and "
                       f"left {after}: refuse a withdrawal larger than the balance, and leave "
                       "the balance as it is")
            return False
        if answer == "refused" and wanted == "ok":
            check.fail(f"withdrawing {amount} from {balance} was refused" +
                       (": the whole balance may be withdrawn (refuse only more than the "
                        "balance)" if amount == balance else ": there is enough money"))
            return False
        if after != expected:
            check.fail(f"after ('withdraw', {amount}) answered {answer!r}, the balance is "
                       f"{short(after)}, not {expected}: " +
                       ("a refused withdrawal leaves the balance as it was: return "
                        "('reply', 'refused', balance)" if answer == "refused" else
                        "return the new balance as the new state"))
            return False
        balance = after
    asked = _requests(current_node().trace, "shell")
    own = [r for r in asked if type(r) is tuple and "withdraw" in r]
    if own and ("withdraw", 30) not in asked:
        check.fail(f"it works with a request of your own, {short(own[0])}, but the bank's "
                   "request is ('withdraw', amount), the tag first: every other client of "
                   "the bank sends that, and your bank would take 'withdraw' for the amount. "
                   "Call GenServer.call(bank, ('withdraw', amount)), and read it in "
                   "handle_call as _, amount = request")
        return False
    if not _balance_in_state(check, bank):
        return False
    check.expect(True, "alone, withdrawing 30, then 80, then 70, then 10 from 100 answered "
                 "'ok', 'refused', 'ok', 'refused'", "")
    return True


def _balance_in_state(check: Check, bank: type) -> bool:
    """Called as plain functions, from the state init makes: after ('withdraw', 30), does
    'balance', asked of another bank with that new state, still answer 100 although the
    withdrawal answered 'ok'? Then the balance lives elsewhere (on the object, or in a
    global): False, the finding noted."""
    from_ = (self_pid(), make_ref())
    try:
        instance = bank()
        _, state = instance.init(START)
        _, answer, after = instance.handle_call(("withdraw", 30), from_, state)
        fresh = bank()              # a second bank, given that state: what does it say?
        fresh.init(START)
        _, told, _ = fresh.handle_call("balance", from_, after)
    except Exception:
        return True                 # the runs above explain a callback that fails
    where = kept_outside_state(bank)
    if answer == "ok" and told == START:     # the new state does not hold the withdrawal
        check.fail(f"called as plain functions, from the state init makes, ('withdraw', 30) "
                   f"answered 'ok' and returned the new state {short(after)}, on which "
                   f"'balance' answers {short(told)}, not {START - 30}: {bank.__name__} keeps "
                   f"the balance {where or 'outside the state'}. {STATE_IN_THE_PROCESS}. Keep "
                   "the balance in the state: ('reply', 'ok', balance - amount)")
        return False
    if where:
        check.fail(f"{bank.__name__} keeps data {where}, outside the state (a global, or an "
                   "attribute of the class, is shared by every bank and every run of the "
                   f"check). {STATE_IN_THE_PROCESS}. "
                   "Keep the balance in the state: ('reply', 'ok', balance - amount)")
        return False
    return True


def _asked_instead(amount: int, asked_before: int) -> str:
    """If the calls the shell made since it had made `asked_before` are not the one call
    ("withdraw", amount), what was wrong with them (to add to a finding), else ''."""
    asked = [tuple(request) if type(request) is list else request
             for request in _requests(current_node().trace, "shell")[asked_before:]]
    if not asked or asked == [("withdraw", amount)]:
        return ""           # no call at all: what safe_withdraw returned says more
    if "withdraw" in asked:
        return (f". The request was 'withdraw' alone, without the amount: "
                "GenServer.call(bank, request, timeout) sends one request, and a third "
                "argument is the call's timeout, in ms. Put the amount in the request: "
                "GenServer.call(bank, ('withdraw', amount))")
    made = (f"made {len(asked)} calls ({', '.join(map(short, asked))})" if len(asked) > 1
            else f"asked {short(asked[0])}")
    return (f". But safe_withdraw(bank, {amount}) {made}, not the one call "
            f"('withdraw', {amount}) your handle_call answers: the check and the withdrawal "
            "happen in the bank, in one message. Make it one call: return "
            "GenServer.call(bank, ('withdraw', amount))")


def _withdraw_failed(withdraw: Callable, bank: Pid, reason: Any, wrong_calls: str) -> str:
    """Why a withdrawal, or the balance asked after it, exited: the bank crashed (on a
    request it was not meant to get, `wrong_calls`, or on a refusal raised as an error),
    or `withdraw` called the name "bank", which the check's bank has not."""
    died = death_text(bank)
    if died and isinstance(exit_of(bank).data["reason"], AttributeError) and not wrong_calls:
        return (f"{died}. handle_call looked on the object for what nothing had put there. "
                f"{STATE_IN_THE_PROCESS}. Keep the balance in the state, handle_call's last "
                "argument: ('reply', 'ok', balance - amount)")
    if died:
        return died + (wrong_calls or ". A refusal is an answer, not an error: return "
                       "('reply', 'refused', balance)")
    if "bank" in getattr(getattr(withdraw, "__code__", None), "co_consts", ()):
        return (f"{reason_text(reason)}. Call the bank you were given, bank, not the name "
                "'bank'")
    return reason_text(reason) + wrong_calls


def _bank_replies(bank: type, amount: int, balance: int) -> Any:
    """What the bank's handle_call, called as a plain function, replies to a withdrawal of
    `amount` from `balance` (None if it does not reply)."""
    try:
        reply = bank().handle_call(("withdraw", amount), (self_pid(), make_ref()), balance)
    except Exception:
        return None
    return reply[1] if type(reply) is tuple and len(reply) == 3 else None


# -- exercise 2: a payment made once, however often it is asked ----------------------------

AMOUNT = 10
PAYMENTS = ("payment 1", "payment 2")
LATER = ("payment 3", "payment 4")
"""Payments made after the first two, before a late retry of those: a bank that remembers
only the last few ids charges the retry again."""
"""A third id, paid alone after the two: a bank that stops charging after two is wrong."""
"""Two payments of the same amount: a bank that remembers amounts, not ids, refuses one."""
PAID = (Ref, "paid")
"""What a bank's reply to a payment looks like: the fault drops these."""


def _pay_with_a_retry(payment: str) -> Any:
    """Pay AMOUNT, waiting 100 ms for the answer; if none comes, ask once more (500 ms)."""
    try:
        return GenServer.call("bank", ("pay", payment, AMOUNT), 100)
    except Exit as first:
        if first.reason[0] != "timeout":
            return _failure(first)
    try:
        return GenServer.call("bank", ("pay", payment, AMOUNT), 500)
    except Exit as second:
        return _failure(second)


def _retried_payments(bank: type) -> tuple:
    """ann and bob each pay 10 at the same time (payment 1 and payment 2), each trying
    once more after a timeout: (their answers, the balance after)."""
    GenServer.start(bank, START, name="bank")
    shell = self_pid()

    def client(payment: str) -> None:
        send(shell, (payment, _pay_with_a_retry(payment)))

    spawn(lambda: [spawn(client, PAYMENTS[0], label="ann"),
                   spawn(client, PAYMENTS[1], label="bob")], label="start")
    answers = tuple(receive((payment, ANY))[1] for payment in PAYMENTS)
    try:
        return answers, GenServer.call("bank", "balance", 1000)
    except Exit as exit_:
        return answers, _failure(exit_)


def _good_payments(outcome: Any) -> bool:
    return outcome == (("paid", "paid"), START - 2 * AMOUNT)


def _plain_payments(bank: type, state: tuple | None = None) -> list[Any]:
    """handle_call called as a plain function, after init, on a state in which payment 1 is
    paid (`state`, PAID_ONE unless given): its replies to payment 1 and payment 2, or the
    exception it raised."""
    try:
        instance = bank()
        instance.init(START)
        return [instance.handle_call(("pay", payment, AMOUNT), (self_pid(), make_ref()),
                                     state or PAID_ONE) for payment in PAYMENTS]
    except Exception as error:
        return [error]


PAID_ONE = (START - AMOUNT, frozenset({PAYMENTS[0]}))
"""The state of a bank that has paid payment 1, for `_plain_payments`."""


def _state_kept_whole(check: Check, bank: type) -> bool:
    """For a bank that crashed as a server: called as a plain function, does handle_call
    keep its state a pair and leave the frozenset as it is? False (the finding noted) if
    not, which says better why it crashed."""
    replies = _plain_payments(bank)
    error = replies[0]
    if isinstance(error, AttributeError) and isinstance(error.obj, frozenset):
        check.fail(f"handle_call called .{error.name}() on the frozenset of ids paid, which "
                   "never changes: make a new one with the id added, paid | {payment}, and "
                   "return it in the new state")
        return False
    if isinstance(error, TypeError) and _adds_to_the_ids(bank):
        check.fail("handle_call added to the frozenset of ids paid with +, which sets do "
                   "not have: their union is |. Make a new one with the id added, "
                   "paid | {payment}, and return it in the new state")
        return False
    if isinstance(error, TypeError) and _unions_the_id(bank):
        check.fail("handle_call joined the frozenset of ids paid with the id itself, "
                   "paid | payment: | joins two sets, and the id is a string. Put it in a "
                   "set first: paid | {payment}")
        return False
    for reply in replies:
        if type(reply) is tuple and len(reply) == 3 and reply[0] == "reply" and not (
                type(reply[2]) is tuple and len(reply[2]) == 2
                and isinstance(reply[2][0], (int, float))):
            check.fail(f"handle_call returned the new state {short(reply[2])}: keep it as "
                       "init makes it, (balance, the ids paid): "
                       "(balance - amount, paid | {payment})")
            return False
    return True


def _ids_in_state(check: Check, bank: type) -> bool:
    """A bank that pays each id once as a server: does it find the ids in its state? Given
    a state in which payment 1 is paid, handle_call must not charge it again. False (the
    finding noted) if it does: the ids live on the object, or in a global."""
    again = _plain_payments(bank)[0]
    state = again[2] if type(again) is tuple and len(again) == 3 else None
    if not (type(state) is tuple and len(state) == 2 and state[1] == PAID_ONE[1]
            and state[0] != PAID_ONE[0]):       # charged, and the ids as they were given
        return True
    where = kept_outside_state(bank) or "outside the state"
    check.fail(f"called as a plain function with the state {short(PAID_ONE)}, in which "
               f"{PAYMENTS[0]!r} is paid, handle_call charged it again (new state "
               f"{short(again[2])}): {bank.__name__} keeps the ids paid {where}. "
               f"{STATE_IN_THE_PROCESS}. Keep the ids in the state, and return them with the "
               "new id added")
    return False


def _pay_alone(bank: type) -> list[tuple] | str:
    """Payment 1 asked twice, then payments 2, 3 and 4, then payments 1 and 2 once more, on
    a fresh bank, no fault: each answer and the balance after it; or why it could not go
    on."""
    started = GenServer.start(bank, START)
    if not (type(started) is tuple and started[0] == "ok"):
        return (f"GenServer.start({bank.__name__}, {START}) returned {short(started)}: init "
                "must return ('ok', state)")
    pid, seen = started[1], []
    for payment in (PAYMENTS[0], PAYMENTS[0], PAYMENTS[1], *LATER, PAYMENTS[0], PAYMENTS[1]):
        try:
            answer = GenServer.call(pid, ("pay", payment, AMOUNT), 1000)
            seen.append((payment, answer, GenServer.call(pid, "balance", 1000)))
        except Exit as exit_:
            if exit_.reason[0] == "timeout":
                again = " again" if seen and seen[-1][0] == payment else ""
                return (f"{payment!r} asked{again} got no reply: answer every payment, one "
                        "already made with ('reply', 'paid', state), charging nothing")
            again = any(earlier == payment for earlier, _, _ in seen)
            return (f"paying {payment!r}{' again' if again else ''} exited: "
                    f"{reason_text(exit_.reason)}" + (
                        ". A payment asked again is no error: the client asks again because "
                        "it lost the first answer. Answer 'paid', as the first time, and "
                        "charge nothing" if again else ""))
    return seen


def _adds_to_the_ids(bank: type) -> bool:
    """Does handle_call try `paid + ...` on the frozenset of ids paid? (A frozenset has no
    +: the learner meant |.) Asked with a frozenset that says so when added to."""
    replies = _plain_payments(bank, (PAID_ONE[0], _TellsOfPlus(PAID_ONE[1])))
    return isinstance(replies[0], _Plus)


def _unions_the_id(bank: type) -> bool:
    """Does handle_call try `paid | payment`, the frozenset of ids with the id itself (a
    string, where | needs a set)? Asked with a frozenset that says so."""
    replies = _plain_payments(bank, (PAID_ONE[0], _TellsOfPlus(PAID_ONE[1])))
    return isinstance(replies[0], _UnionWithString)


class _Plus(Exception):
    """What `_TellsOfPlus` raises when code adds to it."""


class _UnionWithString(Exception):
    """What `_TellsOfPlus` raises when code joins it with a string."""


class _TellsOfPlus(frozenset):
    """A frozenset that raises `_Plus` on `+`, and `_UnionWithString` on `| "text"` (a plain
    one raises a TypeError for both)."""

    def __add__(self, other: Any) -> Any:
        raise _Plus

    def __or__(self, other: Any) -> Any:
        if isinstance(other, str):
            raise _UnionWithString
        return frozenset.__or__(self, other)


def check_idempotent(bank: type) -> None:
    """`bank` charges each payment id once: a payment asked again answers "paid" and
    charges nothing. Tried alone (twice, on fresh banks), then explored with each reply
    "paid" dropped in turn, while ann and bob pay, each trying again after a timeout."""
    with Check("a bank that charges a payment once") as check:
        if check.refuse_blocking(bank):
            return
        first = _pay_alone(bank)
        if isinstance(first, str):
            if _state_kept_whole(check, bank):      # else the finding says why it crashed
                check.fail(first)
            return
        again = _pay_alone(bank)
        if again != first:
            check.fail(f"the same payments on a second, fresh bank went otherwise: first "
                       f"{_payments_text(first)}; then {_payments_text(again)}. The ids paid "
                       "are kept outside the server (a global, or an attribute of the "
                       "class), where every bank, and every run, shares them: keep them in "
                       "the server's state, which init returns")
            return
        if not _paid_once(check, bank, first) or not _ids_in_state(check, bank):
            return
        found = _explore_faults(_retried_payments, bank, fault=faults.drop(PAID)).judge(
            _good_payments)
        if found.unfinished(check, "does every payment get an answer?"):
            return
        if not found.wrong:
            check.expect(True, f"in all {found.runs} runs (ann and bob paying 10 each at the "
                         "same time, every interleaving, with each reply 'paid' dropped in "
                         "turn and its client trying again), the balance ended at 80", "")
            return
        node = found.replay()
        answers, balance = found.outcome
        check.fail(f"{found.how_many()} (below, the shortest): {found.when()}, ann and "
                   f"bob were answered {short(answers)} and the balance is {short(balance)}, "
                   f"not ('paid', 'paid') and 80: {_lost_payment(answers, balance)}")
        check.show(_diagram(node.trace, ["ann", "bank", "bob"]))


def _lost_payment(answers: tuple, balance: Any) -> str:
    """Why the explored payments went wrong, and what to change."""
    if isinstance(balance, int) and balance < START - 2 * AMOUNT:
        return ("a payment asked again after another payment came in between was charged "
                "again. Remember every payment id paid (a set), not only the last one")
    return "every payment must be answered 'paid' and charged once"


def _charged_again(bank: type) -> str:
    """Why a bank charges a payment asked again, from its handle_call called as a plain
    function: the ids it keeps after payment 1 (a set of letters, for frozenset(payment)),
    or a charge made although the id was found."""
    try:
        instance = bank()
        _, state = instance.init(START)
        reply = instance.handle_call(("pay", PAYMENTS[0], AMOUNT), (self_pid(), make_ref()),
                                     state)
        ids = reply[2][1]
    except Exception:
        return ("Remember the ids of the payments made (in the state), and charge an id only "
                "once")
    if not ids:
        return (f"After paying {PAYMENTS[0]!r}, the set of paid ids is still empty. Remember "
                "the ids of the payments made: the new state is (balance - amount, "
                "paid | {payment})")
    if PAYMENTS[0] not in ids:
        return (f"After paying {PAYMENTS[0]!r}, the ids kept are {short(ids)}, which do not "
                f"hold {PAYMENTS[0]!r}: add the id itself, paid | {{payment}}")
    return ("The id was remembered, but the payment asked again was charged all the same: "
            "look for it, if payment in paid:, and then answer with the state unchanged, "
            "('reply', 'paid', state). Charge an id only once")


def _not_charged(bank: type) -> str:
    """What a bank that did not charge a new payment id remembers instead of ids, found
    by calling its handle_call as a plain function after payment 1: a new id charged when
    another client asks (it remembers who asks), or when the amount differs (it remembers
    amounts)."""
    def charged(state: Any, amount: int, caller: Pid) -> bool:
        reply = instance.handle_call(("pay", PAYMENTS[1], amount), (caller, make_ref()), state)
        return reply[2][0] != state[0]

    me = self_pid()
    try:
        instance = bank()
        _, state = instance.init(START)
        state = instance.handle_call(("pay", PAYMENTS[0], AMOUNT), (me, make_ref()), state)[2]
        by_caller = charged(state, AMOUNT, spawn(lambda: None, label="another client"))
        by_amount = charged(state, AMOUNT + 1, me)
    except Exception:
        by_caller = by_amount = False
    if by_caller and not by_amount:
        return ("the bank remembers who asked (from_), not the payment: one client makes "
                "many payments. Remember payment ids, and charge an id not yet among them")
    if by_amount:
        return "remember payment ids, not amounts"
    return "charge a payment whose id is not yet among the ids paid"


def _payments_text(seen: list[tuple]) -> str:
    return ", ".join(f"{payment} {short(answer)} (balance {short(balance)})"
                     for payment, answer, balance in seen)


def _paid_once(check: Check, bank: type, seen: list[tuple]) -> bool:
    """Payment 1 twice, then payments 2, 3 and 4, then payments 1 and 2 again: "paid" each
    time, balance 90, 90, 80, 70, 60, 60, 60."""
    (_, first, after_first), (_, repeat, after_repeat), (_, other, after_other), \
        *steps = seen
    later, late = steps[:len(LATER)], steps[len(LATER):]
    balance = after_other
    if first != "paid":
        check.fail(f"a new payment of {AMOUNT} answered {short(first)}, not 'paid': reply "
                   "'paid' to a new payment (and to one seen before), ('reply', 'paid', "
                   "new_state)")
        return False
    if after_first != START - AMOUNT:
        check.fail(f"after a payment of {AMOUNT}, the balance is {short(after_first)}, not "
                   f"{START - AMOUNT}: charge a new payment (balance - amount)")
        return False
    if repeat != "paid":
        check.fail(f"{PAYMENTS[0]!r} asked again was answered {short(repeat)}: answer 'paid', "
                   "as the first time. The client asks again only because it did not hear "
                   "the first answer; it cannot tell a lost request from a lost reply")
        return False
    if after_repeat != after_first:
        check.fail(f"{PAYMENTS[0]!r} asked again was charged again: the balance went from "
                   f"{after_first} to {short(after_repeat)}. " + _charged_again(bank))
        return False
    if other != "paid" or after_other != after_repeat - AMOUNT:
        check.fail(f"{PAYMENTS[1]!r}, another payment of the same amount, answered "
                   f"{short(other)} and left the balance at {short(after_other)}, not "
                   f"{after_repeat - AMOUNT}: {_not_charged(bank)}")
        return False
    for payment, answer, after in later:
        if answer != "paid" or after != balance - AMOUNT:
            check.fail(f"{payment!r}, a new payment, answered {short(answer)} and left the "
                       f"balance at {short(after)}, not {balance - AMOUNT}: charge every "
                       "payment whose id is not yet among the ids paid, however many came "
                       "before")
            return False
        balance = after
    for payment, answer, after in late:
        if answer != "paid" or after != balance:
            check.fail(f"{payment!r}, asked again after {', '.join(map(repr, LATER))}, "
                       f"answered {short(answer)} and left the balance at {short(after)}, not "
                       f"'paid' and {balance}: a retry can come late. Remember every payment "
                       "id paid, not only the latest ones")
            return False
    check.expect(True, f"alone: {PAYMENTS[0]!r} twice, then {PAYMENTS[1]!r}, "
                 f"{' and '.join(map(repr, LATER))}, then the first two again, each answered "
                 "'paid'; the balance went 90, 90, 80, 70, 60, 60, 60", "")
    return True


# -- exercise 3: prove your design -----------------------------------------------------------

PRICES = {"tea": 3, "cake": 5}
BASKETS = {"ann": ("tea", "cake"), "bob": ("cake",)}
"""What each customer asks the price of; what each should get back."""
WANTED = {"ann": (3, 5), "bob": (5,)}


class Prices(GenServer):
    """The check's copy of the notebook's price list: ("price", item) -> its price."""

    def init(self, table: dict) -> tuple:
        return ("ok", table)

    def handle_call(self, request: Any, from_: tuple, table: dict) -> tuple:
        return ("reply", table[request[1]], table)


def _shop(customer: Callable) -> tuple:
    """The supervised price list "prices"; ann and bob, started together, each run
    `customer(items)`: (what ann got, what bob got)."""
    Supervisor.start_link([{"id": "prices", "start": (GenServer.start_link,
                                                      (Prices, PRICES), {"name": "prices"})}],
                          strategy="one_for_one")
    shell = self_pid()

    def visit(items: tuple) -> None:
        try:
            answer = customer(list(items))
        except (Exception, Exit) as error:    # the check says what it was
            answer = _failure(error)
        if isinstance(answer, list):          # a list is not hashable: _plain_shop names it
            answer = (A_LIST, tuple(answer))
        send(shell, (self_pid(), answer if _hashable(answer) else short(answer)))

    spawn(lambda: [spawn(visit, BASKETS[name], label=name) for name in BASKETS],
          label="start")
    got = dict(receive((ANY, ANY)) for _ in BASKETS)
    ann, bob = sorted(got, key=lambda pid: pid.number)
    return got[ann], got[bob]


A_LIST = "a list"
"""How a customer's answer that is a list travels to the shell: (A_LIST, its items)."""


def _good_shop(outcome: Any) -> bool:
    return outcome == (WANTED["ann"], WANTED["bob"])


def check_design(customer: Callable) -> None:
    """`customer(items)` returns the price of each item, asked of the server "prices",
    which a supervisor restarts when it dies. Run once without a fault, then once with
    "prices" killed at its first request (a customer that never stops shows there, in a
    second), then explored: ann and bob shop at the same time, in every interleaving,
    without a fault and with each single kill of "prices"."""
    with Check("a shop that survives a kill") as check:
        _shopping(check, customer)


TOO_MANY = ("the customer starts processes of its own (Tasks?), and explore() tries every "
            "order of their steps, too many to finish: none of the runs it tried went wrong, "
            "but that proves nothing yet. Ask for each price from the customer itself, one "
            "after the other: here a Task adds interleavings, not speed")

AGAIN_AND_AGAIN = ("a customer tries again without a pause, so it can try again and again "
                   "before the supervisor has restarted 'prices'. Pause before trying "
                   "again: sleep(10) lets the supervisor go first")


def _shopping(check: Check, customer: Callable) -> None:
    if check.refuse_blocking(*_with_helpers(customer), advice=" (sleep() from actorlab pauses "
                             "a process without blocking the others)"):
        return
    if not _plain_shop(check, customer) or _knows_without_asking(check, customer):
        return
    if _spins(customer):
        check.fail(f"with 'prices' killed at its first request, the customers never "
                   f"finished: {AGAIN_AND_AGAIN}")
        return
    found = _explore_faults(_shop, customer, fault=faults.kill("prices")).judge(
        _good_shop, _worst_first)
    starts_processes = any(names_used(code) & {"Task", "spawn", "spawn_link", "spawn_monitor"}
                           for code in _with_helpers(customer))
    if found.unfinished(check, TOO_MANY if starts_processes else AGAIN_AND_AGAIN):
        return
    if not found.wrong:
        kills = len(found.result.by_fault)
        check.expect(True, f"in all {found.runs} runs (every interleaving, without a fault "
                     f"and with each of the {kills} kills of 'prices'), ann got (3, 5) and "
                     "bob (5,)", "")
        return
    if "RecursionError" in repr(found.outcome):     # its depth differs run to run: no replay
        check.fail(f"{found.how_many()}: with 'prices' killed, a customer that tries again "
                   "by calling itself, without a pause, ran out of Python's stack "
                   f"(RecursionError): {AGAIN_AND_AGAIN}, and loop rather than call yourself")
        return
    node = found.replay()
    head = f"{found.how_many()} (below, the shortest): {found.when()}"
    if type(found.outcome) is not tuple:        # the shop itself failed: the class name
        check.fail(f"{head}, the shop ended with {found.outcome}: "
                   f"{_shop_failure(node.trace, found.outcome)}")
    else:
        who, answer = min(((name, got) for name, got in zip(BASKETS, found.outcome)
                           if got != WANTED[name]),
                          key=lambda wrong: _worst_first((wrong[1],)))
        advice = _shop_advice(node.trace, who, answer, _uses(customer, "whereis"),
                              _uses(customer, "Exit"))
        check.fail(f"{head}, {who} {_answer_text(answer)}, not {WANTED[who]}. {advice}")
    check.show(_diagram(node.trace, ["Supervisor", "prices", "ann", "prices#2", "bob"]))


def _plain_shop(check: Check, customer: Callable) -> bool:
    """The shop once, without a fault: True if right; else False, the finding noted."""
    fresh_node()
    try:
        outcome = _shop(customer)
    except Exception as error:
        check.fail(f"without any fault, the shop {explain(error)}")
        return False
    trace = current_node().trace
    if _good_shop(outcome) and not _requests(trace, "ann", helpers=True):
        check.fail("ann got (3, 5) without asking 'prices' anything: the customer must ask "
                   "the server, GenServer.call('prices', ('price', item)), not read a table "
                   "of its own (the server's prices can change; a copy does not)")
        return False
    if _good_shop(outcome) and not _requests(trace, "ann", to="prices", helpers=True):
        check.fail("ann got (3, 5) from a price server the customer started itself, not "
                   "from 'prices', the one the supervisor keeps running: a private copy "
                   "answers, but nobody restarts it, and its prices are its own. Ask the "
                   "shop's server by name: GenServer.call('prices', ('price', item))")
        return False
    if _good_shop(outcome):
        return True
    who, answer = next((name, got) for name, got in zip(BASKETS, outcome)
                       if got != WANTED[name])
    if type(answer) is tuple and answer[:1] == (A_LIST,):
        check.fail(f"without any fault, {who} got a list, {short(list(answer[1]))}, not the "
                   f"tuple {WANTED[who]}: return the prices as a tuple, as the exercise asks "
                   "(tuple(prices), or tuple(... for item in items))")
        return False
    check.fail(f"without any fault, {who} {_answer_text(answer)}, not {WANTED[who]}: "
               "return the price of each item, in order, as a tuple, each asked of the "
               "server by name: GenServer.call('prices', ('price', item))")
    return False


def _knows_without_asking(check: Check, customer: Callable) -> bool:
    """A customer that falls back on prices it did not just ask for (a global cache,
    which lives through every run the check makes, or the server's own table) passes the
    runs only by chance or by peeking: True, noted."""
    helpers = _with_helpers(customer)
    kept = next(filter(None, map(kept_outside_state, helpers)), None)
    if kept:
        check.fail(f"the customer keeps data {kept}. Data kept outside a call lives "
                   "through every run the check makes, so a run can use what an earlier run "
                   "left there, and a "
                   "customer that starts cold, with 'prices' killed, has nothing there. Keep "
                   f"what a customer learns in its own variables. {ASK_AGAIN}")
        return True
    named = sorted(set(PRICES) & set().union(*map(string_constants, helpers)))
    if named:
        check.fail(f"the customer names {short(named[0])} itself: it keeps prices of its own "
                   "(a copy of the table?), where a customer knows a price only by asking "
                   f"'prices'. {ASK_AGAIN}")
        return True
    table = _price_table_read(helpers)
    if table:
        check.fail(f"the customer reads {table}, a table of prices of its own (a fallback "
                   "for when a call fails?), where a customer knows a price only by asking "
                   "'prices': a copy says what the prices were, not what they are (in a real "
                   f"shop they change). {ASK_AGAIN}")
        return True
    if _uses(customer, "PRICES") and not _uses(customer, "Prices"):   # (not to start one)
        check.fail("the customer reads PRICES, the table the server was started with. A "
                   "customer knows a price only by asking 'prices' (in a real shop the "
                   f"server's prices change, and a copy does not). {ASK_AGAIN}")
        return True
    return False


ASK_AGAIN = "When a call fails, ask 'prices' again, after a pause: sleep(10)"


def _price_table_read(functions: list[Callable]) -> str | None:
    """The name of a global dict with the shop's items as keys that one of `functions`
    reads (a copy of the prices: `FALLBACK = {"tea": 3, "cake": 5}`), other than PRICES
    itself; else None."""
    for function in functions:
        scope = getattr(function, "__globals__", {})
        for name in sorted(names_used(function)):
            value = scope.get(name)
            if name != "PRICES" and isinstance(value, dict) and set(PRICES) & set(value):
                return name
    return None


def _spins(customer: Callable) -> bool:
    """Does a customer spin without end once "prices" is killed at its first request?
    (Explored, such a run would take 20,000 steps, and there would be many.) A process
    that holds the thread for PRE_RUN_SECONDS is stopped, with reason "interrupted"."""
    node = reset(log=None, max_seconds=PRE_RUN_SECONDS, faults=[faults.kill("prices", after=1)])
    try:
        _shop(customer)
    except RunawayError:
        fresh_node()                # the spinning customers are only paused: end them
        return True
    except Exception:               # anything else shows in the exploration, explained
        pass
    return any(e.kind == "exit" and e.data["reason"] == "interrupted" for e in node.trace.events)


def _uses(customer: Callable, name: str) -> bool:
    """Does the customer's code (its helpers included) use `name` (whereis, Exit)?"""
    return any(name in names_used(code) for code in _with_helpers(customer))


def _worst_first(outcome: Any) -> int:
    """Which wrong outcome of the shop to explain first: a call that found no process (a
    stale pid shows so), then any other exit, then the rest."""
    if type(outcome) is not tuple:
        return 2
    exits = [got[1] for got in outcome if type(got) is tuple and got[:1] == ("exit",)]
    return 0 if "noproc" in exits else 1 if exits else 2


STARTED_ITSELF = ("A customer started a process itself (a 'prices' of its own?): the "
                  "supervisor restarts 'prices', and one started elsewhere takes the name "
                  "from it. Leave restarts to the supervisor, and ask 'prices' again")


def _started_itself(trace: Trace, names: tuple) -> bool:
    """Did one of the processes called `names` start a process?"""
    mine = {pid for pid, label in trace.names().items() if label in names}
    return any(e.kind == "spawn" and e.pid in mine for e in trace.events)


def _shop_failure(trace: Trace, error: str) -> str:
    """Why the shop itself failed (`error`, the class name of what the shell got)."""
    if _started_itself(trace, tuple(BASKETS)):
        return STARTED_ITSELF
    if error == "DeadlockError":
        return ("the shell waited for a customer's answer that never came: a customer "
                "crashed, or waits for ever. Catch the Exit of a failed call, and try again")
    if error == "Exit":
        return ("the shell, linked to the supervisor, got its exit: the supervisor "
                "gave up. Leave restarts to it, and only ask 'prices' again")
    return AGAIN_AND_AGAIN


def _shop_advice(trace: Trace, who: str, answer: Any, looks_up: bool, catches: bool) -> str:
    """What to change, from what went wrong for customer `who` (`looks_up`: the customer's
    code calls whereis; `catches`: it catches Exit)."""
    mine = {pid for pid, label in trace.names().items() if label == who}
    if _started_itself(trace, (who,)):
        return STARTED_ITSELF
    ended = {e.pid: e.step for e in trace.events if e.kind == "exit"}
    if any(e.kind == "monitor" and e.pid in mine and e.data["target"] in ended
           and ended[e.data["target"]] < e.step for e in trace.events):
        fix = ("A pid from whereis('prices') is good only until the next kill, even "
               "looked up just before the call: call the name itself at each call, "
               "GenServer.call('prices', ...)" if looks_up else
               "Ask for 'prices' by name at each call")
        return ("Its call went to the old pid of 'prices', dead since the kill: the "
                f"supervisor started a new process, with a new pid. {fix}")
    if type(answer) is tuple and answer[:1] == ("raised",) and looks_up:
        return ("Between the kill and the restart nobody has the name, and whereis('prices') "
                "answers None, which is no server to call. Call the name itself, "
                "GenServer.call('prices', ...), catch the Exit and try again after a pause")
    if type(answer) is tuple and answer[:1] == ("exit",):
        if answer[1] == "noproc" and catches:
            return ("Its call came when nobody had the name 'prices': after the kill, "
                    "before the supervisor had restarted it. Your customer catches the Exit, "
                    "but it tries again at once, or too few times: the next try came before "
                    "the restart too. Pause before each try, sleep(10) (it lets the "
                    "supervisor go first), and try a few times, not just once")
        if answer[1] == "noproc":
            return ("Its call came when nobody had the name 'prices': after the kill, "
                    "before the supervisor had restarted it. A call can fail two ways here: "
                    "nobody has the name yet (noproc), or the server dies holding the call "
                    "(killed). Catch the Exit and try again, after a pause (sleep(10) lets "
                    "the supervisor go first)")
        return ("A call to a server that dies holding it exits with the server's reason: "
                "catch the Exit (except Exit) and try again. Asking a price twice is "
                "harmless")
    if type(answer) is tuple and None in answer:
        return ("It gave up on a price (None). After a failed call, try again, and pause "
                "first: sleep(10) lets the supervisor restart 'prices' (a call made before "
                "it has finds no process)")
    if type(answer) is tuple and len(answer) < len(WANTED[who]):
        return ("A price is missing: after catching the Exit, ask for that item again "
                "(after a pause), until it is answered")
    if type(answer) is tuple and answer[:1] == ("raised",):
        return "Fix what it raised: the error above says what was wrong"
    return "Return the price of each item, in order, as a tuple"
