# Scenario: only one pair is slow. The sender's first message is late by 100 ms; its
# second waits behind it (a pair keeps its order); another sender's message, sent after
# both, comes first. On the BEAM the delay is staged: the slow sender sleeps 100 ms
# before sending both. actorlab: faults.delay(:first, 100).
Twin.start()
shell = self()
slow = spawn(fn -> receive do: (:go -> :ok)
                   Process.sleep(100); send(shell, :first); send(shell, :second) end)
fast = spawn(fn -> receive do: (:go -> :ok)
                   send(shell, :third) end)
send(slow, :go)
send(fast, :go)
Twin.say("the shell heard", Twin.heard(300))
