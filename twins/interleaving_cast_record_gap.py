"""Scenario: the tempting fix for the accounts/ledger call cycle: accounts casts the record
to ledger instead of calling, so nothing waits in a cycle. But a report that ledger
works on while the record waits in its mailbox reads the balance after the payment and
the entries before it: balance 70, no entry. Forced here: ledger's report works 200 ms
before it asks accounts for the balance, and ann pays at 100 ms. Once the report is
done, ledger takes the record. Twin: interleaving_cast_record_gap.exs."""
from twin import say, start

from actorlab import ANY, GenServer, receive, self_pid, send, sleep, spawn

start()
shell = self_pid()


class Accounts(GenServer):
    def init(self, balance):
        return ("ok", balance)

    def handle_call(self, request, from_, balance):
        if request == "balance":
            return ("reply", balance, balance)
        _, amount = request                            # ("pay", amount)
        GenServer.cast("ledger", ("record", amount))
        return ("reply", "paid", balance - amount)


class Ledger(GenServer):
    def init(self, entries):
        return ("ok", entries)

    def handle_call(self, request, from_, entries):
        if request == "report":
            sleep(200)
            balance = GenServer.call("accounts", "balance", timeout=None)
            return ("reply", (balance, entries), entries)
        return ("reply", entries, entries)             # "entries"

    def handle_cast(self, message, entries):           # ("record", amount)
        return ("noreply", entries + [message[1]])


GenServer.start(Accounts, 100, name="accounts")
GenServer.start(Ledger, [], name="ledger")
spawn(lambda: send(shell, ("bob", GenServer.call("ledger", "report"))))
sleep(100)
say("ann pays 30", GenServer.call("accounts", ("pay", 30)))
say("bob's report: {balance, entries}", receive(("bob", ANY))[1])
say("the ledger's entries afterwards", GenServer.call("ledger", "entries"))
