# Scenario: a message through a :reply_demonitor monitor alias is late (staged: sent 300
# ms later). Part 1: the watched worker lives: the late reply arrives, and it ends the
# monitor (no DOWN when the worker stops). Part 2: the worker dies at 100 ms, before the
# late reply arrives: the DOWN comes, the alias ends with it, the reply is dropped.
# Twin: fault_delay_reply_demonitor_alias.py.
Twin.start()
worker = spawn(fn -> receive do: (:stop -> :ok) end)
ref = :erlang.monitor(:process, worker, alias: :reply_demonitor)
sender = spawn(fn -> receive do: (:go -> :ok); Process.sleep(300); send(ref, {ref, :reply}) end)
send(sender, :go)
Twin.say("part 1: heard", Twin.heard(500))
send(worker, :stop)
Twin.say("part 1: after the worker stops", Twin.heard(100))

worker = spawn(fn -> receive do: (:stop -> :ok) end)
ref = :erlang.monitor(:process, worker, alias: :reply_demonitor)
sender = spawn(fn -> receive do: (:go -> :ok); Process.sleep(300); send(ref, {ref, :reply}) end)
send(sender, :go)
Process.sleep(100)
send(worker, :stop)
Twin.say("part 2: heard", Twin.heard(500))
