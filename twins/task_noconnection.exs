# Scenario: a task's monitor fires with :noconnection (what a monitor reports when the
# task's node is cut off; staged by hand: an exit signal :noconnection). Elixir's Task
# makes it no result: await, yield, yield_many and shutdown all exit with
# {:nodedown, node}, this node (nonode@nohost) for a local task. The owner traps exits,
# so the link's EXIT is left in its mailbox (the test waits until it is there).
# Twin: task_noconnection.py.
Twin.start()
Process.flag(:trap_exit, true)

cut_off = fn ->
  task = Task.async(fn -> Process.sleep(1000) end)
  Process.exit(task.pid, :noconnection)
  Process.sleep(50)
  task
end

task = cut_off.()
Twin.say("await", Twin.attempt(fn -> Task.await(task) end))
Twin.say("mailbox", Twin.heard(100))
task = cut_off.()
Twin.say("yield", Twin.attempt(fn -> Task.yield(task) end))
task = cut_off.()
Twin.say("yield_many", Twin.attempt(fn -> Task.yield_many([task]) end))
task = cut_off.()
Twin.say("shutdown", Twin.attempt(fn -> Task.shutdown(task) end))
Twin.say("mailbox", Twin.heard(100))
