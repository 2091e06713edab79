# Scenario: a Task is killed while it works. Its owner is linked to it and does not trap
# exits: the link's signal (:killed) ends the owner before its Task.await can say
# anything. A trapping owner lives: Task.await exits with {:killed, {Task, :await, ...}}
# and the EXIT stays in its mailbox. Staged by hand: the task tells the shell it is
# working, and the shell kills it. actorlab: faults.kill("task", after=1) (the task's
# first receive is the :go its owner sends).
Twin.start()
shell = self()

for trap <- [false, true] do
  owner =
    spawn(fn ->
      receive do: (:start -> :ok)
      Process.flag(:trap_exit, trap)
      task = Task.async(fn -> receive do: (:go -> send(shell, {:working, self()}); Process.sleep(1000)) end)
      send(task.pid, :go)
      result = Twin.attempt(fn -> Task.await(task, 500) end)
      send(shell, {:owner, result |> then(fn {:exit, {r, {Task, :await, _}}} -> {:exit, {r, :await}}; o -> o end), Twin.mailbox() |> Enum.map(fn {:EXIT, _, r} -> {:EXIT, r}; m -> m end)})
    end)
  Twin.name(owner, "owner")
  ref = Process.monitor(owner)
  send(owner, :start)
  receive do: ({:working, t} -> Process.exit(t, :kill))
  receive do
    {:owner, result, box} -> Twin.say("trap #{trap}: await", result); Twin.say("trap #{trap}: owner's mailbox", box)
    {:DOWN, ^ref, :process, _, reason} -> Twin.say("trap #{trap}: the owner ended", reason)
  end
end
