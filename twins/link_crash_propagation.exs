# Scenario: links are two-way, and an abnormal exit travels along them: a process that does
# not trap exits dies with its linked partner's reason, whichever of the two made the link.
# A normal exit kills nobody. The shell watches with monitors (not links) and reads each
# DOWN in a fixed order. Twin: link_crash_propagation.py. Crash reasons print without their
# stack trace.
Twin.start()

defmodule Pair do
  # Two processes, `second` linked to `first`; each exits when told to.
  def start do
    shell = self()
    first = spawn(&wait/0)
    second = spawn(fn ->
      Process.link(first)
      send(shell, :linked)
      wait()
    end)
    receive do
      :linked -> {first, Process.monitor(first), second, Process.monitor(second)}
    end
  end

  def wait do
    receive do
      {:exit, :crash} -> raise "boom"
      {:exit, reason} -> exit(reason)
    end
  end

  def reason(monitor) do
    receive do
      {:DOWN, ^monitor, :process, _, reason} -> reason
    end
  end
end

{first, first_down, _second, second_down} = Pair.start()
send(first, {:exit, :crash})
Twin.say("first crashed", Pair.reason(first_down))
Twin.say("so its partner exited", Pair.reason(second_down))

{_first, first_down, second, second_down} = Pair.start()
send(second, {:exit, :oops})
Twin.say("second exited", Pair.reason(second_down))
Twin.say("so first, which did not make the link, exited", Pair.reason(first_down))

{first, first_down, second, _second_down} = Pair.start()
send(first, {:exit, :normal})
Twin.say("first exited", Pair.reason(first_down))
Twin.say("its partner is alive", Process.alive?(second))
