# Scenario: the watched process itself sends through its watcher's monitor alias, late
# (staged: at once, since it exits right after and nothing overtakes its message), then
# exits with :bye. The message comes before the DOWN in every mode; :reply_demonitor's
# message ends the monitor, so no DOWN comes.
# Twin: fault_delay_watched_replies_then_exits.py.
Twin.start()
for mode <- [:demonitor, :explicit_unalias, :reply_demonitor] do
  worker = spawn(fn -> receive do: ({:reply_to, ref} -> send(ref, {:reply, ref})); exit(:bye) end)
  ref = :erlang.monitor(:process, worker, alias: mode)
  send(worker, {:reply_to, ref})
  heard = Twin.heard(500) |> Enum.map(fn {:DOWN, _, _, _, r} -> {:DOWN, r}; m -> m end)
  Twin.say("#{mode}: heard", heard)
end
