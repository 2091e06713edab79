# Scenario: Process.link, Process.unlink and Process.exit/2 return true, always: linking
# twice, to yourself, unlinking what was never linked, unlinking or signalling a dead
# process. Twin: link_unlink_exit_return_true.py (needs actorlab's runtime to return True).
Twin.start()

waiter = spawn(fn -> receive do: (:never -> :ok) end)
dead = spawn(fn -> :ok end)
Process.sleep(100)
Twin.say("link", Process.link(waiter))
Twin.say("link again", Process.link(waiter))
Twin.say("link to yourself", Process.link(self()))
Twin.say("unlink", Process.unlink(waiter))
Twin.say("unlink again", Process.unlink(waiter))
Twin.say("unlink a dead process", Process.unlink(dead))
Twin.say("exit(pid, :kill)", Process.exit(waiter, :kill))
Twin.say("exit(dead pid, :kill)", Process.exit(dead, :kill))
