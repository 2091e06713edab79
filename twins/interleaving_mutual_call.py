"""Scenario: two servers that call each other: `accounts` calls `ledger` to record a
payment, `ledger` calls `accounts` for the balance in a report. One after the other, both
complete. When a payment and a report cross (each handler does 100 ms of work first, so
they do), each server waits for the other: only the calls' timeouts end it, and the
crash spreads to both servers and both clients. Twin: interleaving_mutual_call.exs."""
from twin import attempt, say, start

from actorlab import ANY, GenServer, receive, self_pid, send, sleep, spawn, whereis

start()


class Accounts(GenServer):
    def init(self, balance):
        return ("ok", balance)

    def handle_call(self, request, from_, balance):
        if request == "balance":
            return ("reply", balance, balance)
        _, amount = request                                  # ("pay", amount)
        sleep(100)
        assert GenServer.call("ledger", ("record", amount), 200) == "ok"
        return ("reply", "paid", balance - amount)


class Ledger(GenServer):
    def init(self, entries):
        return ("ok", entries)

    def handle_call(self, request, from_, entries):
        if request == "report":
            sleep(100)
            balance = GenServer.call("accounts", "balance", 1000)
            return ("reply", (balance, entries), entries)
        _, amount = request                                  # ("record", amount)
        return ("reply", "ok", entries + [amount])


GenServer.start(Accounts, 100, name="accounts")
GenServer.start(Ledger, [], name="ledger")
say("one after the other, pay", GenServer.call("accounts", ("pay", 30)))
say("one after the other, report", GenServer.call("ledger", "report"))

shell = self_pid()


def ann():
    send(shell, ("ann", attempt(lambda: GenServer.call("accounts", ("pay", 30)))))


def bob():
    send(shell, ("bob", attempt(lambda: GenServer.call("ledger", "report"))))


spawn(ann)
spawn(bob)
say("at the same time, pay", receive(("ann", ANY))[1])
say("at the same time, report", receive(("bob", ANY))[1])
say("accounts and ledger still running", [whereis("accounts"), whereis("ledger")])
