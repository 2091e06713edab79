# Scenario: what a registry's end does to the processes registered in it. They are linked
# to it: when the registry is stopped, even normally, each gets an exit signal :shutdown,
# so one that does not trap exits dies, and one that traps exits gets an EXIT message. When
# the registry is killed, they get :killed. Twin: registry_stops.py.
Twin.start()

defmodule Member do
  def start(registry, key, trap) do
    spawn(fn ->
      Process.flag(:trap_exit, trap)
      Registry.register(registry, key, nil)
      send(:shell, {:registered, key})
      receive do: ({:EXIT, _from, reason} -> send(:shell, {key, :got_EXIT, reason}))
    end)
  end
end

defmodule Shell do
  def try_ending(how, registry) do
    {:ok, reg} = Registry.start_link(keys: :unique, name: registry)
    Process.unlink(reg)
    plain = Member.start(registry, :plain, false)
    Member.start(registry, :trapping, true)
    receive do: ({:registered, :plain} -> :ok)
    receive do: ({:registered, :trapping} -> :ok)
    ref = Process.monitor(plain)
    if how == :stopped, do: Supervisor.stop(reg), else: Process.exit(reg, :kill)
    receive do: ({:DOWN, ^ref, :process, _, reason} -> Twin.say("#{how}: one that does not trap exits dies of", reason))
    receive do: ({:trapping, :got_EXIT, reason} -> Twin.say("#{how}: one that traps exits gets an EXIT with", reason))
  end
end

Process.register(self(), :shell)
Shell.try_ending(:stopped, Stopped)
Shell.try_ending(:killed, Killed)
