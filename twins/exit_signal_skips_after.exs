# Scenario: a process ended by an exit signal runs none of its code: not an `after` block
# (try/after), whether it kills itself, is killed while it waits, or dies of a linked
# process's crash. Only the DOWN comes; nothing it would send arrives.
# Twin: exit_signal_skips_after.py.
Twin.start()
shell = self()

{_, ref} = spawn_monitor(fn ->
  try do
    Process.exit(self(), :kill)
  after
    send(shell, :after_ran_1)
  end
end)
receive do: ({:DOWN, ^ref, :process, _, r} -> Twin.say("exit(self, :kill) inside try/after: DOWN", r))
Twin.say("  the shell got", Twin.heard(100))

{pid, ref} = spawn_monitor(fn ->
  try do
    receive do: (:never -> :ok)
  after
    send(shell, :after_ran_2)
  end
end)
Process.sleep(100)
Process.exit(pid, :shutdown)
receive do: ({:DOWN, ^ref, :process, _, r} -> Twin.say("exit(pid, :shutdown) while it waits in try/after: DOWN", r))
Twin.say("  the shell got", Twin.heard(100))

{_, ref} = spawn_monitor(fn ->
  spawn_link(fn -> Process.sleep(100); exit(:crash) end)
  try do
    receive do: (:never -> :ok)
  after
    send(shell, :after_ran_3)
  end
end)
receive do: ({:DOWN, ^ref, :process, _, r} -> Twin.say("a linked process crashes while it waits in try/after: DOWN", r))
Twin.say("  the shell got", Twin.heard(100))
