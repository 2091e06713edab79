# Scenario: `Process.exit(pid, :kill)` cannot be trapped: even a process that traps exits
# dies, with reason :killed, and its links get :killed (trappable, like any other reason).
# `Process.exit(pid, :killed)` is an ordinary reason: a trapping process gets it as a
# message. A process that exits with reason :kill itself sends its links a plain :kill:
# trapped as a message, and a non-trapping partner dies with reason :kill, not :killed.
# The helpers report to the shell, which reads in a fixed order. Twin: kill_vs_killed.py.
Twin.start()

defmodule Helper do
  # A process that links to `target` (if any), traps exits if `trap`, and forwards its
  # first message to the shell; `start` returns once it is ready.
  def start(target, trap) do
    shell = self()
    pid = spawn(fn ->
      Process.flag(:trap_exit, trap)
      if target, do: Process.link(target)
      send(shell, :ready)
      receive do
        message -> send(shell, {:forwarded, message})
      end
    end)
    receive do
      :ready -> pid
    end
  end

  def forwarded do
    receive do
      {:forwarded, message} -> message
    end
  end

  def down(monitor) do
    receive do
      {:DOWN, ^monitor, :process, _, reason} -> reason
    end
  end
end

victim = Helper.start(nil, true)
Twin.name(victim, "victim")
Helper.start(victim, true)
monitor = Process.monitor(victim)
Process.exit(victim, :kill)
Twin.say("a trapping process sent :kill exited with", Helper.down(monitor))
Twin.say("its trapping partner got", Helper.forwarded())

other = Helper.start(nil, true)
Process.exit(other, :killed)
Twin.say("a trapping process sent :killed got", Helper.forwarded())

quitter = spawn(fn ->
  receive do
    :go -> exit(:kill)
  end
end)
Twin.name(quitter, "quitter")
Helper.start(quitter, true)
partner = Helper.start(quitter, false)
monitor = Process.monitor(partner)
send(quitter, :go)
Twin.say("quitter exited with :kill; its trapping partner got", Helper.forwarded())
Twin.say("and its other partner exited with", Helper.down(monitor))
