"""Scenario: a receive with several clauses takes the oldest message that matches any one
of them, whatever the order of the clauses: the first clause here is for ("a", 1), but
("b", 1) is older. A message that no clause matches (("a", 5)) is skipped and stays.
With timeout=0 and no match, ReceiveTimeout is raised at once. In actorlab the clauses
are the alternatives of a OneOf pattern. Twin: receive_several_patterns.exs."""
from twin import mailbox, say, start

from actorlab import ANY, OneOf, ReceiveTimeout, receive, self_pid, send

start()
send(self_pid(), ("b", 1))
send(self_pid(), ("a", 5))
send(self_pid(), ("a", 1))

message = receive(OneOf(("a", 1), ("b", ANY)))
got = "clause_a" if message == ("a", 1) else ("clause_b", message[1])
say("clauses for {:a, 1} and {:b, _} take", got)
message = receive(OneOf(("a", 1), ("c", ANY)))
got = "clause_a" if message == ("a", 1) else "clause_c"
say("clauses for {:a, 1} and {:c, _} take", got)
try:
    message = receive(OneOf(("c", ANY), ("d", ANY)), timeout=0)
    got = "clause_c" if message[0] == "c" else "clause_d"
except ReceiveTimeout:
    got = "none"
say("clauses for {:c, _} and {:d, _}, after 0", got)
say("left in the mailbox", mailbox())
