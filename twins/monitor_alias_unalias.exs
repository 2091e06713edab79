# Scenario: a monitor whose ref is also an alias (alias: :demonitor, what a GenServer call
# uses). Any number of messages sent through it arrive while the monitor lives. Once the
# DOWN has come the alias is gone, so :erlang.unalias says false; unalias on a live
# monitor's alias says true and ends only the alias: the monitor still fires. A plain
# alias whose owner has exited can still be sent to: send returns the message, which
# reaches no one. Twin: monitor_alias_unalias.py.
Twin.start()
shell = self()

worker = spawn(fn -> receive do: (:stop -> :ok) end)
ref = :erlang.monitor(:process, worker, alias: :demonitor)
spawn(fn -> send(ref, :one); send(ref, :two); send(shell, :sent) end)
receive do: (:sent -> :ok)
Twin.say("through the monitor's alias", Twin.heard(100))
send(worker, :stop)
receive do: ({:DOWN, ^ref, _, _, reason} -> Twin.say("the DOWN", reason))
Twin.say("unalias after the DOWN", :erlang.unalias(ref))

other = spawn(fn -> receive do: (:stop -> :ok) end)
ref = :erlang.monitor(:process, other, alias: :demonitor)
Twin.say("unalias a live monitor's alias", :erlang.unalias(ref))
send(other, :stop)
receive do: ({:DOWN, ^ref, _, _, reason} -> Twin.say("the monitor still fires", reason))

owner = spawn(fn -> send(shell, {:alias, :erlang.alias()}) end)
door = receive do: ({:alias, door} -> door)
Process.sleep(100)
Twin.say("the owner is alive", Process.alive?(owner))
Twin.say("send to its alias", Twin.attempt(fn -> send(door, :hi) end))
