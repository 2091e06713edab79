# Scenario: a process that sends an exit signal to itself with Process.exit(self(), reason).
# :kill ends it with :killed, trapping or not. :normal ends a process that does not trap
# exits (the one case where a :normal signal kills), but to a process that traps exits it
# is just an {:EXIT, self, :normal} message; so is any other reason.
# Twin: exit_signal_to_self.py.
Twin.start()
shell = self()

for {trap, reason} <- [{false, :kill}, {true, :kill}, {false, :normal}, {true, :normal}, {true, :other}] do
  {pid, ref} = spawn_monitor(fn ->
    Process.flag(:trap_exit, trap)
    Process.exit(self(), reason)
    receive do: (message -> send(shell, {:got, message}))
  end)

  receive do
    {:got, {:EXIT, _, got}} -> Twin.say("trapping #{trap}, exit(self, #{reason}): an EXIT message", got)
    {:DOWN, ^ref, :process, _, got} -> Twin.say("trapping #{trap}, exit(self, #{reason}): it exits with", got)
  end

  Process.demonitor(ref, [:flush])
  Process.exit(pid, :kill)
end
