# Scenario: linking to a process that has already exited. A caller that does not trap
# exits gets a catchable error, :noproc (OTP 25's link/1 raises it), and lives on; one
# that traps exits gets true and an {:EXIT, pid, :noproc} message, as if the link had been
# made and then broken. Twin: link_dead_pid_raises_noproc.py (needs actorlab's runtime to
# raise instead of sending an exit signal).
Twin.start()

dead = spawn(fn -> :ok end)
Twin.name(dead, "dead")
Process.sleep(100)
Twin.say("link, not trapping exits", Twin.attempt(fn -> Process.link(dead) end))
Twin.say("the shell lives on, its mailbox", Twin.mailbox())
Process.flag(:trap_exit, true)
Twin.say("link, trapping exits", Process.link(dead))
Twin.say("the shell's mailbox", Twin.mailbox())
