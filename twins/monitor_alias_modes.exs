# Scenario: the alias option of a monitor (OTP 24+) says when the alias ends. :demonitor
# (what a GenServer call uses): with the monitor, so a message sent through it after the
# DOWN is dropped. :explicit_unalias: only at :erlang.unalias, so it outlives the
# monitor. :reply_demonitor: the first message through the alias ends the monitor and
# the alias, so a second message is dropped and no DOWN comes.
# Twin: monitor_alias_modes.py.
Twin.start()
shell = self()

worker = spawn(fn -> receive do: (:stop -> :ok) end)
ref = :erlang.monitor(:process, worker, alias: :demonitor)
send(worker, :stop)
receive do: ({:DOWN, ^ref, _, _, reason} -> Twin.say("demonitor: DOWN", reason))
spawn(fn -> send(ref, :after_down); send(shell, :sent) end)
receive do: (:sent -> :ok)
Twin.say("demonitor: after the DOWN", Twin.heard(100))

worker = spawn(fn -> receive do: (:stop -> :ok) end)
ref = :erlang.monitor(:process, worker, alias: :explicit_unalias)
send(worker, :stop)
receive do: ({:DOWN, ^ref, _, _, reason} -> Twin.say("explicit_unalias: DOWN", reason))
spawn(fn -> send(ref, :after_down); send(shell, :sent) end)
receive do: (:sent -> :ok)
Twin.say("explicit_unalias: after the DOWN", Twin.heard(100))
Twin.say("explicit_unalias: unalias", :erlang.unalias(ref))

worker = spawn(fn -> receive do: (:stop -> :ok) end)
ref = :erlang.monitor(:process, worker, alias: :reply_demonitor)
spawn(fn -> send(ref, :reply1); send(ref, :reply2); send(shell, :sent) end)
receive do: (:sent -> :ok)
send(worker, :stop)
Twin.say("reply_demonitor: the mailbox", Twin.heard(100))
