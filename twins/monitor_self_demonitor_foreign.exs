# Scenario: monitors and refs that are not quite what they seem. A process may monitor
# itself: it gets a ref (and no DOWN while it lives). Process.demonitor returns true for
# a ref that is not one of this process's monitors, another process's monitor ref or a
# plain make_ref(), and does nothing to it: the other process's monitor still fires.
# Twin: monitor_self_demonitor_foreign.py.
Twin.start()
shell = self()

me = Process.monitor(self())
Twin.say("monitor yourself", me)
Twin.say("demonitor it", Process.demonitor(me))

target = spawn(fn -> receive do: (:stop -> :ok) end)
spawn(fn ->
  ref = Process.monitor(target)
  send(shell, {:ref, ref})
  receive do: ({:DOWN, ^ref, _, _, reason} -> send(shell, {:watcher_got_down, reason}))
end)
foreign = receive do: ({:ref, ref} -> ref)
Twin.say("demonitor the watcher's monitor", Twin.attempt(fn -> Process.demonitor(foreign) end))
Twin.say("demonitor a plain ref", Process.demonitor(make_ref()))
send(target, :stop)
Twin.say("the watcher still gets its DOWN", Twin.heard(100))
