"""Scenarios for tests/test_explore.py, in a module of their own so that worker processes
can import them (explore's `workers` and `executor`)."""
from actorlab import ANY, GenServer, make_ref, receive, self_pid, send, spawn


def who_is_first():
    """Two processes, started together, each send the shell a name: who comes first?"""
    me = self_pid()
    spawn(lambda: [spawn(send, me, "ann"), spawn(send, me, "bob")])
    return receive()


def self_call():
    """A server that calls itself (notebook 03): a deadlock whatever the order."""
    def server():
        caller, ref, request = receive()
        inner = make_ref()
        send(self_pid(), (self_pid(), inner, "again"))
        receive((inner, ANY))
        send(caller, (ref, "done"))

    pid = spawn(server)
    ref = make_ref()
    send(pid, (self_pid(), ref, "twice"))
    return receive((ref, ANY))[1]


class Counter(GenServer):
    """A counter with get and set: a read-modify-write from outside races."""

    def init(self, count):
        return ("ok", count)

    def handle_call(self, request, from_, count):
        if request == "get":
            return ("reply", count, count)
        if request == "bump":
            return ("reply", count + 1, count + 1)
        return ("reply", "ok", request[1])          # ("set", n)


def _clients(count, client):
    """Start `count` clients together from one process; wait for them; the final count."""
    GenServer.start(Counter, 0, name="counter")
    shell = self_pid()

    def run():
        client()
        send(shell, "done")

    spawn(lambda: [spawn(run) for _ in range(count)])
    for _ in range(count):
        receive("done")
    return GenServer.call("counter", "get")


def lost_update(clients):
    """Each client gets the count, then sets it one higher: updates can be lost."""
    def client():
        count = GenServer.call("counter", "get")
        GenServer.call("counter", ("set", count + 1))

    return _clients(clients, client)


def atomic_update(clients):
    """The fix: the server adds, in one call."""
    return _clients(clients, lambda: GenServer.call("counter", "bump"))


class Echo(GenServer):
    """Answers "pong"; asked to "ping" its peer, calls the peer first."""

    def init(self, peer):
        return ("ok", peer)

    def handle_call(self, request, from_, peer):
        if request == "ping peer":
            GenServer.call(peer, "pong", "infinity")
        return ("reply", "ok", peer)


def mutual_calls():
    """a and b call each other, each asked by its own client: they may deadlock."""
    GenServer.start(Echo, "b", name="a")
    GenServer.start(Echo, "a", name="b")
    shell = self_pid()

    def ask(server):
        GenServer.call(server, "ping peer", "infinity")
        send(shell, "answered")

    spawn(lambda: [spawn(ask, "a"), spawn(ask, "b")])
    receive("answered")
    receive("answered")
    return "both answered"


def chatterbox():
    """A process that talks to itself forever: the run's budget stops it."""
    def talk():
        while True:
            send(self_pid(), "again")
            receive()

    spawn(lambda: spawn(talk))
    return receive("never")


def a_list():
    """An outcome that cannot be counted."""
    return [1, 2]


class Accounts(GenServer):
    """Takes payments; a supervisor restarts it if it dies."""

    def init(self, _):
        return ("ok", 0)

    def handle_call(self, request, from_, total):
        return ("reply", "paid", total + request[1])


def supervised_payment():
    """A client pays `accounts`; what the client sees, and whether `accounts` runs now
    under a new pid."""
    from actorlab import Exit, Supervisor, whereis
    Supervisor.start_link([{"id": "accounts", "start": (GenServer.start_link,
                                                         (Accounts, None), {"name": "accounts"})}],
                          strategy="one_for_one")
    first = whereis("accounts")
    shell = self_pid()

    def client():
        try:
            answer = GenServer.call("accounts", ("pay", 5))
        except Exit as exit_:
            answer = exit_.reason[0]
        send(shell, ("answer", answer))

    spawn(lambda: spawn(client))
    answer = receive(("answer", ANY))[1]
    now = whereis("accounts")
    return answer, now is not None and now != first


class Bank(GenServer):
    """A balance; with `idempotent`, a payment id seen before is not charged again."""

    def init(self, idempotent):
        return ("ok", (100, frozenset(), idempotent))

    def handle_call(self, request, from_, state):
        balance, seen, idempotent = state
        if request == "balance":
            return ("reply", balance, state)
        _, payment, amount = request
        if idempotent and payment in seen:
            return ("reply", "paid", state)
        return ("reply", "paid", (balance - amount, seen | {payment}, idempotent))


def retried_payment(idempotent):
    """A client pays 10, and retries once if no answer comes within 100 ms."""
    from actorlab import Exit
    GenServer.start(Bank, idempotent, name="bank")
    shell = self_pid()

    def client():
        for _ in range(2):
            try:
                GenServer.call("bank", ("pay", "p1", 10), 100)
                break
            except Exit:
                continue
        send(shell, "done")

    spawn(lambda: spawn(client, label="client"))
    receive("done")
    return GenServer.call("bank", "balance")
