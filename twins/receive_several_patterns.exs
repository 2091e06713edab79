# Scenario: a receive with several clauses takes the oldest message that matches any one
# of them, whatever the order of the clauses: the first clause here is for {:a, 1}, but
# {:b, 1} is older. A message that no clause matches ({:a, 5}) is skipped and stays.
# With `after 0` and no match, the timeout clause runs at once.
# Twin: receive_several_patterns.py.
Twin.start()
send(self(), {:b, 1})
send(self(), {:a, 5})
send(self(), {:a, 1})

got = receive do
  {:a, 1} -> :clause_a
  {:b, n} -> {:clause_b, n}
end
Twin.say("clauses for {:a, 1} and {:b, _} take", got)
got = receive do
  {:a, 1} -> :clause_a
  {:c, _} -> :clause_c
end
Twin.say("clauses for {:a, 1} and {:c, _} take", got)
got = receive do
  {:c, _} -> :clause_c
  {:d, _} -> :clause_d
after
  0 -> :none
end
Twin.say("clauses for {:c, _} and {:d, _}, after 0", got)
Twin.say("left in the mailbox", Twin.mailbox())
