"""Scenario: a client pays, gives up after 100 ms, and tries again with the same payment.
The bank is slow (200 ms a payment), not broken: the first payment was made; only its
reply came too late (and was dropped: the caller had stopped waiting). A plain bank
charges twice; an idempotent one remembers the payment's id and answers the retry
without charging again. Twin: fault_retry_payment.exs."""
from twin import attempt, mailbox, name, say, start

from actorlab import GenServer, sleep

start()


class PlainBank(GenServer):
    def init(self, balance):
        return ("ok", balance)

    def handle_call(self, request, from_, balance):
        if request == "balance":
            return ("reply", balance, balance)
        _, _id, amount = request
        sleep(200)
        return ("reply", "paid", balance - amount)


class IdempotentBank(GenServer):
    def init(self, balance):
        return ("ok", (balance, frozenset()))

    def handle_call(self, request, from_, state):
        balance, paid = state
        if request == "balance":
            return ("reply", balance, state)
        _, id_, amount = request
        sleep(200)
        if id_ in paid:
            return ("reply", "paid", state)
        return ("reply", "paid", (balance - amount, paid | {id_}))


def pay_with_a_retry(bank):
    answer = attempt(lambda: GenServer.call(bank, ("pay", "payment 1", 10), 100))
    if type(answer) is tuple and answer[0] == "exit":
        say("the first try", answer)
        return GenServer.call(bank, ("pay", "payment 1", 10), 500)
    return answer


for bank in (PlainBank, IdempotentBank):
    _, pid = GenServer.start(bank, 100)
    name(pid, "bank")
    say(f"{bank.__name__}: the retry", pay_with_a_retry(pid))
    say(f"{bank.__name__}: the balance after paying 10", GenServer.call(pid, "balance"))
    say(f"{bank.__name__}: the shell's mailbox", mailbox())
