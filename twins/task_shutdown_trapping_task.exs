# Scenario: Task.shutdown of tasks that trap exits. Each gets {:EXIT, owner, :shutdown}
# as a message and decides: one returns what it saw, and shutdown answers {:ok, value};
# one exits :cleanup: {:exit, :cleanup}; one ignores it and is killed when the 100 ms run
# out: {:exit, :killed}; one exits :shutdown itself: nil, as if it had been stopped.
# :brutal_kill does not ask: nil. The owner does not trap exits, lives on, and gets no
# message. Twin: task_shutdown_trapping_task.py.
Twin.start()
shell = self()

trapping = fn after_exit ->
  task =
    Task.async(fn ->
      Process.flag(:trap_exit, true)
      send(shell, :ready)

      receive do
        {:EXIT, from, reason} -> after_exit.({from == shell, reason})
      end
    end)

  receive do: (:ready -> task)
end

t1 = trapping.(fn seen -> seen end)
Twin.say("returns what it saw (from the owner?, reason)", Task.shutdown(t1, 100))
t2 = trapping.(fn _ -> exit(:cleanup) end)
Twin.say("exits :cleanup", Task.shutdown(t2, 100))
t3 = trapping.(fn _ -> Process.sleep(1000) end)
Twin.say("ignores it", Task.shutdown(t3, 100))
t4 = trapping.(fn _ -> exit(:shutdown) end)
Twin.say("exits :shutdown", Task.shutdown(t4, 100))
t5 = trapping.(fn _ -> Process.sleep(1000) end)
Twin.say("brutal_kill", Task.shutdown(t5, :brutal_kill))
Twin.say("mailbox", Twin.heard())
