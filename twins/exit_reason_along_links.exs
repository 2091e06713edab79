# Scenario: an exit signal with a custom reason, sent with Process.exit(pid, reason) to a
# process that does not trap exits, kills it with that reason, and the reason travels on
# along its links: its non-trapping partner dies with the same {:custom, 1}. The shell,
# trapping exits and linked to both, gets an EXIT from each (they come from different
# processes, so they are sorted before printing: the target's, then the partner's).
# Twin: exit_reason_along_links.py.
Twin.start()
Process.flag(:trap_exit, true)
shell = self()

target = spawn_link(fn -> receive do: (:never -> :ok) end)
Twin.name(target, "target")
partner = spawn(fn ->
  Process.link(target)
  Process.link(shell)
  send(shell, :ready)
  receive do: (:never -> :ok)
end)
Twin.name(partner, "partner")
receive do: (:ready -> :ok)

Process.exit(target, {:custom, 1})
exits = Twin.heard(100)
Twin.say("the shell got", Enum.sort_by(exits, fn {:EXIT, pid, _} -> pid == partner end))
