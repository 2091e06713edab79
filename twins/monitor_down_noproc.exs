# Scenario: a monitor is one-way: the watcher gets {:DOWN, ref, :process, pid, reason} when
# the watched process exits, and the watched process is not affected when the watcher
# dies. Monitoring a process that has already exited gives a DOWN with reason :noproc at
# once. After Process.demonitor no DOWN comes; with [:flush] it also removes a DOWN that
# had already arrived. Twin: monitor_down_noproc.py.
Twin.start()

defmodule Worker do
  def start(label) do
    pid = spawn(fn ->
      receive do
        {:exit, reason} -> exit(reason)
      end
    end)
    Twin.name(pid, label)
    pid
  end
end

worker = Worker.start("worker")
monitor = Process.monitor(worker)
send(worker, {:exit, :bye})
receive do
  {:DOWN, ^monitor, _, _, _} = down -> Twin.say("the DOWN message", down)
end

again = Process.monitor(worker)
receive do
  {:DOWN, ^again, _, _, _} = down -> Twin.say("monitoring it again", down)
end

watched = Worker.start("watched")
{_watcher, watcher_down} = spawn_monitor(fn ->
  Process.monitor(watched)
  exit(:watcher_gone)
end)
receive do
  {:DOWN, ^watcher_down, _, _, reason} -> Twin.say("the watcher exited", reason)
end
Twin.say("the watched process is alive", Process.alive?(watched))

dropped = Process.monitor(watched)
kept = Process.monitor(watched)
Twin.say("demonitor", Process.demonitor(dropped))
send(watched, {:exit, :done})
receive do
  {:DOWN, ^kept, _, _, reason} -> Twin.say("the kept monitor's DOWN", reason)
end
Twin.say("no DOWN for the dropped one", Twin.mailbox())

late = Worker.start("late")
monitor = Process.monitor(late)
send(late, {:exit, :bye})
# Wait in a receive, not Process.sleep, so that Twin.mailbox() shows what has arrived.
receive do
  :nothing -> :ok
after
  100 -> :ok
end
Twin.say("a DOWN waiting", Twin.mailbox())
Twin.say("demonitor with flush", Process.demonitor(monitor, [:flush]))
Twin.say("the mailbox after", Twin.mailbox())

# A monitor made by name names the process in its DOWN as {name, node}.
named = Worker.start("named")
Process.register(named, :named)
by_name = Process.monitor(:named)
send(named, {:exit, :bye})
receive do
  {:DOWN, ^by_name, _, _, _} = down -> Twin.say("the DOWN of a monitor by name", down)
end
ghost = Process.monitor(:ghost)
receive do
  {:DOWN, ^ghost, _, _, _} = down -> Twin.say("monitoring an unknown name", down)
end
