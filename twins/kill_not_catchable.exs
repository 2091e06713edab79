# Scenario: a kill cannot be caught: not when a process sends it to itself inside a
# catch-all, and not while it waits in a receive inside a catch-all. Nothing after it runs.
# Twin: kill_not_catchable.py.
Twin.start()
shell = self()

{pid, ref} = spawn_monitor(fn ->
  try do
    Process.exit(self(), :kill)
  catch
    _, _ -> send(shell, :caught_my_own_kill)
  end
  send(shell, :went_on)
end)
Twin.name(pid, "self_killer")
receive do: ({:DOWN, ^ref, :process, _, r} -> Twin.say("exit(self, :kill) in a catch-all: DOWN", r))
Twin.say("then the mailbox", Twin.heard(100))

{pid, ref} = spawn_monitor(fn ->
  try do
    receive do: (:never -> :ok)
  catch
    _, _ -> send(shell, :caught_a_kill)
  after
    send(shell, :after_block_ran)
  end
  send(shell, :went_on)
end)
Twin.name(pid, "waiter")
Process.sleep(100)
Process.exit(pid, :kill)
receive do: ({:DOWN, ^ref, :process, _, r} -> Twin.say("killed while in receive in a catch-all: DOWN", r))
Twin.say("then the mailbox", Twin.heard(100))
