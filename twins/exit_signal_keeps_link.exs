# Scenario: a link and the signals along it. A linked process that sends an exit signal
# with Process.exit(pid, reason) does not undo the link: the trapping target gets that
# signal as an EXIT message and, when the sender exits later, a second EXIT. Unlinking
# after an EXIT has arrived leaves that message in the mailbox; unlinking before the
# partner crashes means nothing arrives. Twin: exit_signal_keeps_link.py.
Twin.start()
shell = self()

target = spawn(fn ->
  Process.flag(:trap_exit, true)
  send(shell, :ready)
  for _ <- 1..2, do: receive(do: (message -> send(shell, {:target_got, message})))
end)
receive do: (:ready -> :ok)
sender = spawn(fn ->
  Process.link(target)
  Process.exit(target, :custom)
  receive do: (:go -> exit(:later))
end)
Twin.name(sender, "sender")
receive do: ({:target_got, message} -> Twin.say("the target got", message))
send(sender, :go)
receive do: ({:target_got, message} -> Twin.say("then the target got", message))

Process.flag(:trap_exit, true)
crashed = spawn_link(fn -> receive do: (:go -> exit(:boom)) end)
Twin.name(crashed, "crashed")
send(crashed, :go)
receive do
  :nothing -> :ok
after
  100 -> :ok
end
Twin.say("unlink after it crashed", Process.unlink(crashed))
Twin.say("the mailbox keeps", Twin.heard(100))

unlinked = spawn_link(fn -> receive do: (:go -> exit(:boom)) end)
Twin.say("unlink before it crashes", Process.unlink(unlinked))
send(unlinked, :go)
Twin.say("after it crashed, the mailbox", Twin.heard(100))
