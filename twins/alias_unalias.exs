# Scenario: an alias (OTP 24+, Erlang's :erlang.alias: Elixir 1.14 has no Process.alias)
# is a ref that stands for the process that made it: a message sent to it reaches that
# process until :erlang.unalias, after which such messages are dropped. unalias returns
# true for an active alias and false after that.
# Twin: alias_unalias.py.
Twin.start()
shell = self()

door = :erlang.alias()
spawn(fn -> send(door, {:knock, 1}) end)
receive do: ({:knock, n} -> Twin.say("through the alias", n))
Twin.say("unalias", :erlang.unalias(door))
Twin.say("unalias again", :erlang.unalias(door))
spawn(fn -> send(door, {:knock, 2}); send(shell, :sent) end)
receive do: (:sent -> :ok)
Twin.say("after unalias, the shell's mailbox", Twin.mailbox())
